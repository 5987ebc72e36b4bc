"""Caché de páginas públicas completas, con invalidación global (X4).

Una página pública se guarda entera en la caché compartida (Redis o la base de datos) para las
personas sin sesión. Cualquier cambio que deba verse en público (publicar, editar o retirar un
cuestionario, cambiar el registro, moderar un comentario…) llama a `invalidar_paginas_publicas()`,
que sube un número de versión: desde ese momento ninguna página vieja se vuelve a servir. Cada
proceso recuerda la versión a lo más `SEGUNDOS_VERSION_LOCAL` segundos, así que lo publicado se
ve en público en menos de ese tiempo sin consultar la caché dos veces en cada petición.

La clave incluye además una huella del despliegue (el manifiesto de estáticos): un despliegue nuevo
nunca sirve páginas guardadas por el anterior.

No se guardan respuestas para quien tiene sesión o mensajes pendientes, ni las que no son 200,
ni las que ponen cookies (por ejemplo, un token CSRF): esas páginas son de una sola persona.
"""

import functools
import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

CLAVE_VERSION = "paginas_publicas:version"
SEGUNDOS_VERSION_LOCAL = 2
_version_local = {"valor": None, "hasta": 0.0}


def version_actual():
    ahora = time.monotonic()
    if _version_local["valor"] is not None and ahora < _version_local["hasta"]:
        return _version_local["valor"]
    version = cache.get(CLAVE_VERSION)
    if version is None:
        # Si la clave se perdió (caché vaciada o reiniciada), la nueva versión no puede coincidir con
        # ninguna anterior: se parte de los milisegundos actuales.
        cache.add(CLAVE_VERSION, _version_nueva(), timeout=None)
        version = cache.get(CLAVE_VERSION, 0)
    _version_local.update(valor=version, hasta=ahora + SEGUNDOS_VERSION_LOCAL)
    return version


def invalidar_paginas_publicas():
    """Hace que todas las páginas públicas en caché dejen de servirse. Barato: un incremento."""
    try:
        cache.incr(CLAVE_VERSION)
    except ValueError:
        cache.set(CLAVE_VERSION, _version_nueva(), timeout=None)
    olvidar_version_local()


def olvidar_version_local():
    _version_local.update(valor=None, hasta=0.0)


def _version_nueva():
    return int(time.time() * 1000)


@functools.cache
def huella_de_despliegue():
    """Cambia con cada `collectstatic`: una página guardada por la versión anterior del sitio apunta a
    estáticos con otra huella (que ya no existen), así que tras desplegar no debe servirse."""
    manifiesto = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return hashlib.sha256(manifiesto.read_bytes()).hexdigest()[:12]
    except OSError:
        return "sin-manifiesto"


def _es_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _pondra_cookies(request, respuesta):
    """Si la respuesta lleva o llevará cookies. Las de la vista están en `respuesta.cookies`; las que
    ponen los middlewares al salir (el token CSRF de `{% csrf_token %}`/`get_token`, la sesión
    modificada, los mensajes) todavía no, pero ya están decididas en la petición."""
    if respuesta.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    sesion = getattr(request, "session", None)
    if sesion is not None and getattr(sesion, "modified", False):
        return True
    mensajes = getattr(request, "_messages", None)
    return bool(getattr(mensajes, "_queued_messages", None))


def pagina_publica_en_cache(segundos=300):
    """Decorador de vistas públicas de sólo lectura (ver el docstring del módulo)."""

    def decorador(vista):
        @functools.wraps(vista)
        def envoltura(request, *args, **kwargs):
            if not _es_cacheable(request):
                return vista(request, *args, **kwargs)
            ruta = hashlib.sha256(request.get_full_path().encode()).hexdigest()
            clave = f"pagina:{huella_de_despliegue()}:{version_actual()}:{ruta}"
            guardada = cache.get(clave)
            if guardada is not None:
                guardada["X-Cache"] = "HIT"
                return guardada
            respuesta = vista(request, *args, **kwargs)
            if (
                respuesta.status_code == 200
                and not _pondra_cookies(request, respuesta)
                and not getattr(respuesta, "streaming", False)
            ):
                if hasattr(respuesta, "render") and callable(respuesta.render):
                    respuesta.render()
                cache.set(clave, respuesta, segundos)
            respuesta["X-Cache"] = "MISS"
            return respuesta

        return envoltura

    return decorador
