"""Lo que lee el personal en el admin de cuestionarios: plurales correctos y supuestos sin erratas."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cuestionarios.models import Observacion
from tests.candidaturas.factories import CandidaturaFactory
from tests.conoceles.factories_cuestionarios import enviar_curricular
from tests.cuentas.test_cuentas import personal_con_segundo_factor


@pytest.mark.django_db
def test_un_movimiento_rechazado_se_dice_en_singular(client):
    personal_con_segundo_factor(client)
    # Enviado pero sin la validación de su partido: todavía no puede pasar a revisión.
    enviado = enviar_curricular(CandidaturaFactory())

    respuesta = client.post(
        reverse("admin:cuestionarios_cuestionariocurricular_changelist"),
        {"action": "pasar_a_revision", "_selected_action": [enviado.pk]},
        follow=True,
    )

    assertContains(respuesta, "1 cuestionario no se movió")
    assertNotContains(respuesta, "1 cuestionarios")


def test_los_supuestos_de_observacion_no_tienen_erratas():
    textos = " ".join(str(etiqueta) for etiqueta in Observacion.Supuesto.labels)

    assert "lenguaje sexista" in textos
    assert "relacionadas con otra candidatura" in textos
    assert "lenguage" not in textos and "relacioanadas" not in textos
