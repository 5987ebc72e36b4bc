"""Servicios de cuentas (C1): crear cuentas desde las candidaturas e invitar a fijar contraseña."""

import re

import pytest
from django.core import mail

from cuentas import services


@pytest.mark.django_db
def test_crear_cuentas_omite_y_reporta_personas_sin_correo():
    from candidaturas.models import Candidatura
    from tests.candidaturas.factories import CandidaturaFactory, PersonaFactory

    con_correo = CandidaturaFactory()
    sin_correo = CandidaturaFactory(persona=PersonaFactory(correo=""))
    CandidaturaFactory(
        persona=con_correo.persona, numero=2, eleccion=con_correo.eleccion, actor=con_correo.actor
    )

    resultado = services.crear_cuentas_de_personas(Candidatura.objects.all())

    assert [c.persona for c in resultado["creadas"]] == [con_correo.persona]
    assert resultado["sin_correo"] == [sin_correo.persona]
    assert resultado["creadas"][0].usuario.groups.filter(name="Candidatura").exists()
    assert not resultado["creadas"][0].usuario.has_usable_password()


@pytest.mark.django_db
def test_la_invitacion_lleva_un_enlace_para_fijar_contrasena_que_se_puede_reenviar(al_confirmar):
    from candidaturas.models import Candidatura
    from tests.candidaturas.factories import CandidaturaFactory

    CandidaturaFactory()
    cuenta = services.crear_cuentas_de_personas(Candidatura.objects.all())["creadas"][0]

    services.enviar_invitacion(cuenta)
    services.enviar_invitacion(cuenta)

    assert len(mail.outbox) == 2
    assert "/cuentas/password/reset/key/" in mail.outbox[1].body
    assert cuenta.invitacion_enviada_en is not None


@pytest.mark.django_db
def test_los_enlaces_de_la_invitacion_llevan_a_la_direccion_publica(settings, al_confirmar):
    """Regresión (issue 11): apuntaban a http://127.0.0.1:8000 fuera cual fuera el dominio."""
    from candidaturas.models import Candidatura
    from tests.candidaturas.factories import CandidaturaFactory

    settings.DECIDE_URL_PUBLICA = "https://decide.ejemplo.mx"
    CandidaturaFactory()
    cuenta = services.crear_cuentas_de_personas(Candidatura.objects.all())["creadas"][0]

    services.enviar_invitacion(cuenta)

    enlaces = re.findall(r"https?://\S+", mail.outbox[0].body)
    assert enlaces and all(e.startswith("https://decide.ejemplo.mx/cuentas/") for e in enlaces)
