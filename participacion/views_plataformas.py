"""Las páginas de plataformas que muestran cada propuesta con su participación (P4 con P12 y P13):
una plataforma, una propuesta con sus comentarios y un tema comparado entre actores.

Viven aquí y no en `plataformas` porque juntan las dos apps; `plataformas` no sabe de participación.
Sus rutas siguen bajo `/plataformas/` y en el espacio de nombres `plataformas:` (ver
`decide/urls.py`): las direcciones públicas no cambian.
"""

from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from candidaturas.procesos import proceso_de_la_peticion
from participacion.consultas import comentarios_publicados, participacion_de_propuestas
from participacion.forms import ComentarioForm
from plataformas.models import PlataformaElectoral, Propuesta, Tema


@require_GET
def detalle(request, proceso, actor, tipo):
    """Una plataforma: resumen, PDF y propuestas agrupadas por tema, con sus reacciones."""
    plataforma = get_object_or_404(
        PlataformaElectoral.objects.publicadas().para_detalle(),
        proceso__slug=proceso,
        actor__slug=actor,
        tipo=tipo,
    )
    propuestas = list(plataforma.propuestas.all())
    participaciones = participacion_de_propuestas(request, propuestas, plataforma.proceso)
    por_tema = [
        (tema, list(grupo))
        for tema, grupo in groupby(zip(propuestas, participaciones, strict=True), key=lambda par: par[0].tema)
    ]
    return render(
        request,
        "participacion/plataformas/detalle.html",
        {"plataforma": plataforma, "proceso": plataforma.proceso, "por_tema": por_tema},
    )


@require_GET
def propuesta(request, pk):
    """Una propuesta: su texto, Me gusta / No me gusta, el cuadro de comentarios y los publicados."""
    propuesta = get_object_or_404(Propuesta.objects.publicadas().para_detalle(), pk=pk)
    (participacion,) = participacion_de_propuestas(request, [propuesta], propuesta.plataforma.proceso)
    return render(
        request,
        "participacion/plataformas/propuesta.html",
        {
            "propuesta": propuesta,
            "proceso": propuesta.plataforma.proceso,
            "participacion": participacion,
            "comentarios": comentarios_publicados(participacion.objetivo),
            "form": ComentarioForm(),
        },
    )


@require_GET
def tema(request, slug):
    """Un tema comparado entre actores: las propuestas de cada plataforma sobre él."""
    tema = get_object_or_404(Tema, slug=slug)
    proceso, abiertos = proceso_de_la_peticion(request)
    if proceso is None:
        raise Http404(_("Todavía no hay procesos electorales."))
    propuestas = list(
        Propuesta.objects.publicadas()
        .para_detalle()
        .filter(tema=tema, plataforma__proceso=proceso)
        .order_by("plataforma__actor__orden", "plataforma__actor__siglas", "plataforma__tipo", "orden", "pk")
    )
    participaciones = participacion_de_propuestas(request, propuestas, proceso)
    por_actor = [
        (actor, list(grupo))
        for actor, grupo in groupby(
            zip(propuestas, participaciones, strict=True), key=lambda par: par[0].plataforma.actor
        )
    ]
    return render(
        request,
        "participacion/plataformas/tema.html",
        {
            "tema": tema,
            "temas": Tema.objects.all(),
            "proceso": proceso,
            "procesos_abiertos": abiertos,
            "por_actor": por_actor,
        },
    )
