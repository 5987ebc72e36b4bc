"""Caché de páginas públicas completas, lista para una caché HTTP delante (X4, issue 17).

Una página pública se guarda entera en la caché compartida (Redis o la base de datos) y se sirve
igual a toda persona sin sesión. Lo usan las vistas con el decorador `pagina_publica_en_cache` y el
middleware `CachePublicaMiddleware`, que va primero en `MIDDLEWARE` para ver la respuesta final
(con las cookies que pongan los demás middlewares). Ver docs/rendimiento.md, «Caché de páginas».

**Parámetros.** Cada página declara los parámetros de consulta que acepta (los de sus formularios).
La clave se arma sólo con ellos, en orden canónico (por nombre; los valores repetidos conservan su
orden); un parámetro desconocido (`?x=<aleatorio>`, `?utm_source=…`, `?fbclid=…`) responde 301 a la
misma URL sin él: nunca crea una entrada nueva ni evita la caché.

**Alcances e invalidación dirigida.** Cada página depende de unos alcances (`proceso:<slug>`,
`candidatura:<id>`, `contenido`…), cada uno con un número de versión en la caché. La entrada
guarda las versiones con que se construyó (su «firma»); en cada petición se leen, en una sola
lectura `get_many`, las versiones y la entrada. `invalidar(...)` sube sólo las versiones de lo que
cambió: las demás páginas siguen en caché. Toda página depende además de `portal`, que sube
`invalidar()` sin alcances (cuando no se sabe qué cambió). Una página que no declara alcances depende
de `cualquier-cambio`, que sube con toda invalidación (lo prudente). Quien cambia datos llama a
`invalidar_al_confirmar(...)`: dentro de una transacción, todo lo pedido se junta y se invalida una
sola vez al confirmarse (una importación de miles de filas no hace miles de incrementos).

**Sin estampida.** La entrada se guarda con su marca de frescura y vive `SEGUNDOS_COPIA_VIEJA` más
en la caché. Cuando vence (por tiempo o porque cambió una versión), la primera petición toma un
candado (`cache.add`) y la reconstruye; las que llegan mientras tanto reciben la copia anterior
(`X-Cache: STALE`). Así lo publicado se ve en cuanto termina esa reconstrucción (milisegundos).

**HTTP.** Para quien no tiene sesión: `Cache-Control: public, max-age, s-maxage,
stale-while-revalidate`, `ETag` (huella del cuerpo) y `Last-Modified` (cuándo se construyó) con 304
a `If-None-Match`/`If-Modified-Since`, y `Vary: Cookie, Accept-Encoding`. Cada página se guarda
en dos entradas: la versión gzip (comprimida una vez, al construirla, con su propia ETag), que recibe
quien manda `Accept-Encoding: gzip` (todo navegador), y la versión sin comprimir. Cada acierto lee
sólo la que va a servir: las estadísticas pesan 250 KB sin comprimir y 19 KB en gzip. Sin riesgo
de BREACH: una página pública guardada no lleva secretos (ni token CSRF ni sesión). Con sesión,
mensajes pendientes o cualquier `Set-Cookie` (p. ej. un token CSRF): `Cache-Control: private,
no-store` y nada se guarda. HEAD usa la misma entrada que GET (el servidor quita el cuerpo).

La clave incluye además una huella del despliegue (el manifiesto de estáticos): un despliegue nuevo
nunca sirve páginas guardadas por el anterior.

**Sin caché.** Si la caché compartida no responde, cada página se construye en la petición (como un
fallo de caché) y nada se guarda: `comun.cache_tolerante` ya lo hace con Redis, y aquí además toda
lectura o escritura que lance una excepción se trata igual, con cualquier backend. Lo que se
invalidó mientras la caché estaba caída no llegó a ella: al volver, `cache_compartida_recuperada`
invalida todas las páginas.
"""

import functools
import gzip
import hashlib
import logging
import re
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from comun.cache_tolerante import cache_compartida_recuperada

logger = logging.getLogger(__name__)

PORTAL = "portal"
"""Alcance del que dependen todas las páginas: `invalidar()` sin alcances lo sube."""
CUALQUIER_CAMBIO = "cualquier-cambio"
"""Alcance de las páginas que no declaran los suyos: sube con toda invalidación."""
CONTENIDO = "contenido"
"""Atribuciones, Quita Dudas, recursos y enlaces (lo que edita el personal en el admin)."""

