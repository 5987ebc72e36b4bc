"""`/salud/`: cómo está cada dependencia del portal, para el balanceador y para quien opera (issue 12).

- **Base de datos** (`SELECT 1`): sin ella no hay portal → 503 y el balanceador saca al servidor.
- **Caché compartida** (Redis): caída, el portal sigue (páginas sin caché, límites por proceso;
  `comun/cache_tolerante.py`) → 200 con `"estado": "degradado"`.
- **Cola de tareas** (django-tasks en la base: correo, importaciones, datos abiertos): tareas listas
  sin atender, la más vieja, reintentos programados, en curso y fallidas en las últimas 24 h. Si la
  más vieja lleva más de `DECIDE_SALUD_MINUTOS_COLA` minutos esperando, nadie la atiende (¿está
  corriendo `manage.py db_worker`?) → `"degradado"`.

El cuerpo es JSON con sangría, legible con `curl`. Nunca incluye datos de personas ni el texto de
los errores (pueden nombrar servidores y usuarios internos): sólo su clase.
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from comun.cache_tolerante import estado_de

OK = "ok"
DEGRADADO = "degradado"
FALLA = "falla"


def _ms(inicio):
    return round((time.perf_counter() - inicio) * 1000, 1)


def _error(error):
    """Sólo la clase del error: `/salud/` es pública y el mensaje puede nombrar servidores, puertos o
    usuarios internos. El detalle está en el registro del servidor."""
    return type(error).__name__


def revisar_base_de_datos():
    inicio = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return {"estado": FALLA, "error": _error(error)}
    return {"estado": OK, "ms": _ms(inicio), "motor": connection.vendor}


def _nombre_del_backend():
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def revisar_cache():
    inicio = time.perf_counter()
    resultado = {"backend": _nombre_del_backend()}
    comprobar = getattr(cache, "comprobar", None)
    try:
        if callable(comprobar):
            comprobar()
        else:
            # Otras cachés (en la base, en memoria): escribir y leer una clave de prueba.
            sonda = f"salud:{time.time_ns()}"
            cache.set(sonda, 1, 10)
            if cache.get(sonda) != 1:
                raise RuntimeError("la clave de prueba no se pudo leer")
            cache.delete(sonda)
    except Exception as error:
        estado = estado_de(cache)
        resultado |= {
            "estado": "caida",
            "error": _error(error),
            "efecto": "Las páginas se sirven sin caché y los límites cuentan en cada proceso.",
        }
        if estado.get("caida_desde"):
            resultado["caida_desde"] = datetime.fromtimestamp(
                estado["caida_desde"], tz=timezone.get_current_timezone()
            ).isoformat(timespec="seconds")
        return resultado
    return resultado | {"estado": OK, "ms": _ms(inicio)}


def revisar_cola():
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db."):
        return {"estado": OK, "backend": backend.rsplit(".", 1)[-1], "nota": "sin cola en la base"}
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    ahora = timezone.now()
    tareas = DBTaskResult.objects.all()
    listas = tareas.ready()
    # Lista desde: cuando se encoló (sin espera) o cuando venció su espera (reintentos).
    sin_espera = listas.filter(run_after=get_date_max()).order_by("enqueued_at")
    con_espera = listas.exclude(run_after=get_date_max()).order_by("run_after")
    desde = [
        d
        for d in (
            sin_espera.values_list("enqueued_at", flat=True).first(),
            con_espera.values_list("run_after", flat=True).first(),
        )
        if d is not None
    ]
    mas_vieja = min(desde) if desde else None
    minutos = round((ahora - mas_vieja).total_seconds() / 60, 1) if mas_vieja else 0
    umbral = getattr(settings, "DECIDE_SALUD_MINUTOS_COLA", 15)
    resultado = {
        "estado": DEGRADADO if minutos > umbral else OK,
        "pendientes": listas.count(),
        "minutos_de_la_mas_vieja": minutos,
        "programadas": tareas.filter(status=TaskResultStatus.READY, run_after__gt=ahora)
        .exclude(run_after=get_date_max())
        .count(),
        "en_curso": tareas.filter(status=TaskResultStatus.RUNNING).count(),
        "fallidas_24h": tareas.filter(
            status=TaskResultStatus.FAILED, finished_at__gte=ahora - timedelta(hours=24)
        ).count(),
    }
    if mas_vieja:
        resultado["mas_vieja_desde"] = timezone.localtime(mas_vieja).isoformat(timespec="seconds")
    if resultado["estado"] == DEGRADADO:
        resultado["aviso"] = (
            f"Hay tareas esperando más de {umbral} minutos: revisa que `manage.py db_worker` esté corriendo."
        )
    return resultado


def revisar():
    """(estado HTTP, informe) de todas las dependencias."""
    base = revisar_base_de_datos()
    informe = {"estado": OK, "base_de_datos": base, "cache": revisar_cache()}
    if base["estado"] != OK:
        informe["estado"] = FALLA
        informe["cola"] = {"estado": FALLA, "error": "sin base de datos"}
        return 503, informe
    try:
        informe["cola"] = revisar_cola()
    except Exception as error:
        informe["cola"] = {"estado": FALLA, "error": _error(error)}
    if informe["cache"]["estado"] != OK or informe["cola"]["estado"] != OK:
        informe["estado"] = DEGRADADO
    return 200, informe
