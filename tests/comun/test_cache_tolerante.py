"""`comun.cache_tolerante`: Redis caído es un fallo de caché, los límites cuentan en el proceso, el
registro no se inunda y al volver se invalidan las páginas (issue 12)."""

import logging
from unittest import mock

import pytest
import redis.exceptions
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.test import override_settings

from comun import cache_publica, cache_tolerante
from comun.cache_tolerante import CacheTolerante, cache_compartida_recuperada

CERRADO = "redis://127.0.0.1:1/{}"
CLIENTE = "django.core.cache.backends.redis.RedisCacheClient"


@pytest.fixture
def nueva():
    """Crea cachés tolerantes, cada una con su LOCATION (así su estado no se mezcla)."""
    creadas = []

    def crear(**opciones):
        location = CERRADO.format(len(creadas) + 1)
        creadas.append(location)
        opciones = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, **opciones}
        return CacheTolerante(location, {"KEY_PREFIX": "prueba", "OPTIONS": opciones})

    yield crear
    for location in creadas:
        cache_tolerante._estados.pop(location, None)


def test_redis_caido_se_comporta_como_fallo_de_cache(nueva):
    c = nueva()

    assert c.get("x", "por-omision") == "por-omision"
    assert c.get_many(["x", "y"]) == {}
    assert c.set("x", 1) is None
    assert c.add("x", 1) is False
    assert c.has_key("x") is False
    assert c.touch("x") is False
    assert c.delete("x") is False
    assert c.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert c.delete_many(["a"]) is None
    assert c.get_or_set("x", 5) == 5
    with pytest.raises(ValueError):
        c.incr("x")
    with pytest.raises(ValueError):
        c.decr("x")
    c.clear()
    assert c.disponible is False
    assert c.estado()["disponible"] is False and "ConnectionError" in c.estado()["error"]


def test_las_claves_de_los_limites_cuentan_en_la_memoria_del_proceso(nueva):
    c = nueva(RESPALDO_LOCAL=["participacion:", "allauth"])

    assert c.add("participacion:escrituras:h:1", 0, 60) is True
    assert [c.incr("participacion:escrituras:h:1") for _ in range(3)] == [1, 2, 3]
    assert c.add("allauth:rl:login:candado", True, 10) is True
    assert c.add("allauth:rl:login:candado", True, 10) is False  # el candado de allauth sirve
    c.set("allauth:rl:login", [1.0, 2.0], 60)
    assert c.get("allauth:rl:login") == [1.0, 2.0]
    # Otra instancia (otro hilo del mismo proceso) ve lo mismo; otra clave sigue sin caché.
    ajustes = {"KEY_PREFIX": "prueba", "OPTIONS": {"RESPALDO_LOCAL": ["participacion:"]}}
    otra = CacheTolerante(c._location, ajustes)
    assert otra.get("participacion:escrituras:h:1") == 3
    c.set("pagina:x", "html")
    assert c.get("pagina:x") is None


def test_una_advertencia_por_caida_no_una_por_peticion(nueva, caplog):
    c = nueva()
    with caplog.at_level(logging.WARNING, logger="comun.cache_tolerante"):
        for _ in range(50):
            c.get("x")

    avisos = [r for r in caplog.records if r.name == "comun.cache_tolerante"]
    assert len(avisos) == 1
    assert "no responde" in avisos[0].getMessage()


def test_el_intervalo_entre_avisos_manda(nueva, caplog):
    c = nueva(SEGUNDOS_ENTRE_AVISOS=0, SEGUNDOS_REINTENTO=0)
    with caplog.at_level(logging.WARNING, logger="comun.cache_tolerante"):
        for _ in range(3):
            c.get("x")

    assert len([r for r in caplog.records if r.name == "comun.cache_tolerante"]) == 3


def test_el_cortacircuitos_no_reintenta_redis_antes_de_tiempo(nueva):
    caida = redis.exceptions.ConnectionError("sin redis")
    with mock.patch(f"{CLIENTE}.get", side_effect=caida) as get:
        c = nueva(SEGUNDOS_REINTENTO=60)
        for _ in range(20):
            assert c.get("x") is None
    assert get.call_count == 1

    with mock.patch(f"{CLIENTE}.get", side_effect=caida) as get:
        c = nueva(SEGUNDOS_REINTENTO=0)
        for _ in range(20):
            c.get("x")
    assert get.call_count == 20


def test_al_volver_lo_registra_y_avisa_una_vez(nueva, caplog):
    recibidas = []

    def receptor(**kwargs):
        recibidas.append(kwargs["sender"])

    cache_compartida_recuperada.connect(receptor)
    try:
        with (
            mock.patch(f"{CLIENTE}.get", side_effect=[redis.exceptions.TimeoutError("x"), "valor", "valor"]),
            caplog.at_level(logging.WARNING, logger="comun.cache_tolerante"),
        ):
            c = nueva(SEGUNDOS_REINTENTO=0)
            assert c.get("x") is None and c.disponible is False
            assert c.get("x") == "valor" and c.disponible is True
            assert c.get("x") == "valor"
    finally:
        cache_compartida_recuperada.disconnect(receptor)

    assert recibidas == [CacheTolerante]
    assert "volvió a responder" in caplog.records[-1].getMessage()


@pytest.mark.django_db
def test_al_volver_la_cache_las_paginas_publicas_se_reconstruyen():
    """Lo invalidado con Redis caído no llegó a él: al volver se invalida todo."""
    antes = cache_publica.version(cache_publica.PORTAL)

    cache_compartida_recuperada.send(sender=CacheTolerante)

    assert cache_publica.version(cache_publica.PORTAL) > antes


class CacheQueRevienta(BaseCache):
    """Una caché cualquiera (no tolerante) que lanza una excepción en cada operación."""

    def __init__(self, location, params):
        super().__init__(params)

    def _revienta(self, *args, **kwargs):
        raise ConnectionError("caché fuera de servicio")

    add = get = set = touch = delete = get_many = has_key = incr = set_many = delete_many = clear = _revienta


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.comun.urls_cache")
def test_la_cache_de_paginas_no_revienta_con_cualquier_cache_caida(client):
    with override_settings(CACHES={"default": {"BACKEND": f"{__name__}.CacheQueRevienta"}}):
        respuestas = [client.get("/cosa/7/"), client.get("/cosa/7/")]
        cache_publica.invalidar("cosa:7")  # tampoco revienta
        memorizado = cache_publica.memorizar("prueba", ["cosa:7"], lambda: 42)

    assert [r.status_code for r in respuestas] == [200, 200]
    assert [r["X-Cache"] for r in respuestas] == ["MISS", "MISS"]
    assert memorizado == 42
    assert cache.get("x") is None  # la caché de las pruebas vuelve a su lugar


def test_un_error_de_redis_que_no_es_de_conexion_falla_solo_esa_operacion(nueva):
    sin_memoria = redis.exceptions.ResponseError("OOM command not allowed when used memory > 'maxmemory'")
    with mock.patch(f"{CLIENTE}.set", side_effect=sin_memoria), mock.patch(f"{CLIENTE}.get", return_value=7):
        c = nueva(SEGUNDOS_REINTENTO=60)
        assert c.set("x", 1) is None
        assert c.disponible is True
        assert c.get("x") == 7  # el cortacircuitos no se abrió: se sigue leyendo de Redis
