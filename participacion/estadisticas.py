"""Estadísticas de participación (P16): reacciones y comentarios por actor, tipo de elección,
municipio y día. Son conteos de actividad, no datos personales: no se suprimen los pequeños.

`resumen_participacion(proceso)` entrega listas listas para `{% grafica_barras %}`; el parcial
`participacion/_estadisticas.html` las pinta con sus enlaces a CSV.
"""

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import ActorPolitico
from participacion.models import Comentario, Reaccion
from plataformas.models import PlataformaElectoral

SERIES = {
    "actor": gettext_lazy("Actor político"),
    "tipo": gettext_lazy("Tipo de elección"),
    "municipio": gettext_lazy("Municipio"),
    "dia": gettext_lazy("Día"),
}


def _conteos(modelo, proceso, campo_fecha):
    """{serie: {clave: n}} de un modelo, con una consulta por serie."""
    base = modelo.objects.filter(propuesta__plataforma__proceso=proceso).order_by()
    if modelo is Comentario:
        base = base.exclude(estado=Comentario.Estado.RECHAZADO)
    return {
        "actor": dict(
            base.values_list("propuesta__plataforma__actor_id")
            .annotate(n=Count("pk"))
            .values_list("propuesta__plataforma__actor_id", "n")
        ),
        "tipo": dict(
            base.values_list("propuesta__plataforma__tipo")
            .annotate(n=Count("pk"))
            .values_list("propuesta__plataforma__tipo", "n")
        ),
        "dia": dict(
            base.annotate(dia=TruncDate(campo_fecha, tzinfo=timezone.get_current_timezone()))
            .values("dia")
            .annotate(n=Count("pk"))
            .values_list("dia", "n")
        ),
    }


def _claves(serie, reacciones, comentarios, actores):
    claves = set(reacciones.get(serie, {})) | set(comentarios.get(serie, {}))
    if serie == "actor":
        return [(a.pk, a.siglas, a.color) for a in actores if a.pk in claves]
    if serie == "tipo":
        return [(v, e, None) for v, e in PlataformaElectoral.Tipo.choices if v in claves]
    if serie == "dia":
        return [(d, formats.date_format(d, "j M Y"), None) for d in sorted(claves)]
    return []


def tabla(proceso):
    """{serie: [(etiqueta, reacciones, comentarios, color)]} para gráficas y CSV."""
    reacciones = _conteos(Reaccion, proceso, "actualizada")
    comentarios = _conteos(Comentario, proceso, "creado")
    actores = list(ActorPolitico.objects.filter(pk__in=set(reacciones["actor"]) | set(comentarios["actor"])))
    filas = {}
    for serie in SERIES:
        filas[serie] = [
            (
                etiqueta,
                reacciones.get(serie, {}).get(clave, 0),
                comentarios.get(serie, {}).get(clave, 0),
                color,
            )
            for clave, etiqueta, color in _claves(serie, reacciones, comentarios, actores)
        ]
    # Las plataformas son de todo el estado: su participación no tiene municipio.
    total_reacciones = sum(r for _e, r, _c, _k in filas["tipo"])
    total_comentarios = sum(c for _e, _r, c, _k in filas["tipo"])
    if total_reacciones or total_comentarios:
        filas["municipio"] = [(_("Todo el estado (plataformas)"), total_reacciones, total_comentarios, None)]
    return filas


def resumen_participacion(proceso):
    """Las gráficas de participación de `proceso`: [{serie, titulo_reacciones, reacciones,
    titulo_comentarios, comentarios}], donde `reacciones` y `comentarios` son barras para
    `{% grafica_barras %}`."""
    resultado = []
    for serie, filas in tabla(proceso).items():
        nombre = SERIES[serie]
        resultado.append(
            {
                "serie": serie,
                "id": f"participacion-{serie}",
                "titulo_reacciones": _("Reacciones por %(serie)s") % {"serie": str(nombre).lower()},
                "reacciones": [{"etiqueta": e, "valor": r, "color": k} for e, r, _c, k in filas],
                "titulo_comentarios": _("Comentarios recibidos por %(serie)s")
                % {"serie": str(nombre).lower()},
                "comentarios": [{"etiqueta": e, "valor": c, "color": k} for e, _r, c, k in filas],
            }
        )
    return resultado


def filas_csv(proceso, serie):
    encabezados = [str(SERIES[serie]), _("Reacciones"), _("Comentarios recibidos")]
    return encabezados, [(e, r, c) for e, r, c, _k in tabla(proceso)[serie]]
