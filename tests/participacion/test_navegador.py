import re

import pytest
from django.urls import reverse

from participacion.models import Conteo
from tests.candidaturas.factories import ActorPoliticoFactory, ProcesoElectoralFactory
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar
from tests.participacion.factories import ComentarioFactory
from tests.plataformas.factories import (
    BloqueCompetitividadFactory,
    PlataformaElectoralFactory,
    PropuestaFactory,
)


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


@pytest.mark.navegador
@pytest.mark.parametrize("ancho", [TELEFONO, ESCRITORIO], ids=["telefono", "escritorio"])
def test_paginas_de_plataformas_sin_violaciones_de_axe(pagina, datos, ancho):
    rutas = {
        "lista": reverse("plataformas:lista"),
        "plataforma": datos.plataforma.get_absolute_url(),
        "propuesta": datos.get_absolute_url(),
        "tema": reverse("plataformas:tema", args=[datos.tema.slug]),
        "bloques": reverse("plataformas:bloques", args=["pp"]),
    }
    pagina.set_viewport_size(ancho)
    for nombre, ruta in rutas.items():
        pagina.goto(pagina.url_base + ruta)
        afirmar_accesible(pagina)
        capturar(pagina, f"plataformas-{nombre}-{ancho['width']}")


@pytest.mark.navegador
def test_con_javascript_el_me_gusta_se_actualiza_sin_recargar(pagina, datos):
    pagina.goto(pagina.url_base + datos.get_absolute_url())

    pagina.get_by_role("button", name=re.compile(r"^Me gusta")).click()

    pagina.locator('[data-cuenta="me_gusta"]').filter(has_text="1").wait_for()
    assert pagina.get_by_role("button", name=re.compile(r"^Me gusta")).get_attribute("aria-pressed") == "true"
    assert Conteo.objects.get(propuesta=datos).me_gusta == 1
