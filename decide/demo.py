"""Videos e infografías de demostración para `/recursos/` (issue 14: la página no estaba vacía en
`make run`).

Son infografías (no videos: no hay un video real al que enlazar, y un enlace inventado llevaría a una
página que no existe o no corresponde). La imagen se dibuja con Pillow, con la franja
«DEMOSTRACIÓN»; el título termina en «(demostración)», como los procesos ficticios, y la
descripción completa repite, en orden, todo el texto de la imagen. Se crean sólo si hay un proceso
de demostración (así nunca aparecen en un portal real) y una sola vez: si un recurso con el mismo
título ya existe, no se toca.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from candidaturas.models import ProcesoElectoral
from comun.cache_publica import invalidar_paginas_publicas
from decide.models import Recurso

MARCA = "DEMOSTRACIÓN"
AVISO_DE_DEMOSTRACION = f"{MARCA} · material ficticio"
PIE = "Decide IEEM · Instituto Electoral del Estado de México"
ANCHO = 800  # a un tercio de columna en escritorio, el texto de la imagen se lee a ~14 px
MARGEN = 48
PRIMARIO = (122, 22, 80)  # --primario de decide.css
TEXTO = (29, 29, 31)
FONDO_SUAVE = (247, 233, 241)  # --primario-claro
AVISO = (255, 243, 205)
FUENTES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
]


@dataclass(frozen=True)
class Infografia:
    titulo: str
    resumen: str
    texto_alternativo: str
    encabezado: str
    pasos: tuple
    cierre: str
    orden: int

    def descripcion_larga(self):
        """Todo el texto de la imagen, en el orden en que se lee."""
        lineas = [f"{AVISO_DE_DEMOSTRACION}.", self.encabezado]
        lineas += [f"Paso {numero}. {paso}" for numero, paso in enumerate(self.pasos, start=1)]
        lineas += [self.cierre, f"{PIE}."]
        return "\n\n".join(lineas)


INFOGRAFIAS = [
    Infografia(
        titulo="Cómo conocer a tus candidaturas en Conóceles (demostración)",
        resumen=(
            "Material de demostración. Cuatro pasos para encontrar a las personas que compiten en "
            "tu municipio o distrito y leer lo que contestaron."
        ),
        texto_alternativo=(
            "Infografía de demostración con cuatro pasos numerados para encontrar y comparar "
            "candidaturas en Conóceles."
        ),
        encabezado="Conoce a tus candidaturas en cuatro pasos",
        pasos=(
            "Entra a Conóceles desde el menú principal.",
            "Busca por tu municipio, tu distrito o el nombre de la persona.",
            (
                "Abre su perfil: formación, trayectoria, propuestas y, si lo autorizó, su cuestionario "
                "de identidad."
            ),
            "Elige varias personas y compáralas lado a lado.",
        ),
        cierre="La información de cada perfil la proporcionó la propia candidatura.",
        orden=900,
    ),
    Infografia(
        titulo="Cómo opinar sobre una propuesta (demostración)",
        resumen=(
            "Material de demostración. Cómo marcar «Me gusta» o «No me gusta», enviar tu idea y "
            "reportar un comentario inapropiado."
        ),
        texto_alternativo=(
            "Infografía de demostración con cuatro pasos numerados para reaccionar, comentar y "
            "reportar comentarios en una propuesta."
        ),
        encabezado="Opina sobre una propuesta",
        pasos=(
            "Abre una plataforma electoral y elige una propuesta.",
            "Marca «Me gusta» o «No me gusta»: cuenta una vez por navegador y puedes cambiarla.",
            "Escribe tu idea o comentario. Si el personal del IEEM debe revisarlo, se publica después.",
            "Si un comentario te parece inapropiado, repórtalo para que lo revisen.",
        ),
        cierre="Al final del proceso, los partidos y las candidaturas reciben lo que escribiste.",
        orden=910,
    ),
    Infografia(
        titulo="Qué se elige en el Estado de México (demostración)",
        resumen=(
            "Material de demostración. Los cargos de una elección local ordinaria: diputaciones "
            "locales y ayuntamientos."
        ),
        texto_alternativo=(
            "Infografía de demostración que enumera los cargos de una elección local del Estado de "
            "México: diputaciones locales y ayuntamientos."
        ),
        encabezado="¿Qué se elige en una elección local?",
        pasos=(
            (
                "Diputaciones locales: 45 de mayoría relativa, una por distrito, y 30 de "
                "representación proporcional."
            ),
            (
                "Ayuntamientos: en cada uno de los 125 municipios, una presidencia municipal, "
                "sindicaturas y regidurías."
            ),
            "Cada cargo tiene una persona propietaria y una suplente.",
        ),
        cierre="En Atribuciones te explicamos qué hace cada cargo.",
        orden=920,
    ),
]


def _fuente(tamano, negrita=False):
    ruta = FUENTES[0] if negrita else FUENTES[1]
    if ruta.exists():
        return ImageFont.truetype(str(ruta), tamano)
    return ImageFont.load_default(size=tamano)


def _envolver(dibujo, texto, fuente, ancho):
    """Parte `texto` en renglones que caben en `ancho` píxeles."""
    renglones = []
    for parrafo in texto.split("\n"):
        actual = ""
        for palabra in parrafo.split():
            prueba = f"{actual} {palabra}".strip()
            if dibujo.textlength(prueba, font=fuente) <= ancho or not actual:
                actual = prueba
            else:
                renglones.append(actual)
                actual = palabra
        renglones.append(actual)
    return renglones


def dibujar(infografia):
    """PNG de la infografía: franja de demostración, encabezado, pasos numerados y cierre."""
    titulo, cuerpo, negrita, marca = _fuente(52, True), _fuente(36), _fuente(40, True), _fuente(32, True)
    chica = _fuente(26)
    boceto = ImageDraw.Draw(Image.new("RGB", (ANCHO, 10)))
    util = ANCHO - 2 * MARGEN
    encabezado = _envolver(boceto, infografia.encabezado, titulo, util)
    pasos = [_envolver(boceto, paso, cuerpo, util - 110) for paso in infografia.pasos]
    cierre = _envolver(boceto, infografia.cierre, cuerpo, util - 40)
    alto = 96 + 60 + len(encabezado) * 66 + 40
    alto += sum(max(len(p) * 48, 84) + 36 for p in pasos) + 40 + len(cierre) * 48 + 40 + 96 + 40
    imagen = Image.new("RGB", (ANCHO, alto), "white")
    dibujo = ImageDraw.Draw(imagen)

    dibujo.rectangle([0, 0, ANCHO, 96], fill=AVISO)
    aviso = AVISO_DE_DEMOSTRACION
    dibujo.text(
        ((ANCHO - dibujo.textlength(aviso, font=marca)) / 2, 28), aviso, font=marca, fill=(122, 75, 0)
    )
    y = 96 + 60
    for renglon in encabezado:
        dibujo.text((MARGEN, y), renglon, font=titulo, fill=PRIMARIO)
        y += 66
    y += 40
    for numero, renglones in enumerate(pasos, start=1):
        dibujo.ellipse([MARGEN, y, MARGEN + 80, y + 80], fill=PRIMARIO)
        cifra = str(numero)
        dibujo.text(
            (MARGEN + 40 - dibujo.textlength(cifra, font=negrita) / 2, y + 16),
            cifra,
            font=negrita,
            fill="white",
        )
        for indice, renglon in enumerate(renglones):
            dibujo.text((MARGEN + 110, y + 6 + indice * 48), renglon, font=cuerpo, fill=TEXTO)
        y += max(len(renglones) * 48, 84) + 36
    y += 40
    dibujo.rectangle([MARGEN - 20, y - 20, ANCHO - MARGEN + 20, y + len(cierre) * 48 + 20], fill=FONDO_SUAVE)
    for renglon in cierre:
        dibujo.text((MARGEN, y), renglon, font=cuerpo, fill=TEXTO)
        y += 48
    pie = PIE
    dibujo.rectangle([0, alto - 96, ANCHO, alto], fill=PRIMARIO)
    dibujo.text(((ANCHO - dibujo.textlength(pie, font=chica)) / 2, alto - 62), pie, font=chica, fill="white")

    salida = io.BytesIO()
    imagen.save(salida, "PNG", optimize=True)
    return salida.getvalue()


def generar_demo_recursos():
    """Crea las infografías que falten. Devuelve (creadas, ya existían) o None sin proceso demo."""
    if not ProcesoElectoral.objects.filter(es_demostracion=True).exists():
        return None
    creadas = existentes = 0
    with transaction.atomic():
        for infografia in INFOGRAFIAS:
            if Recurso.objects.filter(titulo=infografia.titulo).exists():
                existentes += 1
                continue
            recurso = Recurso(
                tipo=Recurso.Tipo.INFOGRAFIA,
                titulo=infografia.titulo,
                resumen=infografia.resumen,
                texto_alternativo=infografia.texto_alternativo,
                descripcion_larga=infografia.descripcion_larga(),
                orden=infografia.orden,
            )
            recurso.imagen.save("infografia-demostracion.png", ContentFile(dibujar(infografia)), save=False)
            recurso.full_clean()
            recurso.save()
            creadas += 1
        if creadas:
            transaction.on_commit(invalidar_paginas_publicas)
    return creadas, existentes
