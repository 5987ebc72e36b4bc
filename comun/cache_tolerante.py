"""La caché compartida (Redis) caída no tumba el portal (issue 12).

`CacheTolerante` es el `RedisCache` de Django con un cortacircuitos: si Redis no contesta (conexión
rechazada, tiempo agotado, sin memoria…), la operación se comporta como un fallo de caché en vez de
lanzar la excepción hasta la vista:

- `get` → el valor por omisión, `get_many` → `{}`, `has_key` → `False`;
- `set`, `touch`, `delete`, `set_many`, `delete_many`, `clear` → no hacen nada (`set_many` devuelve
  las claves que no guardó, como pide la API de Django);
- `add` → `False` (no se guardó) e `incr`/`decr` → `ValueError` (la clave no existe), lo mismo que
  con una clave que caducó: quien ya maneja ese caso no necesita nada más.

Así una página pública se construye sin caché (`comun.cache_publica` ve siempre un fallo). Los
**contadores y candados de los límites** no pueden perderse así: un `add` que siempre devuelve
`False` bloquearía a todas (allauth espera su candado) y un contador que nunca cuenta dejaría pasar
todo. Por eso las claves que empiezan con un prefijo de `OPTIONS["RESPALDO_LOCAL"]` (límites de
acceso de allauth, de participación, de la API, visitas) se guardan, mientras Redis no contesta, en
una caché en la memoria de este proceso: cada proceso cuenta por su lado, el tope efectivo es a lo
más el configurado por el número de procesos y nunca se responde 500 (docs/decisiones.md, «La caché
compartida caída»).

**Cortacircuitos.** Tras una falla no se vuelve a intentar Redis durante `SEGUNDOS_REINTENTO`: así
una petición no paga un tiempo de conexión agotado por cada lectura. Pasado ese plazo, la siguiente
operación lo intenta; si contesta, se avisa con la señal `cache_compartida_recuperada` (la caché de
páginas la usa para invalidar lo que pudo cambiar mientras tanto).

**Registro.** Una advertencia al caer, a lo más una cada `SEGUNDOS_ENTRE_AVISOS` mientras siga
caída, y una línea al recuperarse: nunca una por petición.

El estado es del proceso (compartido entre hilos): Django crea un objeto de caché por hilo.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.dispatch import Signal

from comun.cache_redis import CacheRedis

logger = logging.getLogger(__name__)

cache_compartida_recuperada = Signal()
"""Se envía (sin argumentos salvo `sender`, la clase) cuando Redis vuelve a contestar tras caer."""


def _errores_de_redis():
    import redis.exceptions

    return (redis.exceptions.RedisError, OSError)


def _errores_de_conexion():
    """Los que dicen que Redis no está (abren el cortacircuitos). Otros (p. ej. `OOM command not
    allowed`, un `ResponseError`) sólo hacen fallar esa operación."""
    import redis.exceptions

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class _Estado:
    """Salud de un servidor de caché en este proceso (uno por LOCATION)."""

    def __init__(self, segundos_reintento, segundos_entre_avisos):
        self.candado = threading.Lock()
        self.segundos_reintento = segundos_reintento
        self.segundos_entre_avisos = segundos_entre_avisos
        self.caida_desde = None  # time.time() de la primera falla de esta caída
        self.reintentar_en = 0.0  # time.monotonic() a partir del cual se vuelve a intentar
        self.ultimo_aviso = 0.0
        self.fallas = 0  # operaciones resueltas sin Redis en esta caída
        self.ultimo_error = ""

    def en_espera(self):
        """¿Está caída y aún no toca reintentar? (entonces ni se intenta)."""
        return self.caida_desde is not None and time.monotonic() < self.reintentar_en

    def marcar_falla(self, error, location):
        ahora = time.monotonic()
        with self.candado:
            primera = self.caida_desde is None
            if primera:
                self.caida_desde = time.time()
                self.fallas = 0
            self.fallas += 1
            self.reintentar_en = ahora + self.segundos_reintento
            self.ultimo_error = f"{type(error).__name__}: {error}"
            avisar = primera or ahora - self.ultimo_aviso >= self.segundos_entre_avisos
            if avisar:
                self.ultimo_aviso = ahora
        if avisar:
            logger.warning(
                "La caché compartida (%s) no responde (%s): las páginas se sirven sin caché y los "
                "límites cuentan en la memoria de cada proceso. %s operaciones sin caché en esta caída.",
                location,
                self.ultimo_error,
                self.fallas,
            )

    def marcar_viva(self, location):
        if self.caida_desde is None:
            return False
        with self.candado:
            if self.caida_desde is None:
                return False
            duracion = time.time() - self.caida_desde
            fallas = self.fallas
            self.caida_desde = None
            self.fallas = 0
        logger.warning(
            "La caché compartida (%s) volvió a responder tras %.0f s (%s operaciones sin caché).",
            location,
            duracion,
            fallas,
        )
        return True

    def resumen(self):
        if self.caida_desde is None:
            return {"disponible": True}
        return {
            "disponible": False,
            "caida_desde": self.caida_desde,
            "operaciones_sin_cache": self.fallas,
            "error": self.ultimo_error,
        }


_estados = {}
_candado_estados = threading.Lock()
_ultimo_aviso_de_operacion = [0.0]


def _avisar_error_de_operacion(nombre, error):
    """Redis contestó con un error (no está caído): la operación cuenta como fallo de caché. Un aviso
    por minuto a lo más."""
    ahora = time.monotonic()
    if ahora - _ultimo_aviso_de_operacion[0] >= 60:
        _ultimo_aviso_de_operacion[0] = ahora
        logger.warning("La caché compartida rechazó %s: %s: %s", nombre, type(error).__name__, error)


class CacheTolerante(CacheRedis):
    """`RedisCache` que degrada a fallo de caché si Redis no responde (ver el docstring del módulo).

    OPTIONS propias (las demás van a redis-py, p. ej. `socket_connect_timeout`, `socket_timeout`):
    `RESPALDO_LOCAL` (prefijos de las claves que cuentan en memoria mientras Redis no contesta),
    `SEGUNDOS_REINTENTO` (5), `SEGUNDOS_ENTRE_AVISOS` (60), `ENTRADAS_RESPALDO` (20 000).
    """

    def __init__(self, server, params):
        opciones = dict(params.get("OPTIONS") or {})
        self.prefijos_locales = tuple(opciones.pop("RESPALDO_LOCAL", ()))
        segundos_reintento = float(opciones.pop("SEGUNDOS_REINTENTO", 5))
        segundos_entre_avisos = float(opciones.pop("SEGUNDOS_ENTRE_AVISOS", 60))
        entradas_respaldo = int(opciones.pop("ENTRADAS_RESPALDO", 20_000))
        super().__init__(server, {**params, "OPTIONS": opciones})
        self._location = server if isinstance(server, str) else ",".join(server)
        with _candado_estados:
            self._estado = _estados.setdefault(
                self._location, _Estado(segundos_reintento, segundos_entre_avisos)
            )
        # LocMemCache comparte su almacén entre objetos con el mismo nombre: uno por proceso.
        self._local = LocMemCache(
            f"cache-tolerante:{self._location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": entradas_respaldo},
            },
        )

    # --- Estado (para /salud/ y las vistas que prefieren no escribir sin la caché) ----------------

    @property
    def disponible(self):
        """`False` mientras se considera caída (desde la última falla hasta que vuelva a contestar)."""
        return self._estado.caida_desde is None

    def estado(self):
        return self._estado.resumen()

    def comprobar(self):
        """Un PING real a Redis, aunque el cortacircuitos esté abierto. Devuelve los milisegundos que
        tardó o lanza la excepción; actualiza el estado (para `/salud/`)."""
        inicio = time.perf_counter()
        try:
            self._cache.get_client(write=True).ping()
        except _errores_de_redis() as error:
            self._estado.marcar_falla(error, self._location)
            raise
        self._recuperada()
        return (time.perf_counter() - inicio) * 1000

    # --- El cortacircuitos ---------------------------------------------------------------------

    def _es_local(self, claves):
        return bool(self.prefijos_locales) and all(str(c).startswith(self.prefijos_locales) for c in claves)

    def _recuperada(self):
        if self._estado.marcar_viva(self._location):
            try:
                cache_compartida_recuperada.send(sender=type(self))
            except Exception:
                logger.exception("Falló un receptor de cache_compartida_recuperada.")

    def _operar(self, nombre, claves, args, kwargs, sin_cache):
        """Hace `nombre` en Redis; si no contesta, en la memoria del proceso (claves de
        `RESPALDO_LOCAL`) o `sin_cache()` (un fallo de caché)."""
        if not self._estado.en_espera():
            try:
                resultado = getattr(super(), nombre)(*args, **kwargs)
            except _errores_de_conexion() as error:
                self._estado.marcar_falla(error, self._location)
            except _errores_de_redis() as error:
                _avisar_error_de_operacion(nombre, error)
                return sin_cache()
            else:
                self._recuperada()
                return resultado
        else:
            with self._estado.candado:
                self._estado.fallas += 1
        if self._es_local(claves):
            return getattr(self._local, nombre)(*args, **kwargs)
        return sin_cache()

    # --- La API de caché de Django -------------------------------------------------------------

    def add(self, key, *args, **kwargs):
        return self._operar("add", [key], (key, *args), kwargs, lambda: False)

    def get(self, key, default=None, version=None):
        return self._operar("get", [key], (key, default, version), {}, lambda: default)

    def set(self, key, *args, **kwargs):
        return self._operar("set", [key], (key, *args), kwargs, lambda: None)

    def touch(self, key, *args, **kwargs):
        return self._operar("touch", [key], (key, *args), kwargs, lambda: False)

    def delete(self, key, *args, **kwargs):
        return self._operar("delete", [key], (key, *args), kwargs, lambda: False)

    def get_many(self, keys, *args, **kwargs):
        keys = list(keys)
        return self._operar("get_many", keys, (keys, *args), kwargs, dict)

    def has_key(self, key, *args, **kwargs):
        return self._operar("has_key", [key], (key, *args), kwargs, lambda: False)

    def incr(self, key, delta=1, version=None):
        def sin_cache():
            raise ValueError(f"Key '{key}' not found (la caché compartida no responde).")

        return self._operar("incr", [key], (key, delta, version), {}, sin_cache)

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)

    def set_many(self, data, *args, **kwargs):
        return self._operar("set_many", list(data), (data, *args), kwargs, lambda: list(data))

    def delete_many(self, keys, *args, **kwargs):
        keys = list(keys)
        return self._operar("delete_many", keys, (keys, *args), kwargs, lambda: None)

    def clear(self):
        # Vaciar la caché compartida también vacía el respaldo de este proceso.
        self._local.clear()
        return self._operar("clear", [], (), {}, lambda: False)


def estado_de(cache):
    """{"disponible": bool, …} de un objeto de caché; las que no son tolerantes, siempre disponibles."""
    resumen = getattr(cache, "estado", None)
    return resumen() if callable(resumen) else {"disponible": True}


def cache_compartida_disponible():
    """¿Contesta la caché compartida (según lo que este proceso ha visto)? Para las escrituras que
    prefieren no aceptarse con límites sólo locales (p. ej. los comentarios)."""
    from django.core.cache import cache

    return getattr(cache, "disponible", True)