PARAMETROS_POR_OMISION = ("proceso",)
"""Toda página pública acepta `?proceso=<slug>` (el selector de proceso de la barra)."""

SEGUNDOS_COPIA_VIEJA = 3600
"""Cuánto más vive en la caché una entrada vencida, para servirla mientras otra petición la rehace."""
SEGUNDOS_CANDADO = 5
"""Si quien reconstruye una página falla sin soltar el candado, otra petición lo intenta tras esto."""

MINIMO_GZIP = 1024
"""Desde cuántos bytes se guarda también la versión gzip de una página (las de error son cortas)."""

PREFIJO = "pagina"
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def _ajuste(nombre, omision):
    return getattr(settings, nombre, omision)


_ultimo_aviso = [0.0]


def _avisar_falla(que, error):
    """Una advertencia por minuto a lo más (nunca una por petición)."""
    ahora = time.monotonic()
    if ahora - _ultimo_aviso[0] >= 60:
        _ultimo_aviso[0] = ahora
        logger.warning("Caché de páginas sin caché (%s): %s: %s", que, type(error).__name__, error)


def _leer(claves):
    """`cache.get_many(claves)`; `{}` (todo es fallo de caché) si la caché lanza una excepción."""
    try:
        return cache.get_many(claves)
    except Exception as error:
        _avisar_falla("lectura", error)
        return {}


def _escribir(operacion, *argumentos):
    """`cache.<operacion>(*argumentos)`; si la caché falla, no se guarda nada. Devuelve lo que
    devuelva la operación, o `None` si falló."""
    try:
        return getattr(cache, operacion)(*argumentos)
    except Exception as error:
        _avisar_falla(operacion, error)
        return None


# --- Versiones por alcance -------------------------------------------------------------------------


def _clave_version(alcance):
    return f"{PREFIJO}:v:{alcance}"


def _version_nueva():
    # Una versión recreada (caché vaciada o clave desalojada) parte de los milisegundos actuales:
    # nunca coincide con una firma guardada antes.
    return int(time.time() * 1000)


def alcance_de_proceso(slug):
    """`proceso:<slug>`; las páginas sin `?proceso=` (el predeterminado) usan `proceso:`."""
    return f"proceso:{slug or ''}"


def invalidar(*alcances):
    """Deja de servir las páginas que dependen de `alcances` (p. ej. `candidatura:12`,
    `proceso:2027-ordinario`, `contenido`). Sin alcances, todas. Barato: un incremento por alcance.

    Invalidar un proceso invalida también las páginas del proceso predeterminado (`proceso:`), porque
    desde aquí no se sabe cuál es."""
    if not alcances:
        alcances = (PORTAL,)
    else:
        alcances = set(alcances) | {CUALQUIER_CAMBIO}
        if any(a.startswith("proceso:") for a in alcances):
            alcances.add(alcance_de_proceso(""))
    for alcance in sorted(alcances):
        clave = _clave_version(alcance)
        try:
            cache.incr(clave)
        except ValueError:
            _escribir("set", clave, _version_nueva(), None)
        except Exception as error:
            _avisar_falla("invalidar", error)


def _invalidar_al_recuperarse(**_kwargs):
    # Lo que se invalidó con la caché caída no llegó a ella: todas las páginas se reconstruyen.
    invalidar()


cache_compartida_recuperada.connect(_invalidar_al_recuperarse, dispatch_uid="cache_publica.recuperada")


def version(alcance):
    """La versión actual de `alcance` (0 si nunca se invalidó)."""
    clave = _clave_version(alcance)
    return _versiones([clave], _leer([clave]))[0]


_memoria = {}


def memorizar(nombre, alcances, calcular, segundos=300):
    """`calcular()` guardado en este proceso mientras no cambien las versiones de `alcances` (una
    lectura `get_many` a la caché) y a lo más `segundos`. Para lo que cuesta consultas y sólo cambia
    con el registro, p. ej. las opciones de los filtros de un proceso."""
    claves = [_clave_version(a) for a in (PORTAL, *alcances)]
    firma = tuple(_versiones(claves, _leer(claves)))
    guardado = _memoria.get(nombre)
    ahora = time.monotonic()
    if guardado is not None and guardado[0] == firma and ahora < guardado[1]:
        return guardado[2]
    valor = calcular()
    if len(_memoria) > 256:
        _memoria.clear()
    _memoria[nombre] = (firma, ahora + segundos, valor)
    return valor


