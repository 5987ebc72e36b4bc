"""La confirmación de comentar o reportar va junto al cuadro de comentarios (issue 14), no arriba
de la página: la vista vuelve a `#aviso-<clave>`, donde la plantilla pinta el mensaje."""

import re
import time

import pytest
import time_machine
from django.urls import reverse

from participacion.cliente import NOMBRE_COOKIE, marca_de_tiempo
from tests.candidaturas.factories import CandidaturaFactory
from tests.conoceles.factories_cuestionarios import publicar_curricular
from tests.participacion.factories import ComentarioFactory
from tests.plataformas.factories import PropuestaFactory

pytestmark = pytest.mark.django_db


def _comentar(cliente, objetivo, siguiente=""):
    with time_machine.travel(time.time() - 10, tick=False):
        marca = marca_de_tiempo()
    if NOMBRE_COOKIE not in cliente.cookies:
        cliente.get(reverse("participacion:estado"))
    datos = {"texto": "Propongo más alumbrado en las calles.", "marca": marca, "siguiente": siguiente}
    return cliente.post(reverse("participacion:comentar"), {**objetivo, **datos})


def _aviso(html, clave):
    """El bloque del aviso con id `aviso-<clave>` (o '' si no está)."""
    encontrado = re.search(
        rf'<div class="mensajes mensajes--junto" id="aviso-{clave}"[^>]*>(.*?)</div>', html, re.S
    )
    return encontrado.group(0) if encontrado else ""


def test_tras_comentar_una_propuesta_la_confirmacion_esta_junto_a_los_comentarios(client):
    propuesta = PropuestaFactory()

    respuesta = _comentar(client, {"propuesta": propuesta.pk})

    assert respuesta.status_code == 302
    assert respuesta["Location"].endswith(f"#aviso-propuesta-{propuesta.pk}")
    html = client.get(respuesta["Location"]).content.decode()
    aviso = _aviso(html, f"propuesta-{propuesta.pk}")
    assert 'role="status"' in aviso and 'tabindex="-1"' in aviso
    assert "se publicará cuando el personal del IEEM lo revise" in aviso
    seccion = html[html.index('id="comentarios"') :]
    assert aviso in seccion  # dentro de la sección de comentarios, no arriba
    assert html.count("se publicará cuando el personal del IEEM lo revise") == 1


def test_tras_reportar_la_confirmacion_esta_junto_a_los_comentarios(client):
    comentario = ComentarioFactory()
    client.get(reverse("participacion:estado"))

    respuesta = client.post(
        reverse("participacion:reportar", args=[comentario.pk]),
        {"siguiente": comentario.propuesta.get_absolute_url()},
    )

    clave = f"propuesta-{comentario.propuesta.pk}"
    assert respuesta["Location"] == f"{comentario.propuesta.get_absolute_url()}#aviso-{clave}"
    html = client.get(respuesta["Location"]).content.decode()
    assert "Gracias por avisarnos" in _aviso(html, clave)
    assert html.count("Gracias por avisarnos") == 1


def test_en_el_perfil_el_comentario_abre_su_bloque_y_muestra_ahi_la_confirmacion(client):
    candidatura = CandidaturaFactory()
    cuestionario = publicar_curricular(candidatura, propuesta_1="Más alumbrado en las calles del centro.")
    perfil = candidatura.get_absolute_url()

    respuesta = _comentar(client, {"cuestionario": cuestionario.pk, "cual": "propuesta_1"}, siguiente=perfil)

    clave = f"cuestionario-{cuestionario.pk}-propuesta_1"
    assert respuesta["Location"] == f"{perfil}#aviso-{clave}"
    html = client.get(respuesta["Location"]).content.decode()
    bloque = html[html.index(f'id="{clave}"') :]
    assert re.search(r'<details class="propuesta-candidatura__opinar" open>', bloque)
    assert "Recibimos tu comentario" in _aviso(bloque, clave)
    # Las demás propuestas siguen cerradas.
    assert html.count('propuesta-candidatura__opinar" open') == 1


def test_los_demas_mensajes_siguen_arriba_de_la_pagina(client):
    propuesta = PropuestaFactory()
    client.get(reverse("participacion:estado"))

    respuesta = client.post(
        reverse("participacion:reaccionar"), {"propuesta": propuesta.pk, "valor": "me_gusta"}, follow=True
    )

    html = respuesta.content.decode()
    arriba = html[html.index('<main id="contenido"') : html.index("<h1")]
    assert "Guardamos tu «Me gusta»" in arriba
    assert "mensajes--junto" not in html


def test_el_formulario_de_comentario_en_cache_es_el_mismo_html_pintado_una_vez():
    from django.template.loader import render_to_string

    from participacion.forms import ComentarioEnCache, ComentarioForm

    clave = "propuesta-123"
    esperado = render_to_string(
        "participacion/_comentario_controles.html", {"form": ComentarioForm(auto_id=f"{clave}-%s")}
    )

    assert ComentarioEnCache(clave).controles == esperado
    assert f'id="{clave}-texto"' in esperado
    assert ComentarioEnCache("otra").controles != esperado
