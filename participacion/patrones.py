"""Patrones raros de participación para el personal (issue 16): objetivos cuyas reacciones vienen
de pocas conexiones, ráfagas por hora y escrituras marcadas por el tope por IP. Todo con huellas de
IP (HMAC), nunca la IP en claro; en pantalla se muestran sus primeros caracteres.

Unas pocas consultas agregadas sobre los últimos `DIAS` días, sin importar cuántas reacciones haya.
"""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncHour
from django.utils import timezone

from cuestionarios.models import CuestionarioCurricular
from participacion.models import Comentario, PropuestaDeCandidatura, Reaccion, ReporteComentario
from plataformas.models import Propuesta

DIAS = 7
MINIMO_PARA_POCAS_IPS = 10
"""Un objetivo entra en «pocas conexiones» con al menos estas reacciones…"""
REACCIONES_POR_IP_SOSPECHOSAS = 3
"""…y, en promedio, al menos estas por huella de IP (o una huella con la mitad o más)."""
RAFAGA_POR_HORA = 30
LIMITE_FILAS = 50
_OBJETIVO = ("propuesta_id", "cuestionario_id", "cual")


def _clave(fila):
    return (fila["propuesta_id"], fila["cuestionario_id"], fila["cual"])


def _nombres(claves):
    """{(propuesta_id, cuestionario_id, cual): texto legible} en dos consultas."""
    propuestas = {
        p.pk: f"{p.plataforma.actor.siglas} · {p.titulo}"
        for p in Propuesta.objects.filter(pk__in={c[0] for c in claves if c[0]}).select_related(
            "plataforma__actor"
        )
    }
    cuestionarios = {
        c.pk: c.persona.nombre_completo
        for c in CuestionarioCurricular.objects.filter(pk__in={c[1] for c in claves if c[1]}).select_related(
            "persona"
        )
    }
    nombres = {}
    for clave in claves:
        if clave[0]:
            nombres[clave] = propuestas.get(clave[0], f"Propuesta {clave[0]}")
        else:
            etiqueta = PropuestaDeCandidatura(clave[2]).label if clave[2] else ""
            nombres[clave] = f"{cuestionarios.get(clave[1], clave[1])} · {etiqueta}"
    return nombres


def patrones(ahora=None):
    """{"desde", "pocas_ips", "rafagas", "marcadas", "reportes"} para la página del admin."""
    ahora = ahora or timezone.now()
    desde = ahora - timedelta(days=DIAS)
    recientes = Reaccion.objects.filter(creada__gte=desde).order_by()

    por_objetivo = list(
        recientes.values(*_OBJETIVO)
        .annotate(
            total=Count("pk"), ips=Count("ip", distinct=True), marcadas=Count("pk", filter=Q(contada=False))
        )
        .filter(total__gte=MINIMO_PARA_POCAS_IPS)
    )
    candidatos = {_clave(f): f for f in por_objetivo}
    mayor_por_objetivo = {}
    if candidatos:
        filtro = Q(pk__in=[])
        for propuesta, cuestionario, cual in candidatos:
            filtro |= Q(propuesta_id=propuesta, cuestionario_id=cuestionario, cual=cual)
        for fila in recientes.filter(filtro).values(*_OBJETIVO, "ip").annotate(n=Count("pk")):
            clave = _clave(fila)
            if fila["n"] > mayor_por_objetivo.get(clave, (0, ""))[0]:
                mayor_por_objetivo[clave] = (fila["n"], fila["ip"])
    pocas_ips = []
    for clave, fila in candidatos.items():
        mayor, huella = mayor_por_objetivo.get(clave, (0, ""))
        if fila["total"] >= REACCIONES_POR_IP_SOSPECHOSAS * fila["ips"] or mayor * 2 >= fila["total"]:
            pocas_ips.append({**fila, "clave": clave, "mayor": mayor, "huella": huella[:12]})
    pocas_ips.sort(key=lambda f: (-f["mayor"], -f["total"]))

    rafagas = list(
        recientes.annotate(hora=TruncHour("creada"))
        .values(*_OBJETIVO, "hora")
        .annotate(total=Count("pk"), ips=Count("ip", distinct=True))
        .filter(total__gte=RAFAGA_POR_HORA)
        .order_by("-total")[:LIMITE_FILAS]
    )
    marcadas = list(
        recientes.filter(contada=False)
        .values(*_OBJETIVO, "ip")
        .annotate(total=Count("pk"), ultima=Max("creada"))
        .order_by("-total")[:LIMITE_FILAS]
    )
    reportes = list(
        ReporteComentario.objects.filter(creado__gte=desde, comentario__estado=Comentario.Estado.PUBLICADO)
        .order_by()
        .values("comentario_id", "comentario__texto")
        .annotate(total=Count("pk"), ips=Count("ip", distinct=True))
        .order_by("-total")[:LIMITE_FILAS]
    )
    nombres = _nombres(
        [f["clave"] for f in pocas_ips[:LIMITE_FILAS]]
        + [_clave(f) for f in rafagas]
        + [_clave(f) for f in marcadas]
    )
    for fila in pocas_ips:
        fila["objetivo"] = nombres.get(fila["clave"], "")
    for fila in rafagas + marcadas:
        fila["objetivo"] = nombres.get(_clave(fila), "")
    for fila in marcadas:
        fila["huella"] = fila["ip"][:12]
    return {
        "desde": desde,
        "dias": DIAS,
        "pocas_ips": pocas_ips[:LIMITE_FILAS],
        "rafagas": rafagas,
        "rafaga_por_hora": RAFAGA_POR_HORA,
        "marcadas": marcadas,
        "reportes": reportes,
        "total_marcadas": recientes.filter(contada=False).count(),
    }
