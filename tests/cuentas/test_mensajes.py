"""Lo que dice el portal al entrar y salir: el nombre de la persona, en «tú», nunca el usuario interno."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.cuentas.factories import CLAVE, UsuarioFactory


@pytest.mark.django_db
def test_al_entrar_saluda_por_nombre_y_no_muestra_el_usuario_interno(client):
    persona = UsuarioFactory(username="ue72ea24ef62aa222", first_name="Aurora", email="aurora@ejemplo.mx")

    respuesta = client.post(
        reverse("account_login"), {"login": persona.email, "password": CLAVE}, follow=True
    )

    assertContains(respuesta, "Hola, Aurora. Ya entraste a tu cuenta.")
    assertNotContains(respuesta, "ue72ea24ef62aa222")
    assertNotContains(respuesta, "Ha iniciado sesión")


@pytest.mark.django_db
def test_al_salir_lo_dice_en_tu(client):
    persona = UsuarioFactory()
    client.force_login(persona)

    respuesta = client.post(reverse("account_logout"), follow=True)

    assertContains(respuesta, "Saliste de tu cuenta. Hasta pronto.")
