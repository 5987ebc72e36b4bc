"""El reporte de participación que recibe cada actor político al final del proceso (P14)."""

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from participacion.models import Comentario, Reaccion, Valor
from plataformas.models import Propuesta


def nombre_de_archivo(proceso, actor):
    return f"participacion-{proceso.slug}-{actor.slug}.xlsx"


def _propuestas(proceso, actor):
    return (
        Propuesta.objects.filter(plataforma__proceso=proceso, plataforma__actor=actor)
        .select_related("plataforma", "tema", "conteo")
        .annotate(publicados=Count("comentarios", filter=Q(comentarios__estado=Comentario.Estado.PUBLICADO)))
        .order_by("plataforma__tipo", "orden", "pk")
    )


def hojas_del_reporte(proceso, actor):
    """Tres hojas: totales por propuesta, reacciones por día y comentarios publicados por fecha."""
    propuestas = list(_propuestas(proceso, actor))
    resumen = [
        (
            p.plataforma.get_tipo_display(),
            p.tema.nombre,
            p.orden,
            p.titulo,
            getattr(getattr(p, "conteo", None), "me_gusta", 0),
            getattr(getattr(p, "conteo", None), "no_me_gusta", 0),
            p.publicados,
        )
        for p in propuestas
    ]
    por_propuesta = {p.pk: p for p in propuestas}
    por_dia = (
        Reaccion.objects.filter(propuesta__in=por_propuesta)
        .annotate(dia=TruncDate("actualizada", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("dia", "propuesta_id")
        .annotate(
            me_gusta=Count("pk", filter=Q(valor=Valor.ME_GUSTA)),
            no_me_gusta=Count("pk", filter=Q(valor=Valor.NO_ME_GUSTA)),
        )
        .order_by("dia", "propuesta_id")
    )
    reacciones = [
        (
            f["dia"],
            por_propuesta[f["propuesta_id"]].plataforma.get_tipo_display(),
            por_propuesta[f["propuesta_id"]].titulo,
            f["me_gusta"],
            f["no_me_gusta"],
        )
        for f in por_dia
    ]
    comentarios = [
        (
            timezone.localtime(c.creado).replace(tzinfo=None),
            por_propuesta[c.propuesta_id].plataforma.get_tipo_display(),
            por_propuesta[c.propuesta_id].titulo,
            c.nombre,
            c.texto,
        )
        for c in Comentario.objects.publicados().filter(propuesta__in=por_propuesta).order_by("creado", "pk")
    ]
    return [
        (
            _("Totales por propuesta"),
            [
                _("Plataforma"),
                _("Tema"),
                _("Orden"),
                _("Propuesta"),
                _("Me gusta"),
                _("No me gusta"),
                _("Comentarios publicados"),
            ],
            resumen,
        ),
        (
            _("Reacciones por día"),
            [_("Fecha"), _("Plataforma"), _("Propuesta"), _("Me gusta"), _("No me gusta")],
            reacciones,
        ),
        (
            _("Comentarios publicados"),
            [_("Recibido"), _("Plataforma"), _("Propuesta"), _("Firma"), _("Comentario")],
            comentarios,
        ),
    ]
