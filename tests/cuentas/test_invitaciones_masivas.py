"""Invitaciones masivas (issues 12 y 13): con muchas seleccionadas, en la cola con página de avance;
con pocas, en el acto. Plurales con ngettext."""

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains

from candidaturas import trabajos
from candidaturas.models import TrabajoEnSegundoPlano
from cuentas.models import CuentaDeCaptura
from tests.candidaturas.factories import CandidaturaFactory
from tests.cuentas.factories import CuentaDePersonaFactory
from tests.cuentas.test_cuentas import personal_con_segundo_factor


@pytest.fixture
def umbral_de_dos(monkeypatch):
    monkeypatch.setattr(trabajos, "UMBRAL_EN_BLOQUE", 2)


@pytest.mark.django_db
def test_crear_cuentas_e_invitar_a_muchas_corre_en_la_cola(
    client, umbral_de_dos, django_capture_on_commit_callbacks
):
    personal_con_segundo_factor(client)
    candidaturas = CandidaturaFactory.create_batch(3)

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            reverse("admin:cuentas_candidaturaparainvitar_changelist"),
            {"action": "crear_cuentas_e_invitar", "_selected_action": [c.pk for c in candidaturas]},
        )

    trabajo = TrabajoEnSegundoPlano.objects.get()
    assert respuesta["Location"] == reverse(
        "admin:candidaturas_trabajoensegundoplano_avance", args=[trabajo.pk]
    )
    assertContains(client.get(respuesta["Location"]), "Se crearon 3 cuentas y se enviaron sus invitaciones.")
    assert CuentaDeCaptura.objects.count() == 3
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_reenviar_muchas_invitaciones_corre_en_la_cola(
    client, umbral_de_dos, django_capture_on_commit_callbacks
):
    personal_con_segundo_factor(client)
    cuentas = CuentaDePersonaFactory.create_batch(3)

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            reverse("admin:cuentas_cuentadecaptura_changelist"),
            {"action": "reenviar_invitacion", "_selected_action": [c.pk for c in cuentas]},
        )

    assertContains(client.get(respuesta["Location"]), "Se enviaron 3 invitaciones.")
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_reenviar_una_invitacion_es_inmediato_y_en_singular(client, al_confirmar):
    personal_con_segundo_factor(client)
    cuenta = CuentaDePersonaFactory()

    respuesta = client.post(
        reverse("admin:cuentas_cuentadecaptura_changelist"),
        {"action": "reenviar_invitacion", "_selected_action": [cuenta.pk]},
        follow=True,
    )

    assertContains(respuesta, "Se envió 1 invitación.")
    assert len(mail.outbox) == 1
    assert not TrabajoEnSegundoPlano.objects.exists()
