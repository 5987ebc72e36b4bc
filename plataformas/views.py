"""Páginas públicas de plataformas electorales (P4) y bloques de competitividad (P5).

Las páginas que muestran propuestas con su participación (una plataforma, una propuesta, un tema)
están en `participacion.views_plataformas`: esta app no sabe de reacciones ni comentarios.
"""

from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from candidaturas.models import ActorPolitico
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from plataformas.apps import ALCANCE
from plataformas.bloques import resumen_de_bloques
from plataformas.models import PlataformaElectoral, Tema


@require_safe
@pagina_publica_en_cache(alcances=("proceso", ALCANCE))
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
@pagina_publica_en_cache(alcances=("proceso", ALCANCE))
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
