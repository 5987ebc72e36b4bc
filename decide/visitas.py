"""Contador de visitas del portal (P11), sin escribir en la base de datos en cada petición.

Tres escalones (los detalles y las cifras están en docs/visitas.md):

1. **En la petición** (`ContadorDeVisitasMiddleware`): si la página cuenta, se suma 1 en un
   diccionario en memoria del proceso. Nada de red ni de base de datos.
2. **Cada `VISITAS_SEGUNDOS_ENVIO` segundos por proceso** (10 por omisión), la siguiente petición
   pasa lo acumulado a la caché compartida (Redis o la caché en base de datos) con una clave por
   día y sección. Al terminar el proceso se envía lo que quede (atexit).
3. **A lo más una vez por minuto** entre todos los procesos, esa misma petición vuelca la caché a
   `VisitaDiaria` con incrementos `F()`; el comando `volcar_visitas` hace lo mismo desde cron.

Sólo se guardan conteos por día y sección: ni IP, ni agente de usuario, ni cookies.
"""

import atexit
import datetime
import functools
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Min, Sum
from django.utils import timezone
from django.utils.formats import date_format

from decide.models import AreaDelPortal, VisitaDiaria

logger = logging.getLogger(__name__)

CLAVE_CANDADO = "visitas:volcando"
CLAVE_ULTIMO_VOLCADO = "visitas:ultimo_volcado"
DURACION_CLAVES = 8 * 24 * 60 * 60
"""Lo acumulado en la caché vive 8 días: de sobra para que algún volcado lo recoja."""
DIAS_A_REVISAR = 7

# Lo que nunca cuenta: archivos, el admin, la salud del servidor, el acceso y el área privada de
# captura (no es navegación ciudadana).
PREFIJOS_EXCLUIDOS = ("/static/", "/media/", "/admin/", "/salud/", "/cuentas/", "/captura/", "/__")
AREAS_POR_PREFIJO = (
    ("/conoceles/", AreaDelPortal.CONOCELES),
    ("/mi-seccion/", AreaDelPortal.MI_SECCION),
    ("/candidaturas/", AreaDelPortal.CANDIDATURAS),
    ("/plataformas/", AreaDelPortal.PLATAFORMAS),
    ("/atribuciones/", AreaDelPortal.ATRIBUCIONES),
    ("/quita-dudas/", AreaDelPortal.QUITA_DUDAS),
    ("/recursos/", AreaDelPortal.RECURSOS),
    ("/enlaces/", AreaDelPortal.ENLACES),
    ("/estadisticas/", AreaDelPortal.ESTADISTICAS),
    ("/procesos/", AreaDelPortal.PROCESOS),
)
# Robots, herramientas y vistas previas de enlaces: se reconocen por su agente de usuario. No es
# infalible (un robot puede disfrazarse), pero deja fuera a los que se anuncian, que son casi todos.
PATRON_ROBOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|fetch|curl|wget|python|httpx|aiohttp|go-http|java/|okhttp|"
    r"libwww|perl|ruby|php/|axios|node|headless|phantom|selenium|playwright|puppeteer|lighthouse|"
    r"pagespeed|gtmetrix|pingdom|uptime|monitor|check|validator|preview|facebookexternalhit|"
    r"whatsapp|telegram|slack|discord|skype|embedly|quora|semrush|ahrefs|mj12|dotbot|petal|yandex|"
    r"baidu|bingpreview|archive|wrk|hey/|locust|apachebench|siege|k6/",
    re.IGNORECASE,
)


def area_de_la_ruta(ruta):
    """El área del portal a la que pertenece `ruta`, o None si esa ruta no se cuenta."""
    if ruta.startswith(PREFIJOS_EXCLUIDOS):
        return None
    if ruta == "/":
        return AreaDelPortal.INICIO
    for prefijo, area in AREAS_POR_PREFIJO:
        if ruta.startswith(prefijo):
            return area
    return AreaDelPortal.OTRAS


