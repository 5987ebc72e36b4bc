"""Páginas de cuenta y de verificación en dos pasos (issue 13): el personal no escribe la contraseña
dos veces seguidas, cada página usa el armazón del portal con textos en «tú» de México y la activación
lleva a donde la persona iba."""

import datetime
import re
import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.cuentas.factories import CLAVE, CuentaDePersonaFactory, UsuarioFactory

SECRETO = "JBSWY3DPEHPK3PXP"
TEXTOS_DE_ESPANA_O_USTED = ["Por favor", "Introduzca", "introduzca", "entre el código", "usted", "Ha inic"]


def _codigo(secreto=SECRETO):
    return format_hotp_value(hotp_value(secreto, int(time.time()) // 30))


def _cuenta(correo="rosa@ieem.mx", **extra):
    usuario = UsuarioFactory(email=correo, first_name="Rosa", last_name="Díaz", **extra)
    EmailAddress.objects.create(user=usuario, email=correo, verified=True, primary=True)
    return usuario


def _entrar(client, correo="rosa@ieem.mx", siguiente=None):
    url = reverse("account_login") + (f"?next={siguiente}" if siguiente else "")
    return client.post(url, {"login": correo, "password": CLAVE}, follow=True)


def _en_el_portal_y_en_tu(respuesta):
    assert respuesta.status_code == 200
    assertContains(respuesta, 'class="cabecera"')
    assertContains(respuesta, 'class="boton')
    for texto in TEXTOS_DE_ESPANA_O_USTED:
        assertNotContains(respuesta, texto)


# --- El personal no escribe la contraseña dos veces -------------------------------------------------


@pytest.mark.django_db
def test_el_personal_que_acaba_de_entrar_activa_el_totp_sin_repetir_la_contrasena(client):
    _cuenta(is_staff=True)

    respuesta = _entrar(client)

    assert [url for url, _estado in respuesta.redirect_chain][-1] == reverse("mfa_activate_totp")
    assert not any("reauthenticate" in url for url, _estado in respuesta.redirect_chain)
    assertContains(respuesta, "Activa la verificación en dos pasos")
    _en_el_portal_y_en_tu(respuesta)


@pytest.mark.django_db
def test_pasado_el_plazo_si_se_pide_confirmar_la_contrasena(client):
    _cuenta(is_staff=True)
    _entrar(client)

    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=10)):
        respuesta = client.get(reverse("mfa_activate_totp"), follow=True)

    assert "reauthenticate" in respuesta.redirect_chain[-1][0]
    assertContains(respuesta, "Confirma que eres tú")
    assertContains(respuesta, 'name="next" value="/cuentas/2fa/totp/activate/"')
    _en_el_portal_y_en_tu(respuesta)


@pytest.mark.django_db
def test_activar_el_totp_termina_en_los_codigos_con_un_boton_a_donde_iba(client):
    _cuenta(is_staff=True)
    _entrar(client)
    destino = reverse("admin:cuestionarios_cuestionariocurricular_changelist")
    pagina = client.get(destino, follow=True).content.decode()
    secreto = re.search(r'id="clave_de_la_aplicacion"[^>]*>([A-Z2-7]+)<', pagina)[1]

    activada = client.post(reverse("mfa_activate_totp"), {"code": _codigo(secreto)})
    respuesta = client.get(activada["Location"])

    assert activada["Location"] == reverse("mfa_view_recovery_codes")
    assertContains(respuesta, "Tus códigos de recuperación")
    assertContains(respuesta, f'<a class="boton" href="{destino}">Ya los guardé: continuar</a>', html=True)
    _en_el_portal_y_en_tu(respuesta)


@pytest.mark.django_db
def test_un_codigo_equivocado_al_activar_conserva_la_clave_y_lo_dice(client):
    _cuenta(is_staff=True)
    _entrar(client)
    pagina = client.get(reverse("mfa_activate_totp")).content.decode()
    clave = re.search(r'id="clave_de_la_aplicacion"[^>]*>([A-Z2-7]+)<', pagina)[1]

    respuesta = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert respuesta.status_code == 200
    assertContains(respuesta, "El código no es correcto. Escribe el que muestra ahora tu aplicación.")
    assertContains(respuesta, f">{clave}</code>")
    assert not Authenticator.objects.exists()


# --- Entrar con el segundo factor ----------------------------------------------------------------------


