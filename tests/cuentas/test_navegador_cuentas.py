"""Páginas de cuenta y de verificación en dos pasos en Chromium (issue 13): axe sin violaciones y sin
desplazamiento lateral a 320 px, capturas a 375 y 1280 px en capturas/. Recorre lo que hace una
persona del personal: entrar, activar el TOTP, guardar sus códigos, seguir a donde iba, desactivar,
salir, volver a entrar con el código, confirmar su contraseña pasado el plazo y restablecerla."""

import datetime
import re
import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core import mail

from cuentas.roles import GRUPO_PERSONAL
from tests.cuentas.factories import CLAVE, UsuarioFactory
from tests.navegador import (
    revisar_en_tres_anchos,
)

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def revisar(pagina, nombre):
    revisar_en_tres_anchos(pagina, f"cuenta-{nombre}")


def _codigo(secreto):
    return format_hotp_value(hotp_value(secreto, int(time.time()) // 30))


def _personal():
    usuario = UsuarioFactory(is_staff=True, email="rosa@ieem.mx", first_name="Rosa", last_name="Díaz")
    usuario.groups.add(Group.objects.get(name=GRUPO_PERSONAL))
    EmailAddress.objects.create(user=usuario, email=usuario.email, verified=True, primary=True)
    return usuario


def _entrar(pagina):
    pagina.fill("#id_login", "rosa@ieem.mx")
    pagina.fill("#id_password", CLAVE)
    pagina.click("button:has-text('Entrar')")


def test_el_personal_activa_su_segundo_factor_y_sigue_a_donde_iba(pagina):
    _personal()
    destino = "/admin/cuestionarios/cuestionariocurricular/"

    pagina.goto(pagina.url_base + "/cuentas/login/?next=" + destino)
    revisar(pagina, "iniciar-sesion")
    _entrar(pagina)
    pagina.wait_for_url("**/cuentas/2fa/totp/activate/")
    assert pagina.locator("h1").inner_text() == "Activa la verificación en dos pasos"
    revisar(pagina, "activar-totp")

    secreto = pagina.locator("#clave_de_la_aplicacion").inner_text()
    pagina.fill("#id_code", "000000")
    pagina.click("button:has-text('Activar')")
    assert pagina.locator("text=El código no es correcto").count() == 1
    revisar(pagina, "activar-totp-error")
    pagina.fill("#id_code", _codigo(secreto))
    pagina.click("button:has-text('Activar')")
    pagina.wait_for_url("**/cuentas/2fa/recovery-codes/")
    revisar(pagina, "codigos-de-recuperacion")
    pagina.click("text=Ya los guardé: continuar")
    pagina.wait_for_url("**" + destino)

    pagina.goto(pagina.url_base + "/cuentas/2fa/")
    revisar(pagina, "verificacion-en-dos-pasos")
    pagina.goto(pagina.url_base + "/cuentas/2fa/totp/deactivate/")
    assert pagina.locator("h1").inner_text() == "Desactivar la verificación en dos pasos"
    revisar(pagina, "desactivar-totp")

    pagina.goto(pagina.url_base + "/cuentas/logout/")
    revisar(pagina, "cerrar-sesion")
    pagina.click("text=Sí, cerrar sesión")
    pagina.wait_for_url(pagina.url_base + "/")

    pagina.goto(pagina.url_base + "/cuentas/login/?next=/admin/")
    _entrar(pagina)
    pagina.wait_for_url("**/cuentas/2fa/authenticate/")
    revisar(pagina, "autenticar-totp")
    pagina.fill("#id_code", _codigo(secreto))
    pagina.click("button:has-text('Entrar')")
    pagina.wait_for_url("**/admin/")

    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=10)):
        pagina.goto(pagina.url_base + "/cuentas/2fa/totp/deactivate/")
        pagina.wait_for_url(re.compile(r".*/cuentas/reauthenticate/.*"))
        assert pagina.locator("h1").inner_text() == "Confirma que eres tú"
        revisar(pagina, "reautenticar")


def test_restablecer_la_contrasena(pagina, settings):
    settings.DECIDE_URL_PUBLICA = pagina.url_base
    _personal()

    pagina.goto(pagina.url_base + "/cuentas/password/reset/")
    revisar(pagina, "restablecer-pedir")
    pagina.fill("#id_email", "rosa@ieem.mx")
    pagina.click("text=Enviarme el enlace")
    pagina.wait_for_url("**/cuentas/password/reset/done/")
    revisar(pagina, "restablecer-enviado")

    enlace = re.search(r"(https?://\S+/cuentas/password/reset/key/\S+)", mail.outbox[-1].body)[1]
    pagina.goto(enlace)
    assert pagina.locator("h1").inner_text() == "Crea tu contraseña"
    revisar(pagina, "restablecer-nueva")
