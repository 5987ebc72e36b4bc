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
    # Las tareas (correo, importaciones) corren en el acto: cada prueba ve su efecto sin un worker.
    tareas = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(STORAGES=almacenes, CACHES=caches, TASKS=tareas):
        yield


@pytest.fixture(scope="session", autouse=True)
def _datos_abiertos_en_temporal(tmp_path_factory):
    """Los archivos de datos abiertos que escriben las pruebas van a una carpeta temporal propia de
    cada proceso de pytest (nunca a media/)."""
    with override_settings(DECIDE_DATOS_ABIERTOS_ROOT=tmp_path_factory.mktemp("datos_abiertos")):
        yield


@pytest.fixture(scope="session", autouse=True)
def _archivos_privados_en_temporal(tmp_path_factory):
    """Los archivos de importación que guardan las pruebas van a una carpeta temporal (nunca a privado/)."""
    with override_settings(DECIDE_ARCHIVOS_PRIVADOS_ROOT=tmp_path_factory.mktemp("privado")):
        yield


@pytest.fixture(autouse=True)
def _cache_limpia():
    """Cada prueba empieza con la caché vacía (límites de peticiones, páginas en caché)."""
    from django.core.cache import cache

    from comun.cache_publica import olvidar_version_local

    cache.clear()
    olvidar_version_local()
    yield
    cache.clear()
    olvidar_version_local()


_CONTENIDO_SERIALIZADO = {}


def pytest_collection_modifyitems(items):
    """Toda prueba transaccional (las de navegador lo son) restaura al terminar los datos que dejan
    las migraciones de datos; si no, las pruebas siguientes correrían sin catálogos ni grupos."""
    for item in items:
        marca = item.get_closest_marker("django_db")
        if marca and marca.kwargs.get("transaction") and not marca.kwargs.get("serialized_rollback"):
            nueva = pytest.mark.django_db(*marca.args, **{**marca.kwargs, "serialized_rollback": True}).mark
            item.own_markers.insert(0, nueva)  # la más cercana es la que lee pytest-django


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Guarda el contenido que las migraciones de datos dejaron en la base de pruebas (catálogos,
    grupos, textos iniciales) para devolverlo en las pruebas de navegador; ver abajo."""
    from django.db import connections

    for alias in connections:
        contenido = getattr(connections[alias], "_test_serialized_contents", None)
        if contenido:
            _CONTENIDO_SERIALIZADO[alias] = contenido
    yield


@pytest.fixture(autouse=True)
def _datos_de_migraciones_en_pruebas_de_navegador(request):
    """Con Playwright en marcha, Django entrega otro objeto de conexión (contexto asíncrono) que no
    sabe de `serialized_rollback`, y las pruebas transaccionales posteriores a la primera empezarían
    sin los datos de las migraciones. Aquí se restauran antes de la prueba."""
    if request.node.get_closest_marker("navegador") is None or not _CONTENIDO_SERIALIZADO:
        return
    request.getfixturevalue("navegador")
    from django.db import connections

    for alias, contenido in _CONTENIDO_SERIALIZADO.items():
        conexion = connections[alias]
        if not hasattr(conexion, "_test_serialized_contents"):
            conexion._test_serialized_contents = contenido
            conexion.creation.deserialize_db_from_string(contenido)


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


@pytest.fixture
def al_confirmar():
    """El correo se encola «al confirmar la transacción» (comun/correo.py), y en una prueba con `db`
    la transacción nunca se confirma: aquí se encola en el acto, para las pruebas que sólo miran el
    contenido del correo. Las que prueban la confirmación usan `django_capture_on_commit_callbacks`."""
    from unittest import mock

    with mock.patch("comun.correo.transaction.on_commit", side_effect=lambda funcion, **kwargs: funcion()):
        yield


@pytest.fixture
def django_capture_on_commit_callbacks(django_capture_on_commit_callbacks):
    """El de pytest-django, con una diferencia: dentro de una transacción, las invalidaciones de la
    caché de páginas se juntan en un solo `on_commit` (comun/cache_publica.py), y el bloque sólo
    ejecuta lo registrado dentro de él. Cada bloque empieza su propia invalidación pendiente, como
    si fuera una transacción nueva; si no, lo que pidieran las fábricas antes del bloque se llevaría
    lo de adentro."""
    from contextlib import contextmanager

    from comun.cache_publica import soltar_invalidacion_pendiente

    @contextmanager
    def capturar(**kwargs):
        soltar_invalidacion_pendiente()
        with django_capture_on_commit_callbacks(**kwargs) as callbacks:
            yield callbacks

    return capturar
