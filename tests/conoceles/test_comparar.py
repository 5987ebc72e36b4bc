import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.candidaturas.factories import ActorPoliticoFactory, CandidaturaFactory, EleccionFactory
from tests.conoceles.factories import publicar

URL = reverse("conoceles:comparar")


@pytest.fixture
def contienda(db):
    return EleccionFactory()


def test_compara_candidaturas_de_la_misma_contienda_en_filas_identicas(client, contienda):
    a = CandidaturaFactory(eleccion=contienda)
    b = CandidaturaFactory(eleccion=contienda, actor=ActorPoliticoFactory())
    publicar(a, propuesta_1="Más bibliotecas")

    respuesta = client.get(URL, {"id": [a.pk, b.pk]})

    assert respuesta.status_code == 200
    assertContains(respuesta, a.persona.nombre_completo)
    assertContains(respuesta, b.persona.nombre_completo)
    assertContains(respuesta, "Más bibliotecas")
    assertContains(respuesta, "La candidatura no proporcionó información.")
    assertContains(respuesta, "Propuesta 1", count=1)


def test_rechaza_candidaturas_de_contiendas_distintas(client, contienda):
    a = CandidaturaFactory(eleccion=contienda)
    b = CandidaturaFactory(eleccion=EleccionFactory(proceso=contienda.proceso))

    respuesta = client.get(URL, {"id": [a.pk, b.pk]})

    assert respuesta.status_code == 400
    assertContains(respuesta, "Sólo se pueden comparar candidaturas de la misma contienda", status_code=400)


@pytest.mark.parametrize(
    ("ids", "mensaje"),
    [
        ([], "Elige al menos dos candidaturas"),
        (["1"], "Elige al menos dos candidaturas"),
        (["1", "2", "3", "4", "5"], "hasta cuatro candidaturas"),
        (["1", "abc"], "no es un identificador de candidatura"),
        # Dígitos Unicode: «²».isdigit() es cierto pero int("²") falla (antes, 500; issue 11).
        (["²", "1"], "no es un identificador de candidatura"),
        (["1", "٣"], "no es un identificador de candidatura"),
    ],
)
def test_pide_de_dos_a_cuatro_identificadores_validos(client, db, ids, mensaje):
    respuesta = client.get(URL, {"id": ids})

    assert respuesta.status_code == 400
    assertContains(respuesta, mensaje, status_code=400)


def test_una_candidatura_inexistente_da_404(client, contienda):
    a = CandidaturaFactory(eleccion=contienda)

    respuesta = client.get(URL, {"id": [a.pk, 999999]})

    assert respuesta.status_code == 404


def test_los_repetidos_cuentan_una_vez(client, contienda):
    a = CandidaturaFactory(eleccion=contienda)

    respuesta = client.get(URL, {"id": [a.pk, a.pk]})

    assert respuesta.status_code == 400


def test_la_comparacion_hace_tres_consultas_con_dos_o_cuatro(client, contienda, django_assert_num_queries):
    candidaturas = [CandidaturaFactory(eleccion=contienda, actor=ActorPoliticoFactory()) for _ in range(4)]
    for c in candidaturas:
        publicar(c)

    # candidaturas, su estado de captura y sus cuestionarios publicados
    with django_assert_num_queries(3):
        client.get(URL, {"id": [c.pk for c in candidaturas[:2]]})
    with django_assert_num_queries(3):
        client.get(URL, {"id": [c.pk for c in candidaturas]})
