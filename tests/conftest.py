"""Fixtures compartidas por toda la suite."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

# Playwright (API síncrona) corre un bucle de eventos en el mismo hilo que las consultas de
# las pruebas; Django lo tomaría por código asíncrono.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.navegador import ARGUMENTOS_CHROMIUM, CHROMIUM


@pytest.fixture(scope="session", autouse=True)
def _ajustes_de_prueba():
    """Estáticos servidos desde static/ sin exigir `collectstatic`, y caché en memoria: así los
    contadores de consultas miden sólo la base de datos (la caché de producción vive en ella)."""
    almacenes = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pruebas"}}
    with override_settings(STORAGES=almacenes, CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _cache_limpia():
    """Cada prueba empieza con la caché vacía (límites de peticiones, páginas en caché)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def navegador():
    """Chromium del sistema controlado por Playwright. En CI su ausencia es una falla."""
    if not Path(CHROMIUM).exists():
        mensaje = "Falta Chromium. Instálalo con: apt-get install chromium"
        if os.environ.get("DECIDE_EXIGIR_NAVEGADOR"):
            pytest.fail(mensaje)
        pytest.skip(mensaje)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTOS_CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def pagina(navegador, live_server):
    """Una pestaña nueva en español de México, a ancho de escritorio; `pagina.url_base` es el servidor."""
    contexto = navegador.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    contexto.set_default_timeout(10_000)
    pestana = contexto.new_page()
    pestana.url_base = live_server.url
    yield pestana
    contexto.close()
