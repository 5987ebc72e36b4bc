"""Quién escribe sin cuenta: el token firmado del navegador, la huella de su IP y los límites (P12,
P13, issue 16).

El token es un UUID aleatorio firmado con SECRET_KEY y guardado en una cookie HttpOnly de larga
duración. No identifica a la persona: sólo permite que cada navegador tenga una reacción por
propuesta (que puede cambiar o retirar) y un reporte por comentario. **Sólo se emite al ver una
página** (la petición de estado que hacen las páginas con JavaScript, o la página de confirmación
sin JavaScript) y a ritmo acotado por IP; una escritura sin token válido se rechaza.

La IP nunca se guarda en claro: se guarda su huella HMAC (`huella_ip`), con una llave derivada de
SECRET_KEY. Sin la llave no se puede recuperar la IP probando las 2³² direcciones IPv4. En IPv6 la
huella es la del prefijo /64 (lo que un hogar recibe), para que rotar direcciones dentro de él no
multiplique los topes.
"""

import hashlib
import hmac
import ipaddress
import logging
import re
import threading
import time
import uuid

from django.conf import settings
from django.core import signing
from django.core.cache import cache

NOMBRE_COOKIE = "decide_cliente"
SAL_COOKIE = "participacion.cliente"
SAL_MARCA = "participacion.marca"
DURACION_COOKIE = 60 * 60 * 24 * 365 * 2
VENTANA_LIMITE = 60
LARGO_HUELLA = 32
_HEX = re.compile(r"^[0-9a-f]{32}$")

logger = logging.getLogger(__name__)


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


def emitir_token(request):
    """El token del cliente; si no tiene uno válido, emite uno nuevo (que `guardar_token` pondrá en
    la cookie) salvo que esta IP ya haya recibido `PARTICIPACION_TOKENS_POR_IP` en la ventana
    `PARTICIPACION_VENTANA_TOKENS`: entonces devuelve `None`.

    Sólo lo llaman las vistas que muestran algo (estado y confirmación), nunca las escrituras.
    """
    token = token_del_cliente(request)
    if token is not None:
        return token
    emitidos = contar_en_ventana("tokens", huella_del_cliente(request), settings.PARTICIPACION_VENTANA_TOKENS)
    if emitidos > settings.PARTICIPACION_TOKENS_POR_IP:
        return None
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
    """La IP de quien escribe. Detrás de N proxies de confianza (`DJANGO_PROXIES_DE_CONFIANZA`), la
    N-ésima desde el final de X-Forwarded-For (la que agregó nuestro proxy más externo); nunca la que
    el cliente inventa. Sin proxies configurados (0, el valor por omisión) se ignora la cabecera."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if proxies:
        reenviadas = [
            ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()
        ]
        if len(reenviadas) >= proxies:
            return reenviadas[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _llave_huellas():
    return hashlib.sha256(f"participacion.ip:{settings.SECRET_KEY}".encode()).digest()


def huella_ip(ip):
    """HMAC-SHA256 de la IP (o de su prefijo /64 si es IPv6), en 32 caracteres hexadecimales."""
    try:
        direccion = ipaddress.ip_address(ip.strip())
    except ValueError:
        normal = ip.strip()
    else:
        if direccion.version == 6 and direccion.ipv4_mapped is not None:
            direccion = direccion.ipv4_mapped
        if direccion.version == 6:
            normal = str(ipaddress.ip_network(f"{direccion}/64", strict=False))
        else:
            normal = str(direccion)
    return hmac.new(_llave_huellas(), normal.encode(), hashlib.sha256).hexdigest()[:LARGO_HUELLA]


def huella_del_cliente(request):
    if not hasattr(request, "_huella_ip"):
        request._huella_ip = huella_ip(ip_del_cliente(request))
    return request._huella_ip


# --- Contadores por ventana ---------------------------------------------------------------------

_respaldo = {}
_candado_respaldo = threading.Lock()


def _contar_en_proceso(clave, ventana):
    """Respaldo si la caché compartida no responde (Redis caído): un contador en la memoria de este
    proceso. Cada proceso cuenta por su lado, así que el tope efectivo es a lo más el configurado
    por el número de procesos: sigue acotado, y nunca se responde 500."""
    ahora = time.monotonic()
    with _candado_respaldo:
        if len(_respaldo) > 50_000:
            for vieja in [c for c, (_n, hasta) in _respaldo.items() if hasta < ahora]:
                del _respaldo[vieja]
        cuenta, hasta = _respaldo.get(clave, (0, ahora + ventana))
        if hasta < ahora:
            cuenta, hasta = 0, ahora + ventana
        _respaldo[clave] = (cuenta + 1, hasta)
        return cuenta + 1


def contar_en_ventana(nombre, huella, ventana):
    """Suma 1 a la cuenta de `nombre` para `huella` en la ventana fija actual y la devuelve.

    Vive en la caché compartida (`cache.add` + `cache.incr`; con Redis `incr` es atómico). Si la
    caché falla, cuenta en la memoria del proceso (`_contar_en_proceso`).
    """
    clave = f"participacion:{nombre}:{huella}:{int(time.time() // ventana)}"
    try:
        cache.add(clave, 0, ventana + 5)
        try:
            return cache.incr(clave)
        except ValueError:  # la clave expiró entre add e incr
            cache.set(clave, 1, ventana + 5)
            return 1
    except Exception:
        logger.warning("La caché compartida no responde: límite de %s en memoria del proceso.", nombre)
        return _contar_en_proceso(clave, ventana)


def excede_limite(request):
    """Cuenta una escritura de esta IP en el minuto actual; `True` si ya pasó el límite."""
    cuenta = contar_en_ventana("escrituras", huella_del_cliente(request), VENTANA_LIMITE)
    return cuenta > settings.PARTICIPACION_LIMITE_POR_MINUTO


# --- Marca de tiempo del formulario de comentario (de un solo uso) --------------------------------


def marca_de_tiempo():
    """Valor firmado con la hora de ahora y un número de un solo uso, para el campo oculto del
    formulario de comentario. Se entrega con la página de estado o la de escribir un comentario,
    nunca dentro del HTML en caché."""
    return signing.dumps({"t": int(time.time()), "n": uuid.uuid4().hex}, salt=SAL_MARCA)


def leer_marca(marca):
    """(segundos desde que se firmó, número de un solo uso); `None` si la firma no es válida."""
    try:
        datos = signing.loads(marca, salt=SAL_MARCA)
    except signing.BadSignature:
        return None
    if not isinstance(datos, dict):
        return None
    instante, numero = datos.get("t"), datos.get("n")
    if not isinstance(instante, int) or not isinstance(numero, str) or not _HEX.match(numero):
        return None
    return time.time() - instante, numero
