"""Acciones masivas del flujo de revisión sobre muchos cuestionarios (issues 12 y 13): con muchos
seleccionados corren en la cola con página de avance; con pocos, en el acto. Plurales con ngettext."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas import trabajos
from candidaturas.models import TrabajoEnSegundoPlano
from cuestionarios.models import Estado
from tests.candidaturas.factories import CandidaturaFactory
from tests.conoceles.factories_cuestionarios import enviar_curricular
from tests.cuentas.test_cuentas import personal_con_segundo_factor
from tests.cuestionarios.factories import CuestionarioCurricularFactory

LISTA = "admin:cuestionarios_cuestionariocurricular_changelist"


@pytest.fixture
def umbral_de_dos(monkeypatch):
    """Más de 2 seleccionados van a la cola (en producción, más de 50)."""
    monkeypatch.setattr(trabajos, "UMBRAL_EN_BLOQUE", 2)


def validados(cantidad):
    return [
        CuestionarioCurricularFactory(
            persona=c.persona, proceso=c.eleccion.proceso, estado=Estado.VALIDADO_PARTIDO
        )
        for c in CandidaturaFactory.create_batch(cantidad)
    ]


@pytest.mark.django_db
def test_pasar_a_revision_muchos_corre_en_la_cola_y_lleva_a_su_avance(
    client, umbral_de_dos, django_capture_on_commit_callbacks
):
    personal_con_segundo_factor(client)
    cuestionarios = validados(3)
    sin_validar = enviar_curricular(CandidaturaFactory())  # su partido no lo ha validado

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            reverse(LISTA),
            {"action": "pasar_a_revision", "_selected_action": [c.pk for c in [*cuestionarios, sin_validar]]},
        )

    trabajo = TrabajoEnSegundoPlano.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse(
        "admin:candidaturas_trabajoensegundoplano_avance", args=[trabajo.pk]
    )
    avance = client.get(respuesta["Location"])
    assertContains(avance, "Pasar a revisión 4 cuestionarios")
    assertContains(avance, "3 cuestionarios pasaron a revisión.")
    assertContains(avance, "1 cuestionario no se movió:")
    assertContains(avance, 'data-estado="terminado"')
    assertContains(avance, "4 de 4 filas procesadas")
    assert {c.estado for c in type(sin_validar).objects.filter(pk__in=[c.pk for c in cuestionarios])} == {
        Estado.EN_REVISION
    }


@pytest.mark.django_db
def test_publicar_muchos_corre_en_la_cola(client, umbral_de_dos, django_capture_on_commit_callbacks):
    personal_con_segundo_factor(client)
    cuestionarios = validados(3)
    for c in cuestionarios:
        type(c).objects.filter(pk=c.pk).update(estado=Estado.EN_REVISION)

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            reverse(LISTA), {"action": "publicar", "_selected_action": [c.pk for c in cuestionarios]}
        )

    assertContains(client.get(respuesta["Location"]), "3 cuestionarios publicados.")
    assert set(type(cuestionarios[0]).objects.values_list("estado", flat=True)) == {Estado.PUBLICADO}


@pytest.mark.django_db
def test_con_pocos_seleccionados_sigue_en_el_acto_y_en_singular(client, umbral_de_dos):
    personal_con_segundo_factor(client)
    (cuestionario,) = validados(1)

    respuesta = client.post(
        reverse(LISTA), {"action": "pasar_a_revision", "_selected_action": [cuestionario.pk]}, follow=True
    )

    assertContains(respuesta, "1 cuestionario pasó a revisión.")
    assertNotContains(respuesta, "1 cuestionarios")
    assert not TrabajoEnSegundoPlano.objects.exists()
