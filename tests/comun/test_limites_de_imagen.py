"""Límites de imagen según la especificación (issue 12): la foto de la persona candidata es de
retrato y de pocos megapíxeles; cada mensaje nombra el límite que de verdad se pasó."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains

from comun.imagenes import FOTO, INFOGRAFIA, procesar_imagen


def imagen(ancho, alto, formato="JPEG", orientacion=None):
    contenido = io.BytesIO()
    foto = Image.new("RGB", (ancho, alto), (120, 80, 40))
    extra = {}
    if orientacion:
        exif = Image.Exif()
        exif[0x0112] = orientacion
        extra["exif"] = exif
    foto.save(contenido, formato, **extra)
    tipo = "image/png" if formato == "PNG" else "image/jpeg"
    return SimpleUploadedFile(f"imagen.{formato.lower()}", contenido.getvalue(), content_type=tipo)


def error_de(archivo, limites):
    with pytest.raises(ValidationError) as error:
        procesar_imagen(archivo, limites)
    return error.value.code, " ".join(error.value.messages)


def test_una_foto_horizontal_se_rechaza_y_dice_por_que():
    codigo, mensaje = error_de(imagen(600, 400), FOTO)

    assert codigo == "foto_horizontal"
    assert "La foto es horizontal (600 × 400 píxeles). Usa una foto vertical, de retrato" in mensaje


def test_una_foto_que_el_telefono_giro_cuenta_como_la_vera_la_persona():
    # Guardada de lado (400 × 300) con la marca EXIF «girar 90°»: se ve vertical, 300 × 400.
    limpia = procesar_imagen(imagen(400, 300, orientacion=6), FOTO)

    assert Image.open(limpia).size == (300, 400)


def test_una_foto_de_mas_megapixeles_que_el_limite_lo_dice_en_megapixeles():
    codigo, mensaje = error_de(imagen(2400, 2900), FOTO)

    assert codigo == "imagen_muy_grande"
    assert "2400 × 2900 píxeles (7 megapíxeles); el máximo es 6 megapíxeles" in mensaje


def test_una_foto_con_un_lado_de_mas_dice_el_lado_maximo():
    _codigo, mensaje = error_de(imagen(1000, 4000), FOTO)

    assert "el lado mayor puede medir hasta 3000 píxeles" in mensaje


def test_una_foto_vertical_dentro_de_los_limites_se_reduce_a_1200_px():
    limpia = procesar_imagen(imagen(1800, 2700), FOTO)

    assert Image.open(limpia).size == (800, 1200)


def test_la_infografia_con_demasiados_pixeles_nombra_el_total_y_no_el_lado():
    _codigo, mensaje = error_de(imagen(6000, 6000, "PNG"), INFOGRAFIA)

    assert "(36 megapíxeles); el máximo es 16 megapíxeles" in mensaje
    assert "lado mayor" not in mensaje


@pytest.mark.django_db
def test_una_foto_horizontal_en_la_captura_conserva_lo_escrito(client):
    from tests.cuestionarios.factories import escenario

    datos = escenario()
    client.force_login(datos["cuenta"].usuario)

    respuesta = client.post(
        reverse("cuestionarios:foto", args=[datos["proceso"].slug]),
        {"foto": imagen(900, 600), "propuesta_1": "Lo que escribí antes de la foto"},
    )

    assertContains(respuesta, "La foto es horizontal", status_code=400)
    assertContains(respuesta, "Lo que escribí antes de la foto", status_code=400)