@pytest.mark.django_db
def test_entrar_con_totp_en_tu_y_llega_a_donde_iba(client):
    usuario = _cuenta(is_staff=True)
    TOTP.activate(usuario, SECRETO)

    pide_codigo = _entrar(client, siguiente="/admin/")
    equivocado = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    correcto = client.post(reverse("mfa_authenticate"), {"code": _codigo()})

    assertContains(pide_codigo, "Verificación en dos pasos")
    assertContains(pide_codigo, "usa uno de tus códigos de recuperación")
    assertContains(pide_codigo, "Cancelar y volver al inicio de sesión")
    _en_el_portal_y_en_tu(pide_codigo)
    assertContains(equivocado, "El código no es correcto.")
    assert correcto.status_code == 302
    assert correcto["Location"] == "/admin/"


# --- Cada página de cuenta en el portal y en «tú» -----------------------------------------------------


@pytest.mark.django_db
def test_inicio_de_sesion_conserva_a_donde_iba(client):
    respuesta = client.get(reverse("account_login") + "?next=/captura/")

    assertContains(respuesta, '<input type="hidden" name="next" value="/captura/">', html=True)
    _en_el_portal_y_en_tu(respuesta)


@pytest.mark.django_db
def test_cerrar_sesion_pregunta_en_tu(client):
    client.force_login(CuentaDePersonaFactory().usuario)

    respuesta = client.get(reverse("account_logout"))
    salida = client.post(reverse("account_logout"), follow=True)

    assertContains(respuesta, "¿Quieres salir de tu cuenta?")
    assertContains(respuesta, "Sí, cerrar sesión")
    _en_el_portal_y_en_tu(respuesta)
    assertNotContains(salida, "Ha cerrado sesión")


@pytest.mark.django_db
def test_restablecer_la_contrasena_pedir_correo_enviado_y_el_correo(client):
    _cuenta()

    pedir = client.get(reverse("account_reset_password"))
    enviado = client.post(reverse("account_reset_password"), {"email": "rosa@ieem.mx"}, follow=True)
    vacio = client.post(reverse("account_reset_password"), {"email": ""})

    assertContains(pedir, "Restablecer tu contraseña")
    assertContains(pedir, "Correo electrónico")
    _en_el_portal_y_en_tu(pedir)
    assertContains(enviado, "Revisa tu correo")
    _en_el_portal_y_en_tu(enviado)
    assert vacio.status_code == 200
    assertContains(vacio, 'class="campo__error')
    assert mail.outbox[-1].subject.endswith("Restablece tu contraseña de Decide IEEM")
    assert "abre este enlace" in mail.outbox[-1].body
    assert "Está recibiendo" not in mail.outbox[-1].body


@pytest.mark.django_db
def test_nueva_contrasena_desde_el_enlace(client):
    _cuenta()
    client.post(reverse("account_reset_password"), {"email": "rosa@ieem.mx"})
    enlace = re.search(r"(/cuentas/password/reset/key/\S+)", mail.outbox[-1].body)[1]

    formulario = client.get(enlace, follow=True)

    assertContains(formulario, "Crea tu contraseña")
    _en_el_portal_y_en_tu(formulario)


@pytest.mark.django_db
def test_desactivar_y_codigos_de_recuperacion_en_tu(client):
    usuario = _cuenta()
    _entrar(client)
    TOTP.activate(usuario, SECRETO)

    indice = client.get(reverse("mfa_index"))
    desactivar = client.get(reverse("mfa_deactivate_totp"))
    generar = client.get(reverse("mfa_generate_recovery_codes"))

    assertContains(indice, "Aplicación de autenticación")
    assertContains(desactivar, "Desactivar la verificación en dos pasos")
    assertContains(generar, "Generar códigos de recuperación nuevos")
    for respuesta in (indice, desactivar, generar):
        _en_el_portal_y_en_tu(respuesta)


def test_los_avisos_de_allauth_van_en_tu():
    # allauth los pone al confirmarse la transacción; aquí se pinta su plantilla como lo hace allauth.
    activado = render_to_string("mfa/messages/totp_activated.txt").strip()
    desactivado = render_to_string("mfa/messages/totp_deactivated.txt").strip()

    assert activado == "Listo: activaste la verificación en dos pasos."
    assert desactivado == "Desactivaste la verificación en dos pasos."
