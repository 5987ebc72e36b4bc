"""Imágenes que sube el personal para videos e infografías: sólo JPG/PNG, acotadas y limpias (X3)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from comun.imagenes import INFOGRAFIA, MINIATURA, procesar_imagen
from decide.admin import RecursoForm
from decide.models import Recurso
from tests.decide.factories import imagen_de_prueba

ETIQUETA_DESCRIPCION = 0x010E
ETIQUETA_ARTISTA = 0x013B


@pytest.fixture(autouse=True)
def _archivos_en_temporal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _codigo_de_error(archivo, limites=MINIATURA):
    with pytest.raises(ValidationError) as error:
        procesar_imagen(archivo, limites)
    return error.value.code


def test_un_texto_con_extension_jpg_se_rechaza():
    falso = SimpleUploadedFile("foto.jpg", b"no soy una imagen", content_type="image/jpeg")

    assert _codigo_de_error(falso) == "formato_no_permitido"


def test_un_svg_se_rechaza_aunque_diga_ser_png():
    svg = SimpleUploadedFile(
        "dibujo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )

    assert _codigo_de_error(svg) == "formato_no_permitido"


@pytest.mark.parametrize("formato", ["GIF", "WEBP"])
def test_otros_formatos_de_imagen_se_rechazan(formato):
    assert _codigo_de_error(imagen_de_prueba(formato)) == "formato_no_permitido"


def test_un_archivo_demasiado_pesado_se_rechaza_antes_de_abrirlo():
    pesado = SimpleUploadedFile("grande.jpg", b"\xff\xd8\xff" + b"0" * (MINIATURA.peso_maximo + 1))

    assert _codigo_de_error(pesado) == "imagen_muy_pesada"


def test_una_imagen_de_dimensiones_enormes_se_rechaza():
    # Un PNG de un solo color comprime muchísimo: pesa poco pero mide 9000 px de lado.
    enorme = imagen_de_prueba("PNG", ancho=9000, alto=10)

    assert enorme.size < INFOGRAFIA.peso_maximo
    assert _codigo_de_error(enorme, INFOGRAFIA) == "imagen_muy_grande"


def test_una_imagen_truncada_se_rechaza_con_mensaje_claro():
    completa = imagen_de_prueba("PNG", ancho=200, alto=200).read()
    truncada = SimpleUploadedFile("rota.png", completa[: len(completa) // 2])

    with pytest.raises(ValidationError) as error:
        procesar_imagen(truncada, MINIATURA)

    assert error.value.code in {"imagen_ilegible"}
    assert "No pudimos leer la imagen" in error.value.messages[0]


def test_una_foto_aceptada_se_vuelve_a_codificar_sin_metadatos():
    con_exif = imagen_de_prueba(exif={ETIQUETA_DESCRIPCION: "Casa de Ana, calle 5", ETIQUETA_ARTISTA: "Ana"})
    assert Image.open(io.BytesIO(con_exif.read())).getexif()

    limpia = procesar_imagen(con_exif, MINIATURA)

    imagen = Image.open(io.BytesIO(limpia.read()))
    assert imagen.format == "JPEG"
    assert not imagen.getexif()
    assert "exif" not in imagen.info
    assert b"Casa de Ana" not in limpia.read()


def test_una_miniatura_grande_se_reduce_y_un_png_sigue_siendo_png():
    limpia = procesar_imagen(imagen_de_prueba("PNG", ancho=3000, alto=1500), MINIATURA)

    imagen = Image.open(io.BytesIO(limpia.read()))
    assert imagen.format == "PNG"
    assert imagen.size == (1280, 640)


def _datos_de_video(**cambios):
    datos = {
        "tipo": Recurso.Tipo.VIDEO,
        "titulo": "Cómo usar Conóceles",
        "resumen": "Paso a paso.",
        "url_video": "https://www.youtube.com/watch?v=abc",
        "duracion": "3:00",
        "transcripcion": "Hola.",
        "texto_alternativo": "",
        "descripcion_larga": "",
        "orden": 1,
        "publicado": "on",
    }
    datos.update(cambios)
    return datos


@pytest.mark.django_db
def test_el_admin_guarda_la_miniatura_limpia_con_nombre_aleatorio():
    form = RecursoForm(
        _datos_de_video(),
        {"miniatura": imagen_de_prueba(nombre="mi casa.jpg", exif={ETIQUETA_ARTISTA: "Ana"})},
    )

    assert form.is_valid(), form.errors
    recurso = form.save()

    assert recurso.miniatura.name.startswith("recursos/miniaturas/")
    assert "casa" not in recurso.miniatura.name
    assert len(recurso.miniatura.name.rsplit("/", 1)[1]) == len("0123456789abcdef0123456789abcdef.jpg")
    assert not Image.open(recurso.miniatura.path).getexif()
    assert (recurso.miniatura_ancho, recurso.miniatura_alto) == (64, 48)


@pytest.mark.django_db
def test_el_admin_rechaza_un_svg_con_un_mensaje_en_espanol():
    svg = SimpleUploadedFile(
        "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", content_type="image/svg+xml"
    )

    form = RecursoForm(_datos_de_video(), {"miniatura": svg})

    assert not form.is_valid()
    assert "JPG o PNG" in " ".join(form.errors["miniatura"])


@pytest.mark.django_db
def test_un_video_sin_transcripcion_no_se_puede_guardar():
    form = RecursoForm(_datos_de_video(transcripcion=""), {"miniatura": imagen_de_prueba()})

    assert not form.is_valid()
    assert form.errors["transcripcion"] == ["Un video necesita su transcripción completa."]


@pytest.mark.django_db
def test_una_infografia_sin_texto_alternativo_no_se_puede_guardar():
    datos = _datos_de_video(
        tipo=Recurso.Tipo.INFOGRAFIA, url_video="", transcripcion="", descripcion_larga="Todo."
    )

    form = RecursoForm(datos, {"imagen": imagen_de_prueba("PNG")})

    assert not form.is_valid()
    assert form.errors["texto_alternativo"] == ["Una infografía necesita su texto alternativo."]


@pytest.mark.django_db
def test_un_video_con_enlace_sin_https_se_rechaza():
    form = RecursoForm(
        _datos_de_video(url_video="http://ejemplo.mx/video"), {"miniatura": imagen_de_prueba()}
    )

    assert not form.is_valid()
    assert "https://" in " ".join(form.errors["url_video"])
