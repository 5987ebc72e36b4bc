"""Segundo factor en toda vista del personal (issue 12), no sólo en `/admin/`."""

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.cuentas.factories import UsuarioFactory
from tests.plataformas.factories import PropuestaFactory


def _personal_con_reportes(con_totp):
    usuario = UsuarioFactory(is_staff=True)
    usuario.user_permissions.add(Permission.objects.get(codename="descargar_reportes"))
    if con_totp:
        Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return usuario


def _rutas():
    propuesta = PropuestaFactory()
    plataforma = propuesta.plataforma
    return {
        "admin": "/admin/",
        "reporte de partido": reverse(
            "participacion:reporte", args=[plataforma.proceso.slug, plataforma.actor.slug]
        ),
        "tablero de captura": reverse("cuestionarios:tablero"),
        "portada": "/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("ruta", ["admin", "reporte de partido", "tablero de captura", "portada"])
def test_personal_sin_totp_es_llevado_a_activarlo_en_cualquier_vista(client, ruta):
    url = _rutas()[ruta]
    client.force_login(_personal_con_reportes(con_totp=False))

    respuesta = client.get(url)

    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_personal_con_totp_descarga_el_reporte(client):
    url = _rutas()["reporte de partido"]
    client.force_login(_personal_con_reportes(con_totp=True))

    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_personal_sin_totp_si_puede_entrar_a_activarlo_y_salir(client):
    client.force_login(_personal_con_reportes(con_totp=False))

    assert client.get(reverse("mfa_activate_totp"), follow=True).status_code == 200
    assert client.get(reverse("account_logout"), follow=True).status_code == 200


def test_el_codigo_del_periodo_anterior_vale_y_el_de_hace_dos_no():
    """Un teléfono con el reloj desfasado o quien escribe justo al cambiar el código entra; un código
    de hace más de un periodo (30 s), no (MFA_TOTP_TOLERANCE = 1)."""
    import time

    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        validate_totp_code,
    )

    secreto = generate_totp_secret()
    ahora = int(time.time()) // 30
    with time_machine.travel(ahora * 30 + 1, tick=False):
        assert validate_totp_code(secreto, format_hotp_value(hotp_value(secreto, ahora - 1)))
        assert not validate_totp_code(secreto, format_hotp_value(hotp_value(secreto, ahora - 2)))