@functools.lru_cache(maxsize=2048)
def es_robot(agente):
    # Los agentes de usuario se repiten muchísimo: la memoria evita correr la expresión en cada petición.
    return not agente or bool(PATRON_ROBOTS.search(agente))


def area_a_contar(request, respuesta):
    """La sección que suma esta petición, o None si no es una página vista por una persona."""
    if request.method != "GET" or respuesta.status_code != 200:
        return None
    if not respuesta.get("Content-Type", "").startswith("text/html"):
        return None
    if "attachment" in respuesta.get("Content-Disposition", ""):
        return None
    area = area_de_la_ruta(request.path_info)
    if area is None:
        return None
    encabezados = request.headers
    if es_robot(encabezados.get("User-Agent", "")):
        return None
    if "prefetch" in encabezados.get("Sec-Purpose", "") + encabezados.get("Purpose", ""):
        return None
    # Sólo quien trae cookie de sesión puede ser personal; así una visita anónima no carga la sesión.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        usuario = getattr(request, "user", None)
        if usuario is not None and usuario.is_staff:
            return None
    return area


class Pendientes:
    """Lo contado en este proceso que aún no llega a la caché compartida."""

    def __init__(self):
        self._candado = threading.Lock()
        self._cuentas = Counter()
        self._proximo_envio = time.monotonic() + self._intervalo()
        self._fecha = (0, None)

    @staticmethod
    def _intervalo():
        return getattr(settings, "VISITAS_SEGUNDOS_ENVIO", 10)

    def hoy(self):
        """La fecha local, recalculada a lo más una vez por segundo (convertir zonas cuesta)."""
        segundo = int(time.time())
        if self._fecha[0] != segundo:
            self._fecha = (segundo, timezone.localdate())
        return self._fecha[1]

    def sumar(self, fecha, area):
        with self._candado:
            self._cuentas[(fecha, area)] += 1

    def tomar(self):
        """Devuelve lo acumulado y empieza de cero."""
        with self._candado:
            cuentas, self._cuentas = self._cuentas, Counter()
            self._proximo_envio = time.monotonic() + self._intervalo()
        return cuentas

    def devolver(self, cuentas):
        with self._candado:
            self._cuentas.update(cuentas)

    def toca_enviar(self):
        return time.monotonic() >= self._proximo_envio


pendientes = Pendientes()


def clave(fecha, area):
    return f"visitas:{fecha.isoformat()}:{area}"


def _sumar_en_cache(clave_cache, cantidad):
    if cache.add(clave_cache, cantidad, timeout=DURACION_CLAVES):
        return
    try:
        cache.incr(clave_cache, cantidad)
    except ValueError:  # caducó entre add e incr
        cache.add(clave_cache, cantidad, timeout=DURACION_CLAVES)
    # La caché en base de datos reinicia la caducidad al incrementar; se vuelve a fijar.
    cache.touch(clave_cache, DURACION_CLAVES)


def enviar_a_la_cache():
    """Pasa lo contado en este proceso a la caché compartida. Devuelve cuántas visitas envió."""
    cuentas = pendientes.tomar()
    enviadas = Counter()
    try:
        for (fecha, area), cantidad in cuentas.items():
            _sumar_en_cache(clave(fecha, area), cantidad)
            enviadas[(fecha, area)] = cantidad
    except Exception:
        pendientes.devolver(cuentas - enviadas)
        raise
    return sum(cuentas.values())


