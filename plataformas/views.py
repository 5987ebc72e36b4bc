"""Páginas públicas de plataformas electorales (P4) y bloques de competitividad (P5).

Las páginas de propuestas muestran también la participación (P12, P13): los totales y la
reacción de quien visita vienen de `participacion.consultas`, en un número fijo de consultas.
"""

from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from candidaturas.models import ActorPolitico
from candidaturas.procesos import proceso_de_la_peticion
from participacion.consultas import comentarios_publicados, participacion_de_propuestas
from participacion.forms import ComentarioForm
from plataformas.bloques import resumen_de_bloques
from plataformas.models import PlataformaElectoral, Propuesta, Tema


@require_safe
def lista(request):
    """Las plataformas de cada actor en el proceso, los temas para comparar y los bloques."""
    proceso, abiertos = proceso_de_la_peticion(request)
    plataformas, temas, actores_con_bloques = [], [], []
    if proceso is not None:
        plataformas = list(PlataformaElectoral.objects.publicadas().del_proceso(proceso).para_listado())
        temas = list(
            Tema.objects.filter(
                propuestas__plataforma__proceso=proceso, propuestas__plataforma__publicada=True
            ).distinct()
        )
        actores_con_bloques = list(
            ActorPolitico.objects.filter(bloques__proceso=proceso).distinct().order_by("orden", "siglas")
        )
    por_actor = [(actor, list(grupo)) for actor, grupo in groupby(plataformas, key=lambda p: p.actor)]
    return render(
        request,
        "plataformas/lista.html",
        {
            "proceso": proceso,
            "procesos_abiertos": abiertos,
            "por_actor": por_actor,
            "temas": temas,
            "actores_con_bloques": actores_con_bloques,
        },
    )


@require_safe
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
        "plataformas/detalle.html",
        {"plataforma": plataforma, "proceso": plataforma.proceso, "por_tema": por_tema},
    )


@require_safe
def propuesta(request, pk):
    """Una propuesta: su texto, Me gusta / No me gusta, el cuadro de comentarios y los publicados."""
    propuesta = get_object_or_404(Propuesta.objects.publicadas().para_detalle(), pk=pk)
    (participacion,) = participacion_de_propuestas(request, [propuesta], propuesta.plataforma.proceso)
    return render(
        request,
        "plataformas/propuesta.html",
        {
            "propuesta": propuesta,
            "proceso": propuesta.plataforma.proceso,
            "participacion": participacion,
            "comentarios": comentarios_publicados(participacion.objetivo),
            "form": ComentarioForm(),
        },
    )


@require_safe
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
        "plataformas/tema.html",
        {
            "tema": tema,
            "temas": Tema.objects.all(),
            "proceso": proceso,
            "procesos_abiertos": abiertos,
            "por_actor": por_actor,
        },
    )


@require_safe
def bloques(request, actor):
    """Bloques de competitividad de un actor: tabla y gráfica de mujeres que encabezan por bloque."""
    actor = get_object_or_404(ActorPolitico, slug=actor)
    proceso, abiertos = proceso_de_la_peticion(request)
    if proceso is None:
        raise Http404(_("Todavía no hay procesos electorales."))
    resumen = resumen_de_bloques(proceso, actor)
    return render(
        request,
        "plataformas/bloques.html",
        {"actor": actor, "proceso": proceso, "procesos_abiertos": abiertos, "resumen": resumen},
    )
