"""Lo que toda respuesta de /api/ lleva: CORS, caché pública con ETag/304, límite por IP y errores
en JSON.

CORS se hace aquí a mano (no con django-cors-headers): la API es pública, de sólo lectura y sin
cookies, así que basta `Access-Control-Allow-Origin: *` en cada respuesta y una respuesta fija a
las peticiones OPTIONS de verificación previa (docs/decisiones.md).
"""

import hashlib
import json
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _

from participacion.cliente import ip_del_cliente

PREFIJO = "/api/"
METODOS = "GET, HEAD, OPTIONS"
SEGUNDOS_EN_CACHE = 60
VENTANA = 60

logger = logging.getLogger("decide.api")


def respuesta_json(estado, detalle, **encabezados):
    cuerpo = json.dumps({"detalle": str(detalle), "errores": {}}, ensure_ascii=False)
    respuesta = HttpResponse(cuerpo, status=estado, content_type="application/json; charset=utf-8")
    for nombre, valor in encabezados.items():
        respuesta[nombre.replace("_", "-")] = valor
    return respuesta


def excede_limite(request):
    """Cuenta una consulta de esta IP en el minuto actual; `True` si ya pasó el límite.

    Misma IP de cliente que el límite de participación (`ip_del_cliente`, que respeta los proxies
    de confianza) y la misma caché compartida, con su propio contador. Si la caché no responde, no
    se limita: la API sigue sirviendo.
    """
    limite = settings.API_LIMITE_POR_MINUTO
    if limite <= 0:
        return False
    huella = hashlib.sha256(ip_del_cliente(request).encode()).hexdigest()[:24]
    clave = f"api:consultas:{huella}:{int(time.time() // VENTANA)}"
    try:
        cache.add(clave, 0, VENTANA + 5)
        try:
            cuenta = cache.incr(clave)
        except ValueError:
            cache.set(clave, 1, VENTANA + 5)
            cuenta = 1
    except Exception:
        logger.warning("El límite de consultas de la API no pudo leer la caché.", exc_info=True)
        return False
    return cuenta > limite


def _cors(respuesta):
    respuesta["Access-Control-Allow-Origin"] = "*"
    respuesta["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return respuesta


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIJO):
            return self.get_response(request)
        if request.method == "OPTIONS":
            respuesta = HttpResponse(status=204)
            respuesta["Access-Control-Allow-Methods"] = METODOS
            respuesta["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            respuesta["Access-Control-Max-Age"] = "86400"
            respuesta["Allow"] = METODOS
            return _cors(respuesta)
        if request.method not in ("GET", "HEAD"):
            return _cors(respuesta_json(405, _("La API es de sólo lectura: usa GET."), Allow=METODOS))
        if excede_limite(request):
            respuesta = respuesta_json(
                429,
                _(
                    "Hiciste demasiadas consultas en poco tiempo. Espera un minuto y vuelve a intentar; "
                    "para el conjunto completo usa las descargas de datos abiertos."
                ),
                Retry_After=str(VENTANA),
            )
            respuesta["Cache-Control"] = "no-store"
            return _cors(respuesta)
        cabeza = request.method == "HEAD"
        if cabeza:
            request.method = "GET"  # las operaciones se declaran para GET; HEAD responde lo mismo sin cuerpo
        respuesta = self.get_response(request)
        _cors(respuesta)
        if respuesta.status_code == 200 and not respuesta.streaming:
            patch_cache_control(respuesta, public=True, max_age=SEGUNDOS_EN_CACHE)
            respuesta["ETag"] = '"' + hashlib.sha256(respuesta.content).hexdigest()[:32] + '"'
            modificado = getattr(request, "api_ultima_modificacion", None)
            ultima = None
            if modificado is not None:
                ultima = int(modificado.timestamp())
                respuesta["Last-Modified"] = http_date(ultima)
            respuesta = get_conditional_response(
                request, etag=respuesta["ETag"], last_modified=ultima, response=respuesta
            )
            if respuesta.status_code == 304:
                _cors(respuesta)
        elif "Cache-Control" not in respuesta:
            patch_cache_control(respuesta, no_cache=True)
        if cabeza:
            respuesta.content = b""
        return respuesta


def no_encontrada(request, resto=""):
    """Cualquier ruta de /api/ que no es un recurso: 404 en JSON (o la misma con su diagonal final)."""
    if not request.path.endswith("/"):
        try:
            destino = resolve(request.path + "/")
        except Resolver404:
            destino = None
        if destino is not None and destino.func is not no_encontrada:
            consulta = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + ("?" + consulta if consulta else ""))
    return respuesta_json(404, _("No existe esa ruta de la API. El índice de recursos está en /api/v1/."))
