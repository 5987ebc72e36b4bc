"""El inicio y Mi sección en Chromium real, a ancho de teléfono y de escritorio, con axe."""

import pytest

from tests.candidaturas.factories import DistritoLocalFactory, MunicipioFactory, SeccionFactory
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_consultar_una_seccion_desde_el_inicio(pagina, nombre, tamano):
    SeccionFactory(
        numero=123,
        municipio=MunicipioFactory(nombre="Almoloya de Juárez"),
        distrito_local=DistritoLocalFactory(numero=13, cabecera="ATLACOMULCO DE FABELA"),
    )
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/")
    afirmar_accesible(pagina)
    capturar(pagina, f"inicio-{nombre}")
    pagina.get_by_label("Número de sección").fill("Sección 0123")
    pagina.get_by_role("button", name="Consultar").click()

    pagina.wait_for_url("**/mi-seccion/**")
    assert pagina.title() == "Sección 123, Almoloya de Juárez · Decide IEEM"
    assert pagina.get_by_text("Distrito 13, con cabecera en Atlacomulco de Fabela").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"mi-seccion-{nombre}")


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_un_numero_invalido_muestra_el_error_junto_al_campo(pagina, nombre, tamano):
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/mi-seccion/?seccion=abc")

    assert pagina.title() == "Revisa el número de sección · Decide IEEM"
    campo = pagina.get_by_label("Número de sección")
    assert campo.get_attribute("aria-invalid") == "true"
    assert "no es un número de sección" in pagina.locator(".campo__errores").inner_text()
    afirmar_accesible(pagina)
    capturar(pagina, f"mi-seccion-error-{nombre}")


def test_el_salto_al_contenido_es_lo_primero_al_tabular(pagina):
    pagina.goto(pagina.url_base + "/")

    pagina.keyboard.press("Tab")

    enfocado = pagina.evaluate("document.activeElement.textContent")
    assert enfocado.strip() == "Saltar al contenido"


def test_las_paginas_de_error_y_acceso_son_accesibles(pagina):
    for ruta in ("/no-existe/", "/cuentas/login/", "/aviso-de-privacidad/"):
        pagina.goto(pagina.url_base + ruta)
        afirmar_accesible(pagina)


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_el_personal_sin_segundo_factor_llega_a_activarlo_en_una_pagina_accesible(pagina, nombre, tamano):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(
        "revisora", "revisora@ieem.org.mx", "Clave-de-prueba-2027", is_staff=True
    )
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/cuentas/login/")
    pagina.get_by_label("Correo electrónico").fill("revisora@ieem.org.mx")
    pagina.get_by_label("Contraseña").fill("Clave-de-prueba-2027")
    pagina.get_by_role("button", name="Entrar").click()
    # Cualquier vista (aquí, la de captura a la que lleva el acceso) exige el segundo factor. Acaba
    # de escribir su contraseña: no se le pide otra vez antes de activarlo (issue 13).
    pagina.wait_for_url("**/cuentas/2fa/totp/activate/**")
    pagina.goto(pagina.url_base + "/admin/")

    assert "/cuentas/2fa/totp/activate/" in pagina.url
    assert "/cuentas/reauthenticate/" not in pagina.url
    assert pagina.get_by_role("heading", level=1).is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"activar-totp-{nombre}")
