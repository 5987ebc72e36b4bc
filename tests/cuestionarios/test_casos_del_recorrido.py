"""Casos que el recorrido por roles encontró sobre los datos de `make run` (issue 11)."""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory
from tests.cuestionarios.factories import escenario


@pytest.fixture
def con_dos_candidaturas(client, db):
    """Una persona postulada por mayoría relativa y en la lista de RP del mismo proceso."""
    datos = escenario()
    CandidaturaFactory(
        persona=datos["persona"],
        actor=datos["actor"],
        eleccion=EleccionFactory(proceso=datos["proceso"], representacion_proporcional=True),
    )
    client.force_login(datos["cuenta"].usuario)
    return datos


@pytest.mark.parametrize("pagina", ["aviso", "curricular", "identidad", "vista_previa"])
def test_quien_tiene_dos_candidaturas_en_un_proceso_captura_una_sola_vez(
    client, con_dos_candidaturas, pagina
):
    """Antes: 500 (MultipleObjectsReturned al buscar el proceso por sus candidaturas)."""
    respuesta = client.get(reverse(f"cuestionarios:{pagina}", args=[con_dos_candidaturas["proceso"].slug]))

    assert respuesta.status_code == 200


def test_el_tablero_muestra_sus_dos_candidaturas_en_un_solo_proceso(client, con_dos_candidaturas):
    respuesta = client.get(reverse("cuestionarios:tablero"))

    assert respuesta.status_code == 200
    assert len(respuesta.context["filas"]) == 1
    assert len(respuesta.context["filas"][0]["candidaturas"]) == 2


def _png_bomba(lado=20_000):
    """Un PNG de un bit por píxel de `lado` × `lado`, todo negro: pocos KB comprimido, cientos de
    millones de píxeles al abrirlo."""

    def bloque(tipo, datos):
        return struct.pack(">I", len(datos)) + tipo + datos + struct.pack(">I", zlib.crc32(tipo + datos))

    fila = b"\x00" + bytes((lado + 7) // 8)
    return (
        b"\x89PNG\r\n\x1a\n"
        + bloque(b"IHDR", struct.pack(">IIBBBBB", lado, lado, 1, 0, 0, 0, 0))
        + bloque(b"IDAT", zlib.compress(fila * lado, 9))
        + bloque(b"IEND", b"")
    )


def test_una_foto_bomba_de_descompresion_se_rechaza_con_un_mensaje_claro(client, db):
    datos = escenario()
    client.force_login(datos["cuenta"].usuario)
    bomba = _png_bomba()
    assert len(bomba) < 100 * 1024

    respuesta = client.post(
        reverse("cuestionarios:foto", args=[datos["proceso"].slug]),
        {"foto": SimpleUploadedFile("foto.png", bomba, content_type="image/png")},
    )

    assert respuesta.status_code == 400
    assertContains(respuesta, "demasiados píxeles", status_code=400)
    datos["curricular"].refresh_from_db()
    assert not datos["curricular"].foto
