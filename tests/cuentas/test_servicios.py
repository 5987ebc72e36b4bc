"""Servicios de cuentas (C1): crear cuentas desde las candidaturas e invitar a fijar contraseña."""

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
def test_la_invitacion_lleva_un_enlace_para_fijar_contrasena_que_se_puede_reenviar():
    from candidaturas.models import Candidatura
    from tests.candidaturas.factories import CandidaturaFactory

    CandidaturaFactory()
    cuenta = services.crear_cuentas_de_personas(Candidatura.objects.all())["creadas"][0]

    services.enviar_invitacion(cuenta)
    services.enviar_invitacion(cuenta)

    assert len(mail.outbox) == 2
    assert "/cuentas/password/reset/key/" in mail.outbox[1].body
    assert cuenta.invitacion_enviada_en is not None
