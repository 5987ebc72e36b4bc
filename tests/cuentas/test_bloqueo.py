"""El bloqueo por contraseñas fallidas no sirve para negar el servicio (issue 12)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.cuentas.factories import CLAVE, UsuarioFactory


def _intentar(ip, correo, clave="clave-equivocada"):
    return Client(REMOTE_ADDR=ip).post(reverse("account_login"), {"login": correo, "password": clave})


@pytest.mark.django_db
def test_un_atacante_en_otro_lugar_no_bloquea_a_la_duena_de_la_cuenta():
    duena = UsuarioFactory(email="candidata@ejemplo.mx")
    for _ in range(12):
        _intentar("203.0.113.9", duena.email)

    respuesta = _intentar("198.51.100.7", duena.email, CLAVE)

    assert respuesta.status_code == 302


@pytest.mark.django_db
def test_quince_fallas_en_un_minuto_desde_una_escuela_no_bloquean_a_las_demas_personas():
    persona = UsuarioFactory(email="maestra@ejemplo.mx")
    for numero in range(15):
        _intentar("192.0.2.50", f"alumno{numero}@ejemplo.mx")

    assert _intentar("192.0.2.50", persona.email, CLAVE).status_code == 302


@pytest.mark.django_db
def test_quien_adivina_desde_un_lugar_si_queda_bloqueado():
    duena = UsuarioFactory(email="candidata@ejemplo.mx")
    for _ in range(10):
        _intentar("203.0.113.9", duena.email)

    respuesta = _intentar("203.0.113.9", duena.email, CLAVE)

    assert respuesta.status_code == 200
    assert "Demasiados intentos fallidos" in respuesta.content.decode()