class _InvalidacionPendiente:
    """Lo que invalidará la transacción en curso al confirmarse: la unión de los alcances de cada
    `invalidar_al_confirmar`, en un solo `transaction.on_commit`. Así una importación que guarda
    miles de filas registra una sola llamada e invalida cada alcance una vez."""

    def __init__(self, conexion):
        self.alcances = set()
        self.todo = False
        self.ejecutada = False
        # Django cambia esta lista por otra al confirmar, al deshacer y al volver a un savepoint (y
        # quita de la nueva lo registrado dentro de ese savepoint): mientras sea la misma, esta
        # llamada sigue registrada, y si luego se descarta es porque se deshizo también todo lo que
        # se le haya agregado.
        self.lista = conexion.run_on_commit

    def sigue_pendiente_en(self, conexion):
        return not self.ejecutada and conexion.run_on_commit is self.lista

    def __call__(self):
        self.ejecutada = True
        if self.todo:
            invalidar()
        elif self.alcances:
            invalidar(*self.alcances)


def _pendiente(crear=True):
    """La invalidación pendiente de la transacción en curso (la crea y la registra si no hay y
    `crear`); None fuera de una transacción."""
    conexion = transaction.get_connection()
    if not conexion.in_atomic_block:
        return None
    pendiente = getattr(conexion, "invalidacion_pendiente", None)
    if pendiente is not None and pendiente.sigue_pendiente_en(conexion):
        return pendiente
    if not crear:
        return None
    pendiente = _InvalidacionPendiente(conexion)
    conexion.invalidacion_pendiente = pendiente
    transaction.on_commit(pendiente)
    return pendiente


def invalidar_al_confirmar(*alcances):
    """`invalidar(*alcances)` cuando se confirme la transacción en curso (en el acto si no hay).
    Sin alcances, todas las páginas.

    Dentro de una transacción, las llamadas se juntan: al confirmarse se invalida una sola vez la
    unión de sus alcances (o todo, si alguna pidió todo). Lo pedido dentro de un savepoint que se
    deshace puede invalidarse igual (de más, nunca de menos)."""
    pendiente = _pendiente()
    if pendiente is None:
        transaction.on_commit(functools.partial(invalidar, *alcances))
    elif not alcances:
        pendiente.todo = True
        pendiente.alcances.clear()
    elif not pendiente.todo:
        pendiente.alcances.update(alcances)


def invalidacion_total_pendiente():
    """¿La transacción en curso ya invalidará todas las páginas al confirmarse? Quien calcula
    alcances con consultas (las señales del registro) se las ahorra: una importación pide todo
    al empezar y sus miles de filas no consultan nada más."""
    pendiente = _pendiente(crear=False)
    return pendiente is not None and pendiente.todo


def soltar_invalidacion_pendiente():
    """Lo que se pida desde ahora va en una llamada nueva a `transaction.on_commit` (las pruebas lo
    usan al empezar cada `django_capture_on_commit_callbacks`, que sólo ejecuta lo registrado
    dentro del bloque)."""
    conexion = transaction.get_connection()
    conexion.invalidacion_pendiente = None


def invalidar_paginas_publicas():
    """Todas las páginas públicas (cuando no se sabe qué cambió)."""
    invalidar()


def olvidar_version_local():
    """Olvida lo memorizado en este proceso (las pruebas lo llaman entre una y otra)."""
    _memoria.clear()


def _versiones(claves, leidas):
    """Las versiones de `claves` ya leídas; una que falta vale 0. No se crea al leer: así un
    `?proceso=<inventado>` no deja claves en la caché. `invalidar` la crea con los milisegundos
    actuales, mayores que cualquier versión anterior."""
    return [leidas.get(clave, 0) for clave in claves]


