import pytest

from cuestionarios import demo
from cuestionarios.models import CuestionarioCurricular, RespuestaIdentidad
from tests.candidaturas.factories import CandidaturaFactory, ProcesoElectoralFactory


@pytest.mark.django_db
def test_sin_proceso_de_demostracion_no_genera_nada():
    assert demo.generar() is None


@pytest.mark.django_db
def test_la_demo_es_determinista_e_idempotente():
    proceso = ProcesoElectoralFactory(es_demostracion=True)
    for _ in range(12):
        CandidaturaFactory(eleccion__proceso=proceso)

    primero = demo.generar()
    identificadores = sorted(CuestionarioCurricular.objects.values_list("pk", flat=True))
    segundo = demo.generar()

    assert {**primero, "ya_existian": True} == segundo
    assert primero["publicados"] + primero["enviados"] + primero["sin_capturar"] == 12
    assert sorted(CuestionarioCurricular.objects.values_list("pk", flat=True)) == identificadores
    assert CuestionarioCurricular.objects.publicados().count() == primero["publicados"]
    assert RespuestaIdentidad.objects.publicadas().exists()
