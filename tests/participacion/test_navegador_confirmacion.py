"""Tras comentar o reportar, la confirmación queda dentro de la ventana, donde la persona mira
(issue 14). Antes la página volvía a `#comentarios` y el mensaje quedaba arriba, 900 a 1,400 px fuera
de la vista: como los comentarios esperan moderación, nada visible cambiaba y parecía que falló."""

import re

import pytest

from participacion.models import Comentario
from tests.candidaturas.factories import ActorPoliticoFactory, ProcesoElectoralFactory
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar
from tests.participacion.factories import ComentarioFactory
from tests.plataformas.factories import PlataformaElectoralFactory, PropuestaFactory

TEXTO_LARGO = (
    "Cambiar a luminarias LED las calles sin luz, empezando por las rutas a escuelas y mercados. "
    "Cada colonia sabrá en qué mes le toca y podrá reportar las lámparas fundidas en línea. "
) * 4


@pytest.fixture
def propuesta(transactional_db):
    """Una propuesta con texto largo y varios comentarios, como las de la demostración."""
    proceso = ProcesoElectoralFactory(predeterminado=True, es_demostracion=True)
    actor = ActorPoliticoFactory(nombre="Partido de Prueba", siglas="PP", slug="pp")
    plataforma = PlataformaElectoralFactory(proceso=proceso, actor=actor)
    propuesta = PropuestaFactory(plataforma=plataforma, titulo="Más alumbrado público", texto=TEXTO_LARGO)
    for numero in range(6):
        ComentarioFactory(propuesta=propuesta, texto=f"Comentario publicado número {numero}: me parece bien.")
    return propuesta


def abrir(navegador, live_server, ancho, con_js):
    contexto = navegador.new_context(locale="es-MX", viewport=ancho, java_script_enabled=con_js)
    contexto.set_default_timeout(10_000)
    pestana = contexto.new_page()
    pestana.url_base = live_server.url
    return contexto, pestana


def afirmar_a_la_vista(pestana, ancho, texto):
    """El mensaje está completo dentro de la ventana, es un `role=status` y tiene el foco."""
    aviso = pestana.get_by_role("status").filter(has_text=texto)
    aviso.wait_for()
    caja = aviso.bounding_box()
    desplazamiento = pestana.evaluate("window.scrollY")
    assert caja is not None
    assert caja["y"] >= 0 and caja["y"] + caja["height"] <= ancho["height"], (caja, desplazamiento)
    # La página sí bajó hasta los comentarios: un mensaje arriba de todo habría quedado fuera.
    assert desplazamiento > 300, desplazamiento
    assert pestana.evaluate("document.activeElement.getAttribute('role')") == "status"
    return caja


@pytest.mark.navegador
@pytest.mark.parametrize("con_js", [True, False], ids=["con-js", "sin-js"])
@pytest.mark.parametrize("ancho", [TELEFONO, ESCRITORIO], ids=["telefono", "escritorio"])
def test_la_confirmacion_de_comentar_y_de_reportar_queda_a_la_vista(
    navegador, live_server, propuesta, ancho, con_js
):
    contexto, pestana = abrir(navegador, live_server, ancho, con_js)
    nombre = f"{'js' if con_js else 'sin-js'}-{ancho['width']}"
    pestana.goto(pestana.url_base + propuesta.get_absolute_url())

    # Comentar
    if con_js:
        pestana.locator("[data-comentario-form]:not([hidden])").wait_for()
    else:
        pestana.get_by_role("button", name="Escribir tu idea o comentario").click()
    pestana.get_by_role("textbox", name="Tu idea, propuesta o comentario").fill(
        "¿Cuánto costará y en cuánto tiempo estará lista?"
    )
    pestana.wait_for_timeout(4200)  # la marca del formulario pide unos segundos
    pestana.get_by_role("button", name="Enviar comentario").click()
    afirmar_a_la_vista(pestana, ancho, "Recibimos tu comentario")
    assert Comentario.objects.filter(texto="¿Cuánto costará y en cuánto tiempo estará lista?").exists()
    if con_js:
        afirmar_accesible(pestana)
    capturar(pestana, f"confirmacion-comentario-{nombre}")

    # Reportar el último comentario publicado (el más lejos del cuadro de comentarios)
    pestana.goto(pestana.url_base + propuesta.get_absolute_url())
    if con_js:
        pestana.locator("[data-reporte-form][data-listo]").first.wait_for(state="attached")
    pestana.get_by_role("button", name=re.compile("Reportar como inapropiado")).last.click()
    if not con_js:
        pestana.get_by_role("button", name="Sí, reportar este comentario").click()
    afirmar_a_la_vista(pestana, ancho, "Gracias por avisarnos")
    if con_js:
        afirmar_accesible(pestana)
    capturar(pestana, f"confirmacion-reporte-{nombre}")
    # Y no se repite arriba de la página.
    assert pestana.locator("main > .mensajes").count() == 0
    contexto.close()
