import re

import pytest
from django.urls import reverse

from participacion.models import Comentario, Conteo
from tests.candidaturas.factories import ActorPoliticoFactory, ProcesoElectoralFactory
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar
from tests.participacion.factories import ComentarioFactory
from tests.plataformas.factories import (
    BloqueCompetitividadFactory,
    PlataformaElectoralFactory,
    PropuestaFactory,
)

ANCHOS = pytest.mark.parametrize("ancho", [TELEFONO, ESCRITORIO], ids=["telefono", "escritorio"])


@pytest.fixture
def datos(transactional_db):
    proceso = ProcesoElectoralFactory(predeterminado=True, es_demostracion=True)
    actor = ActorPoliticoFactory(nombre="Partido de Prueba", siglas="PP", slug="pp")
    plataforma = PlataformaElectoralFactory(proceso=proceso, actor=actor)
    propuesta = PropuestaFactory(plataforma=plataforma, titulo="Alumbrado en todas las calles")
    PropuestaFactory(plataforma=plataforma)
    ComentarioFactory(propuesta=propuesta, texto="Me parece una buena idea para mi colonia.")
    BloqueCompetitividadFactory(proceso=proceso, actor=actor)
    return propuesta


@pytest.fixture
def sin_js(navegador, live_server):
    """Una pestaña con JavaScript apagado: todo debe funcionar con las páginas de confirmación."""
    contexto = navegador.new_context(locale="es-MX", viewport=ESCRITORIO, java_script_enabled=False)
    contexto.set_default_timeout(10_000)
    pestana = contexto.new_page()
    pestana.url_base = live_server.url
    yield pestana
    contexto.close()


def afirmar_accesible_sin_scripts(navegador, url, ancho):
    """axe necesita JavaScript para correr: la página se abre en otra pestaña con JavaScript pero sin
    dejar cargar los scripts del sitio, así que el DOM revisado es el mismo que sin JavaScript."""
    contexto = navegador.new_context(locale="es-MX", viewport=ancho)
    contexto.route(re.compile(r".*\.js(\?.*)?$"), lambda ruta: ruta.abort())
    pestana = contexto.new_page()
    pestana.goto(url)
    assert pestana.locator("[data-listo]").count() == 0
    afirmar_accesible(pestana)
    contexto.close()


@pytest.mark.navegador
@ANCHOS
def test_paginas_de_plataformas_sin_violaciones_de_axe(pagina, datos, ancho):
    rutas = {
        "lista": reverse("plataformas:lista"),
        "plataforma": datos.plataforma.get_absolute_url(),
        "propuesta": datos.get_absolute_url(),
        "tema": reverse("plataformas:tema", args=[datos.tema.slug]),
        "bloques": reverse("plataformas:bloques", args=["pp"]),
        "reglas": reverse("participacion:reglas"),
    }
    pagina.set_viewport_size(ancho)
    for nombre, ruta in rutas.items():
        pagina.goto(pagina.url_base + ruta)
        afirmar_accesible(pagina)
        capturar(pagina, f"plataformas-{nombre}-{ancho['width']}")


@pytest.mark.navegador
@ANCHOS
def test_con_javascript_el_me_gusta_se_actualiza_sin_recargar_y_se_recuerda(pagina, datos, ancho):
    pagina.set_viewport_size(ancho)
    pagina.goto(pagina.url_base + datos.get_absolute_url())
    me_gusta = pagina.get_by_role("button", name=re.compile(r"^Me gusta"))
    pagina.locator("[data-reacciones-form][data-listo]").wait_for(state="attached")

    me_gusta.click()

    pagina.locator('[data-cuenta="me_gusta"]').filter(has_text="1").wait_for()
    assert me_gusta.get_attribute("aria-pressed") == "true"
    assert Conteo.objects.get(propuesta=datos).me_gusta == 1
    afirmar_accesible(pagina)
    # Al volver, la página sale de la caché (igual para todos) y el estado marca la reacción propia.
    pagina.reload()
    pagina.locator('button[data-valor="me_gusta"][aria-pressed="true"]').wait_for()
    # El cuadro de comentario se vuelve un formulario directo con su marca.
    pagina.get_by_role("textbox", name="Tu idea, propuesta o comentario").fill(
        "Con JavaScript también se puede comentar."
    )
    pagina.wait_for_timeout(4200)  # una persona tarda más que los segundos mínimos
    pagina.get_by_role("button", name="Enviar comentario").click()
    pagina.get_by_text("Recibimos tu comentario").wait_for()
    assert Comentario.objects.filter(texto="Con JavaScript también se puede comentar.").exists()
    capturar(pagina, f"propuesta-con-js-{ancho['width']}")


@pytest.mark.navegador
@ANCHOS
def test_sin_javascript_se_reacciona_comenta_y_reporta_con_confirmacion(navegador, sin_js, datos, ancho):
    pagina = sin_js
    pagina.set_viewport_size(ancho)
    pagina.goto(pagina.url_base + datos.get_absolute_url())
    afirmar_accesible_sin_scripts(navegador, pagina.url, ancho)

    pagina.get_by_role("button", name=re.compile(r"^Me gusta")).click()
    pagina.get_by_role("heading", name="Vas a marcar «Me gusta».").wait_for()
    afirmar_accesible_sin_scripts(navegador, pagina.url, ancho)
    capturar(pagina, f"confirmar-reaccion-sin-js-{ancho['width']}")
    pagina.get_by_role("button", name="Sí, confirmar").click()
    pagina.get_by_text("Guardamos tu «Me gusta»").wait_for()
    assert Conteo.objects.get(propuesta=datos).me_gusta == 1

    pagina.get_by_role("button", name="Escribir tu idea o comentario").click()
    afirmar_accesible_sin_scripts(navegador, pagina.url, ancho)
    pagina.get_by_role("textbox", name="Tu idea, propuesta o comentario").fill(
        "Sin JavaScript también se puede comentar."
    )
    pagina.wait_for_timeout(4200)
    pagina.get_by_role("button", name="Enviar comentario").click()
    pagina.get_by_text("Recibimos tu comentario").wait_for()

    pagina.get_by_role("button", name=re.compile("Reportar como inapropiado")).first.click()
    afirmar_accesible_sin_scripts(navegador, pagina.url, ancho)
    pagina.get_by_role("button", name="Sí, reportar este comentario").click()
    pagina.get_by_text("Gracias por avisarnos").wait_for()
    assert Comentario.objects.filter(texto="Sin JavaScript también se puede comentar.").exists()