def volcar_a_la_base(hoy=None):
    """Pasa a `VisitaDiaria` lo acumulado en la caché compartida; una escritura por día y sección.

    Devuelve cuántas visitas volcó, o None si otro proceso estaba volcando en ese momento. Lo que se
    toma de la caché se descuenta antes de escribir y se devuelve si la escritura falla, así que un
    error nunca cuenta dos veces la misma visita.
    """
    if not cache.add(CLAVE_CANDADO, 1, timeout=60):
        return None
    try:
        hoy = hoy or timezone.localdate()
        claves = {
            clave(hoy - datetime.timedelta(days=atras), area): (
                hoy - datetime.timedelta(days=atras),
                area,
            )
            for atras in range(DIAS_A_REVISAR + 1)
            for area in AreaDelPortal.values
        }
        tomadas = {}
        for clave_cache, cantidad in cache.get_many(list(claves)).items():
            if cantidad and cantidad > 0:
                cache.decr(clave_cache, cantidad)
                tomadas[clave_cache] = cantidad
        if not tomadas:
            return 0
        try:
            with transaction.atomic():
                for clave_cache, cantidad in tomadas.items():
                    fecha, area = claves[clave_cache]
                    actualizadas = VisitaDiaria.objects.filter(fecha=fecha, area=area).update(
                        cuenta=F("cuenta") + cantidad
                    )
                    if not actualizadas:
                        VisitaDiaria.objects.create(fecha=fecha, area=area, cuenta=cantidad)
        except Exception:
            for clave_cache, cantidad in tomadas.items():
                _sumar_en_cache(clave_cache, cantidad)
            raise
        return sum(tomadas.values())
    finally:
        cache.delete(CLAVE_CANDADO)


def volcar_visitas():
    """Envía lo de este proceso a la caché y vuelca la caché a la base (comando y pruebas)."""
    enviar_a_la_cache()
    return volcar_a_la_base()


def registrar(request, respuesta):
    """Lo que hace el middleware después de cada respuesta."""
    area = area_a_contar(request, respuesta)
    if area is not None:
        pendientes.sumar(pendientes.hoy(), area)
    if not pendientes.toca_enviar():
        return
    enviar_a_la_cache()
    # Nunca se vuelca dentro de una transacción ajena: sus escrituras se desharían con ella.
    if connection.in_atomic_block:
        return
    segundos = getattr(settings, "VISITAS_SEGUNDOS_VOLCADO", 60)
    if cache.add(CLAVE_ULTIMO_VOLCADO, 1, timeout=segundos):
        volcar_a_la_base()


@atexit.register
def _enviar_al_terminar():
    try:
        enviar_a_la_cache()
    except Exception:  # al apagar, la caché puede ya no estar disponible
        logger.warning("No se pudieron enviar las visitas pendientes al terminar el proceso.")


# --- Lectura: la página /estadisticas/ y su CSV ----------------------------------------------------


def resumen_de_visitas(hoy=None, dias=30):
    """Totales por sección y serie diaria de los últimos `dias` días. Tres consultas."""
    hoy = hoy or timezone.localdate()
    desde = hoy - datetime.timedelta(days=dias - 1)
    general = VisitaDiaria.objects.aggregate(total=Sum("cuenta"), desde=Min("fecha"))
    etiquetas = dict(AreaDelPortal.choices)
    por_area = [
        {
            "area": fila["area"],
            "etiqueta": etiquetas.get(fila["area"], fila["area"]),
            "total": fila["total"],
        }
        for fila in VisitaDiaria.objects.totales_por_area()
    ]
    por_dia = {fila["fecha"]: fila["total"] for fila in VisitaDiaria.objects.serie_diaria(desde)}
    serie = [
        {
            "fecha": desde + datetime.timedelta(days=n),
            "total": por_dia.get(desde + datetime.timedelta(days=n), 0),
        }
        for n in range(dias)
    ]
    return {
        "barras_por_area": [{"etiqueta": f["etiqueta"], "valor": f["total"]} for f in por_area],
        "barras_por_dia": [
            {"etiqueta": date_format(d["fecha"], "D j \\d\\e M"), "valor": d["total"]} for d in serie
        ],
        "total": general["total"] or 0,
        "desde": general["desde"],
        "dias": dias,
        "por_area": por_area,
        "serie": serie,
        "total_periodo": sum(d["total"] for d in serie),
    }


def filas_csv():
    """Todas las cuentas diarias, de la más antigua a la más reciente (para la descarga)."""
    etiquetas = dict(AreaDelPortal.choices)
    for fila in (
        VisitaDiaria.objects.order_by("fecha", "area").values_list("fecha", "area", "cuenta").iterator()
    ):
        fecha, area, cuenta = fila
        yield [fecha.isoformat(), area, str(etiquetas.get(area, area)), cuenta]
