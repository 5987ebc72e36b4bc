"""Fábricas del contenido del portal y de las visitas. Cada una construye un objeto publicado y válido."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory
from PIL import Image

from candidaturas.models import Candidatura
from decide.models import AreaDelPortal, Atribucion, EnlaceDeInteres, PreguntaFrecuente, Recurso, VisitaDiaria

factory.Faker._DEFAULT_LOCALE = "es_MX"


def imagen_de_prueba(formato="JPEG", ancho=64, alto=48, exif=None, nombre=None):
    """Un archivo de imagen real en memoria; con `exif` ({etiqueta: valor}) lleva metadatos."""
    imagen = Image.new("RGB", (ancho, alto), (122, 22, 80))
    salida = io.BytesIO()
    opciones = {}
    if exif:
        datos = Image.Exif()
        for etiqueta, valor in exif.items():
            datos[etiqueta] = valor
        opciones["exif"] = datos.tobytes()
    imagen.save(salida, formato, **opciones)
    extension = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}[formato]
    tipo = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}[formato]
    return SimpleUploadedFile(nombre or f"foto.{extension}", salida.getvalue(), content_type=tipo)


class AtribucionFactory(DjangoModelFactory):
    class Meta:
        model = Atribucion

    cargo = Candidatura.Cargo.GUBERNATURA
    proceso = None
    titulo = factory.Sequence(lambda n: f"Cargo de prueba {n}")
    resumen = "Un cargo que existe sólo en las pruebas."
    funciones = "Primera función\nSegunda función"
    como_se_elige = "Por mayoría relativa."
    periodo = "Tres años."
    orden = factory.Sequence(lambda n: n)


class PreguntaFrecuenteFactory(DjangoModelFactory):
    class Meta:
        model = PreguntaFrecuente

    categoria = PreguntaFrecuente.Categoria.VOTO
    pregunta = factory.Sequence(lambda n: f"¿Pregunta de prueba número {n}?")
    respuesta = "Una respuesta de prueba."
    orden = factory.Sequence(lambda n: 1000 + n)


class RecursoFactory(DjangoModelFactory):
    """Por omisión, un video; con `infografia=True`, una infografía."""

    class Meta:
        model = Recurso

    tipo = Recurso.Tipo.VIDEO
    titulo = factory.Sequence(lambda n: f"Recurso de prueba {n}")
    resumen = "Cómo consultar tu sección."
    url_video = "https://www.youtube.com/watch?v=prueba"
    duracion = "2:30"
    miniatura = factory.LazyFunction(lambda: imagen_de_prueba(ancho=320, alto=180))
    transcripcion = "Hola. En este video te mostramos cómo consultar tu sección."

    class Params:
        infografia = factory.Trait(
            tipo=Recurso.Tipo.INFOGRAFIA,
            url_video="",
            duracion="",
            miniatura="",
            transcripcion="",
            imagen=factory.LazyFunction(lambda: imagen_de_prueba("PNG", ancho=300, alto=600)),
            texto_alternativo="Infografía con los tres pasos para consultar tu sección.",
            descripcion_larga="Paso 1: busca tu sección. Paso 2: escríbela. Paso 3: consulta.",
        )


class EnlaceDeInteresFactory(DjangoModelFactory):
    class Meta:
        model = EnlaceDeInteres

    grupo = EnlaceDeInteres.Grupo.RESULTADOS
    titulo = factory.Sequence(lambda n: f"Sitio de prueba {n}")
    url = factory.Sequence(lambda n: f"https://sitio{n}.ejemplo.mx/")
    descripcion = "Un sitio de prueba."


class VisitaDiariaFactory(DjangoModelFactory):
    class Meta:
        model = VisitaDiaria

    fecha = factory.LazyFunction(datetime.date.today)
    area = AreaDelPortal.INICIO
    cuenta = 10
