"""Páginas de contenido y estadísticas en Chromium real, a ancho de teléfono y de escritorio, con axe."""

import datetime
import importlib

import pytest
from django.apps import apps

from candidaturas.models import ProcesoElectoral
from decide.models import AreaDelPortal
from tests.candidaturas.factories import EleccionFactory, ProcesoElectoralFactory
from tests.decide.factories import RecursoFactory, VisitaDiariaFactory
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

TAMANOS = [("telefono", TELEFONO), ("escritorio", ESCRITORIO)]


@pytest.fixture
def contenido(settings, tmp_path):
    """El contenido real que entrega la migración (las pruebas transaccionales vacían las tablas)."""
    settings.MEDIA_ROOT = tmp_path
    migracion = importlib.import_module("decide.migrations.0002_contenido_inicial")
    migracion.cargar_contenido(apps, None)
    ordinario = ProcesoElectoralFactory(
        slug="ordinario-2027", nombre="Proceso Electoral Local 2027", predeterminado=True
    )
    EleccionFactory(proceso=ordinario)
    EleccionFactory(proceso=ordinario, ayuntamiento=True)
    extraordinario = ProcesoElectoralFactory(
        slug="extraordinaria-2027",
        nombre="Elección Extraordinaria de Atlautla 2027",
        tipo=ProcesoElectoral.Tipo.EXTRAORDINARIO,
    )
    EleccionFactory(proceso=extraordinario, ayuntamiento=True)
    RecursoFactory(titulo="Cómo consultar Mi sección", duracion="2:30")
    RecursoFactory(infografia=True, titulo="Tres pasos para conocer tu boleta")
    hoy = datetime.date.today()
    for atras in range(30):
        VisitaDiariaFactory(
            fecha=hoy - datetime.timedelta(days=atras), area=AreaDelPortal.INICIO, cuenta=100 + atras * 7
        )
        VisitaDiariaFactory(
            fecha=hoy - datetime.timedelta(days=atras), area=AreaDelPortal.CONOCELES, cuenta=40 + atras
        )


@pytest.mark.parametrize(("nombre", "tamano"), TAMANOS)
@pytest.mark.parametrize(
    ("pagina_", "ruta"),
    [
        ("atribuciones", "/atribuciones/"),
        ("atribuciones-extraordinaria", "/atribuciones/?proceso=extraordinaria-2027"),
        ("quita-dudas", "/quita-dudas/"),
        ("quita-dudas-busqueda", "/quita-dudas/?q=credencial"),
        ("quita-dudas-sin-resultados", "/quita-dudas/?q=xilofono"),
        ("recursos", "/recursos/"),
        ("enlaces", "/enlaces/"),
        ("estadisticas", "/estadisticas/"),
    ],
)
def test_las_paginas_de_contenido_son_accesibles(pagina, contenido, nombre, tamano, pagina_, ruta):
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + ruta)

    afirmar_accesible(pagina)
    capturar(pagina, f"{pagina_}-{nombre}")
    ancho = pagina.evaluate("document.documentElement.scrollWidth")
    assert ancho <= tamano["width"], "la página no debe desplazarse a lo ancho"


def test_buscar_una_duda_con_el_teclado(pagina, contenido):
    pagina.set_viewport_size(TELEFONO)
    pagina.goto(pagina.url_base + "/quita-dudas/")

    pagina.get_by_label("Busca tu duda").fill("Cómo MARCO")
    pagina.keyboard.press("Enter")

    pagina.wait_for_url("**/quita-dudas/?q=*")
    assert pagina.get_by_role("heading", name="¿Cómo marco la boleta?").is_visible()
    assert pagina.get_by_role("status").inner_text().startswith("Encontramos")


def test_el_video_no_carga_nada_de_otro_sitio(pagina, contenido):
    externas = []
    pagina.on(
        "request",
        lambda peticion: (
            externas.append(peticion.url) if not peticion.url.startswith(pagina.url_base) else None
        ),
    )

    pagina.goto(pagina.url_base + "/recursos/")
    pagina.get_by_text("Leer la transcripción completa").first.click()

    assert externas == []
    assert pagina.get_by_text("Hola. En este video te mostramos").is_visible()