@functools.cache
def huella_de_despliegue():
    """Cambia con cada `collectstatic`: una página guardada por la versión anterior del sitio apunta a
    estáticos con otra huella (que ya no existen), así que tras desplegar no debe servirse."""
    manifiesto = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return hashlib.sha256(manifiesto.read_bytes()).hexdigest()[:12]
    except OSError:
        return "sin-manifiesto"


# --- La petición ------------------------------------------------------------------------------------


def _tiene_sesion(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _consulta_canonica(request, permitidos):
    """(pares aceptados en orden canónico, nombres desconocidos)."""
    desconocidos = [nombre for nombre in request.GET if nombre not in permitidos]
    pares = [
        (nombre, valor)
        for nombre in sorted(request.GET)
        if nombre in permitidos
        for valor in request.GET.getlist(nombre)
    ]
    return pares, desconocidos


def _resolver_alcances(alcances, request, kwargs):
    if alcances is None:
        resueltos = [CUALQUIER_CAMBIO]
    elif callable(alcances):
        resueltos = list(alcances(request, **kwargs))
    else:
        resueltos = []
        for alcance in alcances:
            if alcance == "proceso":
                slug = request.GET.get("proceso", "").strip()
                # Un slug imposible (la vista responde 404) no debe volverse una clave de la caché.
                resueltos.append(alcance_de_proceso(slug if _SLUG.fullmatch(slug or "-") else "?"))
            else:
                resueltos.append(alcance.format(**kwargs))
    return [PORTAL, *dict.fromkeys(resueltos)]


class _Pagina:
    """Lo que la vista decorada deja en la petición para `CachePublicaMiddleware`."""

    def __init__(self, segundos):
        self.segundos = segundos
        self.privada = False
        self.clave = None
        self.firma = None
        self.candado = None


def _acepta_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


GZIP = "gz"
IDENTIDAD = "id"
"""Las dos variantes de cada página guardada: `<clave>:gz` (gzip) y `<clave>:id` (sin comprimir)."""


def _variante(request):
    return GZIP if _acepta_gzip(request) else IDENTIDAD


def _poner_cuerpo(respuesta, entrada):
    """Pone en `respuesta` el cuerpo de la entrada (de una variante), su largo, codificación y ETag."""
    respuesta.content = entrada["contenido"]
    # CommonMiddleware ya puso el largo del cuerpo sin comprimir: con el viejo, el navegador espera
    # bytes que nunca llegan.
    respuesta["Content-Length"] = str(len(entrada["contenido"]))
    if entrada["gzip"]:
        respuesta["Content-Encoding"] = "gzip"
    respuesta["ETag"] = entrada["etag"]


def _respuesta_guardada(entrada, marca):
    respuesta = HttpResponse(status=entrada["estado"])
    for nombre, valor in entrada["cabeceras"]:
        respuesta[nombre] = valor
    _poner_cuerpo(respuesta, entrada)
    respuesta["Last-Modified"] = http_date(entrada["construida"])
    respuesta["X-Cache"] = marca
    return respuesta


def _buscar(request, pares, alcances, kwargs):
    """(clave, firma, entrada o None) de la página pedida, en la variante que acepta quien la pide:
    una sola lectura `get_many` trae las versiones de sus alcances y esa entrada guardada."""
    ruta = hashlib.sha256(f"{request.path}?{urlencode(pares)}".encode()).hexdigest()
    clave = f"{PREFIJO}:{huella_de_despliegue()}:{ruta}"
    claves_version = [_clave_version(a) for a in _resolver_alcances(alcances, request, kwargs)]
    de_la_variante = f"{clave}:{_variante(request)}"
    leidas = _leer([*claves_version, de_la_variante])
    return clave, _versiones(claves_version, leidas), leidas.get(de_la_variante)


def _es_fresca(entrada, firma):
    return entrada["firma"] == firma and time.time() < entrada["fresca_hasta"]


def pagina_publica_en_cache(segundos=300, *, parametros=PARAMETROS_POR_OMISION, alcances=None):
    """Decorador de vistas públicas de sólo lectura (ver el docstring del módulo).

    `segundos`: cuánto se sirve la página sin reconstruirla si nada cambia.
    `parametros`: nombres de los parámetros de consulta que acepta la página; cualquier otro
    redirige (301) a la URL sin él.
    `alcances`: de qué depende la página, p. ej. `("proceso", "contenido")` o
    `("candidatura:{pk}",)` (se completa con los argumentos de la URL; `"proceso"` es el de
    `?proceso=`), o una función `(request, **kwargs) -> [alcance, ...]`. Sin alcances, la página se
    invalida con cualquier cambio.
    """
    permitidos = frozenset(parametros)

    def decorador(vista):
        @functools.wraps(vista)
        def envoltura(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return vista(request, *args, **kwargs)
            pares, desconocidos = _consulta_canonica(request, permitidos)
            if desconocidos:
                destino = escape_uri_path(request.path) + (f"?{urlencode(pares)}" if pares else "")
                respuesta = HttpResponsePermanentRedirect(destino)
                respuesta["Cache-Control"] = "public, max-age=86400"
                return respuesta

            pagina = _Pagina(segundos)
            request._pagina_publica = pagina
            if _tiene_sesion(request):
                pagina.privada = True
                return vista(request, *args, **kwargs)

            # El middleware ya buscó esta página antes de la cadena de middlewares (y no la tenía
            # fresca); si no, se busca aquí (p. ej. una vista llamada sin el middleware).
            busqueda = getattr(request, "_busqueda_publica", None) or _buscar(
                request, pares, alcances, kwargs
            )
            clave, firma, entrada = busqueda
            if entrada is not None:
                if _es_fresca(entrada, firma):
                    return _respuesta_guardada(entrada, "HIT")
                candado = f"{clave}:candado"
                tomado = _escribir("add", candado, 1, SEGUNDOS_CANDADO)
                if tomado is False:
                    # Otra petición ya la está reconstruyendo: mientras, la copia anterior.
                    return _respuesta_guardada(entrada, "STALE")
                pagina.candado = candado if tomado else None
            pagina.clave, pagina.firma = clave, firma
            respuesta = vista(request, *args, **kwargs)
            respuesta["X-Cache"] = "MISS"
            return respuesta

        envoltura.pagina_publica = {"segundos": segundos, "parametros": permitidos, "alcances": alcances}
        return envoltura

    return decorador


# --- La respuesta -----------------------------------------------------------------------------------

_CABECERAS_QUE_NO_SE_GUARDAN = {
    "set-cookie",
    "vary",
    "cache-control",
    "etag",
    "last-modified",
    "x-cache",
    "content-length",
    "expires",
    "content-encoding",
}


def _cache_control_publico(segundos):
    max_age = min(segundos, _ajuste("CACHE_PUBLICA_MAX_AGE", 5))
    s_maxage = min(segundos, _ajuste("CACHE_PUBLICA_S_MAXAGE", 5))
    revalidar = _ajuste("CACHE_PUBLICA_STALE_WHILE_REVALIDATE", 30)
    return f"public, max-age={max_age}, s-maxage={s_maxage}, stale-while-revalidate={revalidar}"


def _agregar_vary(respuesta, cabecera):
    actuales = [v.strip() for v in respuesta.get("Vary", "").split(",") if v.strip()]
    if cabecera.lower() not in {v.lower() for v in actuales}:
        actuales.append(cabecera)
    respuesta["Vary"] = ", ".join(actuales)


def _no_modificada(request, respuesta):
    """¿Basta un 304? `If-None-Match` manda; si no viene, `If-Modified-Since`."""
    si_no_coincide = request.META.get("HTTP_IF_NONE_MATCH")
    if si_no_coincide:
        etags = parse_etags(si_no_coincide)
        etag = respuesta.get("ETag", "")
        return (
            "*" in etags or etag in etags or etag.removeprefix("W/") in {e.removeprefix("W/") for e in etags}
        )
    desde = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    modificada = parse_http_date_safe(respuesta.get("Last-Modified", ""))
    return desde is not None and modificada is not None and modificada <= desde


def _respuesta_304(respuesta):
    corta = HttpResponseNotModified()
    for cabecera in ("ETag", "Last-Modified", "Cache-Control", "Vary", "X-Cache"):
        if cabecera in respuesta:
            corta[cabecera] = respuesta[cabecera]
    return corta


class CachePublicaMiddleware:
    """Guarda y marca las páginas de `pagina_publica_en_cache`. Va primero en `MIDDLEWARE`: así ve las
    cookies que pongan los demás (sesión, CSRF, mensajes) y una respuesta con `Set-Cookie` nunca se
    guarda ni se marca como pública."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not _tiene_sesion(request):
            guardada = self._desde_la_cache(request)
            if guardada is not None:
                return guardada
        respuesta = self.get_response(request)
        pagina = getattr(request, "_pagina_publica", None)
        if pagina is None:
            return respuesta
        try:
            return self._terminar(request, respuesta, pagina)
        finally:
            if pagina.candado:
                _escribir("delete", pagina.candado)

    def _desde_la_cache(self, request):
        """La página fresca, servida aquí antes de los demás middlewares, o None.

        Para quien no trae sesión, la sesión, el CSRF, el usuario y los mensajes no cambian en nada
        una página pública guardada, y la entrada ya guarda las cabeceras que pusieron (seguridad,
        idioma): servirla desde aquí ahorra recorrer la cadena. Si la entrada falta o venció, deja
        lo leído en la petición para que el decorador no vuelva a leer la caché."""
        try:
            coincidencia = resolve(request.path_info)
        except Resolver404:
            return None
        config = getattr(coincidencia.func, "pagina_publica", None)
        if config is None:
            return None
        pares, desconocidos = _consulta_canonica(request, config["parametros"])
        if desconocidos:
            return None  # el decorador responde la redirección a la URL canónica
        busqueda = _buscar(request, pares, config["alcances"], coincidencia.kwargs)
        _clave, firma, entrada = busqueda
        if entrada is None or not _es_fresca(entrada, firma):
            request._busqueda_publica = busqueda
            return None
        respuesta = _respuesta_guardada(entrada, "HIT")
        _agregar_vary(respuesta, "Cookie")
        _agregar_vary(respuesta, "Accept-Encoding")
        respuesta["Cache-Control"] = _cache_control_publico(config["segundos"])
        if _no_modificada(request, respuesta):
            return _respuesta_304(respuesta)
        return respuesta

    def _terminar(self, request, respuesta, pagina):
        _agregar_vary(respuesta, "Cookie")
        if pagina.privada or respuesta.cookies or getattr(respuesta, "streaming", False):
            respuesta["Cache-Control"] = "private, no-store"
            return respuesta
        if respuesta.status_code != 200:
            respuesta["Cache-Control"] = "no-cache"
            return respuesta
        _agregar_vary(respuesta, "Accept-Encoding")
        if pagina.clave is not None:
            variantes = self._guardar(respuesta, pagina)
            respuesta["Last-Modified"] = http_date(variantes[GZIP]["construida"])
            _poner_cuerpo(respuesta, variantes[_variante(request)])
        respuesta["Cache-Control"] = _cache_control_publico(pagina.segundos)
        if _no_modificada(request, respuesta):
            return _respuesta_304(respuesta)
        return respuesta

    def _guardar(self, respuesta, pagina):
        """Guarda las dos variantes de la página (gzip y sin comprimir); devuelve {variante: entrada}."""
        contenido = respuesta.content
        ahora = time.time()
        comun = {
            "firma": pagina.firma,
            "fresca_hasta": ahora + pagina.segundos,
            "construida": int(ahora),
            "estado": respuesta.status_code,
            "cabeceras": [
                (nombre, valor)
                for nombre, valor in respuesta.headers.items()
                if nombre.lower() not in _CABECERAS_QUE_NO_SE_GUARDAN
            ],
        }
        etag = hashlib.sha256(contenido).hexdigest()[:24]
        variantes = {IDENTIDAD: {**comun, "contenido": contenido, "gzip": False, "etag": f'"{etag}"'}}
        if len(contenido) >= MINIMO_GZIP:
            # Comprimida una sola vez, al construirla: cada acierto la sirve sin volver a comprimir.
            comprimido = gzip.compress(contenido, 6, mtime=0)
            variantes[GZIP] = {**comun, "contenido": comprimido, "gzip": True, "etag": f'"{etag}-gz"'}
        else:
            variantes[GZIP] = variantes[IDENTIDAD]
        duracion = pagina.segundos + SEGUNDOS_COPIA_VIEJA
        _escribir("set_many", {f"{pagina.clave}:{v}": e for v, e in variantes.items()}, duracion)
        return variantes
