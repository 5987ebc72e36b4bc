"""Quién escribe sin cuenta: el token firmado del navegador y la IP para los límites (P12, P13).

El token es un UUID aleatorio firmado con SECRET_KEY y guardado en una cookie HttpOnly de larga
duración. No identifica a la persona: sólo permite que cada navegador tenga una reacción por
propuesta (que puede cambiar o retirar) y un reporte por comentario.
"""

import hashlib
import re
import time
import uuid

from django.conf import settings
from django.core import signing
from django.core.cache import cache

NOMBRE_COOKIE = "decide_cliente"
SAL_COOKIE = "participacion.cliente"
DURACION_COOKIE = 60 * 60 * 24 * 365 * 2
VENTANA_LIMITE = 60
_HEX = re.compile(r"^[0-9a-f]{32}$")


def token_del_cliente(request):
    """El token de la cookie si la firma es válida; `None` si no hay o fue alterada."""
    valor = request.COOKIES.get(NOMBRE_COOKIE)
    if not valor:
        return None
    try:
        token = signing.Signer(salt=SAL_COOKIE).unsign(valor)
    except signing.BadSignature:
        return None
    return token if _HEX.match(token) else None


def asegurar_token(request):
    """Devuelve el token del cliente; si no tiene uno válido, crea uno que `guardar_token` pondrá."""
    token = token_del_cliente(request)
    if token is None:
        token = uuid.uuid4().hex
        request.token_nuevo = token
    return token


def guardar_token(request, respuesta):
    """Pone la cookie en la respuesta si la petición estrenó token."""
    token = getattr(request, "token_nuevo", None)
    if token:
        respuesta.set_cookie(
            NOMBRE_COOKIE,
            signing.Signer(salt=SAL_COOKIE).sign(token),
            max_age=DURACION_COOKIE,
            httponly=True,
            samesite="Lax",
            secure=settings.HTTPS,
        )
    return respuesta


def ip_del_cliente(request):
    """La IP de quien escribe. Detrás de N proxies de confianza, la N-ésima desde el final de
    X-Forwarded-For (la que agregó nuestro proxy más externo); nunca la que el cliente inventa."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if proxies:
        reenviadas = [
            ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()
        ]
        if len(reenviadas) >= proxies:
            return reenviadas[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def excede_limite(request):
    """Cuenta una escritura de esta IP en la ventana del minuto actual; `True` si ya pasó el límite.

    La cuenta vive en la caché compartida (`cache.add` + `cache.incr`). Con Redis, `incr` es
    atómico; con la caché en base de datos es leer y escribir, así que ráfagas simultáneas desde
    varios procesos pueden colar alguna escritura de más (docs/participacion.md).
    """
    huella = hashlib.sha256(ip_del_cliente(request).encode()).hexdigest()[:24]
    clave = f"participacion:escrituras:{huella}:{int(time.time() // VENTANA_LIMITE)}"
    cache.add(clave, 0, VENTANA_LIMITE + 5)
    try:
        cuenta = cache.incr(clave)
    except ValueError:  # la clave expiró entre add e incr
        cache.set(clave, 1, VENTANA_LIMITE + 5)
        cuenta = 1
    return cuenta > settings.PARTICIPACION_LIMITE_POR_MINUTO


def marca_de_tiempo():
    """Valor firmado con la hora de ahora, para el campo oculto del formulario de comentario."""
    return signing.dumps(int(time.time()), salt="participacion.marca")


def segundos_desde(marca):
    """Segundos desde que se firmó `marca`; `None` si la firma no es válida."""
    try:
        instante = signing.loads(marca, salt="participacion.marca")
    except signing.BadSignature:
        return None
    if not isinstance(instante, int):
        return None
    return time.time() - instante
