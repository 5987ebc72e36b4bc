"""El reporte de participación que recibe cada actor político al final del proceso (P14).

Incluye las propuestas de sus plataformas y las de las candidaturas que postula (cuestionarios
curriculares publicados de personas con una candidatura vigente del actor en el proceso).
"""

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from candidaturas.models import Candidatura
from cuestionarios.models import CuestionarioCurricular
from participacion.models import Comentario, Conteo, PropuestaDeCandidatura, Reaccion, Valor
from plataformas.models import Propuesta


def nombre_de_archivo(proceso, actor):
    return f"participacion-{proceso.slug}-{actor.slug}.xlsx"


def cuestionarios_del_actor(proceso, actor):
    """Cuestionarios publicados de quienes el actor postula (candidatura vigente) en el proceso."""
    return (
        CuestionarioCurricular.objects.publicados()
        .filter(
            proceso=proceso,
            persona__candidaturas__actor=actor,
            persona__candidaturas__estado=Candidatura.Estado.REGISTRADA,
            persona__candidaturas__eleccion__proceso=proceso,
        )
        .distinct()
        .select_related("persona")
        .order_by("persona__primer_apellido", "persona__nombre", "pk")
    )


def _por_dia(filtro):
    return (
        Reaccion.objects.filter(filtro, contada=True)  # sólo lo contado (issue 16)
        .annotate(dia=TruncDate("actualizada", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("dia", "propuesta_id", "cuestionario_id", "cual")
        .annotate(
            me_gusta=Count("pk", filter=Q(valor=Valor.ME_GUSTA)),
            no_me_gusta=Count("pk", filter=Q(valor=Valor.NO_ME_GUSTA)),
        )
        .order_by("dia", "propuesta_id", "cuestionario_id", "cual")
    )


def hojas_del_reporte(proceso, actor):
    """Tres hojas: totales por propuesta, reacciones por día y comentarios publicados por fecha."""
    propuestas = list(
        Propuesta.objects.filter(plataforma__proceso=proceso, plataforma__actor=actor)
        .select_related("plataforma", "tema")
        .order_by("plataforma__tipo", "orden", "pk")
    )
    cuestionarios = list(cuestionarios_del_actor(proceso, actor))
    origen = {}
    for p in propuestas:
        origen[("p", p.pk)] = (p.plataforma.get_tipo_display(), p.tema.nombre, p.titulo)
    for c in cuestionarios:
        for cual in PropuestaDeCandidatura:
            origen[("c", c.pk, cual.value)] = (
                _("Candidatura: %(persona)s") % {"persona": c.persona.nombre_completo},
                cual.label,
                getattr(c, cual.value),
            )

    def clave(fila):
        """La llave de `origen` de un modelo o de un dict de .values()."""
        valores = fila if isinstance(fila, dict) else vars(fila)
        if valores["propuesta_id"]:
            return ("p", valores["propuesta_id"])
        return ("c", valores["cuestionario_id"], valores["cual"])

    del_actor = Q(propuesta__in=propuestas) | Q(cuestionario__in=cuestionarios)
    conteos = {clave(c): c for c in Conteo.objects.filter(del_actor)}
    publicados = list(Comentario.objects.publicados().filter(del_actor).order_by("creado", "pk"))
    num_publicados = {}
    for comentario in publicados:
        num_publicados[clave(comentario)] = num_publicados.get(clave(comentario), 0) + 1

    resumen = []
    for llave, (de_donde, tema, titulo) in origen.items():
        conteo = conteos.get(llave)
        if llave[0] == "c" and not (titulo or "").strip():
            continue
        resumen.append(
            (
                de_donde,
                tema,
                titulo,
                conteo.me_gusta if conteo else 0,
                conteo.no_me_gusta if conteo else 0,
                num_publicados.get(llave, 0),
            )
        )
    reacciones = [
        (f["dia"], *origen[clave(f)][::2], f["me_gusta"], f["no_me_gusta"])
        for f in _por_dia(del_actor)
        if clave(f) in origen
    ]
    comentarios = [
        (timezone.localtime(c.creado).replace(tzinfo=None), *origen[clave(c)][::2], c.nombre, c.texto)
        for c in publicados
    ]
    return [
        (
            _("Totales por propuesta"),
            [
                _("Origen"),
                _("Tema o tipo"),
                _("Propuesta"),
                _("Me gusta"),
                _("No me gusta"),
                _("Comentarios publicados"),
            ],
            resumen,
        ),
        (
            _("Reacciones por día"),
            [_("Fecha"), _("Origen"), _("Propuesta"), _("Me gusta"), _("No me gusta")],
            reacciones,
        ),
        (
            _("Comentarios publicados"),
            [_("Recibido"), _("Origen"), _("Propuesta"), _("Firma"), _("Comentario")],
            comentarios,
        ),
    ]
