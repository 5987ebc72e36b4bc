"""En Chromium (axe, 375 y 1280 px, sin desplazamiento lateral a 320 px) las páginas nuevas del
issue 12: «Tu sesión terminó» con lo escrito, el 403 de quien tiene sesión y el comentario que no se
recibe porque la caché compartida no responde."""

import pytest
from django.test import Client
from django.urls import reverse

from cuestionarios import services
from decide.settings import cache_redis
from tests.cuestionarios.factories import escenario
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar
from tests.plataformas.factories import PropuestaFactory

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


def revisar(pagina, nombre):
    pagina.set_viewport_size({"width": 320, "height": 700})
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 320
    for ancho, vista in (("telefono", TELEFONO), ("escritorio", ESCRITORIO)):
        pagina.set_viewport_size(vista)
        afirmar_accesible(pagina)
        capturar(pagina, f"fallas-{nombre}-{ancho}")


def _entrar(pagina, usuario):
    cliente = Client()
    cliente.force_login(usuario)
    pagina.context.add_cookies(
        [{"name": "sessionid", "value": cliente.cookies["sessionid"].value, "url": pagina.url_base}]
    )


def test_la_sesion_que_termina_a_media_captura_devuelve_lo_escrito(pagina):
    datos = escenario()
    _entrar(pagina, datos["cuenta"].usuario)
    pagina.goto(pagina.url_base + reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))
    pagina.fill("#id_propuesta_1", "Más alumbrado y transporte seguro para las mujeres de mi municipio.")

    pagina.context.clear_cookies(name="sessionid")
    pagina.click("text=Guardar borrador")

    assert pagina.locator("h1").inner_text() == "Tu sesión terminó"
    escrito = pagina.locator("#escrito-propuesta_1").input_value()
    assert escrito == "Más alumbrado y transporte seguro para las mujeres de mi municipio."
    revisar(pagina, "sesion-terminada")


def test_el_403_de_quien_tiene_sesion(pagina):
    datos = escenario()
    usuario = datos["cuenta"].usuario
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=usuario)
    _entrar(pagina, usuario)
    ruta = reverse("participacion:reporte", args=[datos["proceso"].slug, datos["actor"].slug])

    respuesta = pagina.goto(pagina.url_base + ruta)

    assert respuesta.status == 403
    assert pagina.locator("h1").inner_text() == "Tu cuenta no tiene acceso a esta página"
    assert "inicia sesión" not in pagina.content().lower()
    revisar(pagina, "403-con-sesion")


def test_el_comentario_sin_cache_compartida(pagina, settings):
    propuesta = PropuestaFactory()
    settings.PARTICIPACION_SEGUNDOS_MINIMOS = 0
    pagina.goto(pagina.url_base + reverse("participacion:escribir_comentario") + f"?propuesta={propuesta.pk}")
    pagina.fill("#id_texto", "Que la propuesta diga cuánto costará y de dónde saldrá el dinero.")
    caida = cache_redis("redis://127.0.0.1:1/0")
    caida["OPTIONS"] |= {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    settings.CACHES = {"default": caida}

    pagina.locator("#id_texto").locator("xpath=ancestor::form").locator("button[type=submit]").click()

    assert pagina.locator("h1").inner_text() == "Intenta en unos minutos"
    assert "cuánto costará" in pagina.locator("#id_texto").input_value()
    revisar(pagina, "comentario-503")
