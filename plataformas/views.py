"""Páginas públicas de plataformas electorales (P4) y bloques de competitividad (P5).

Las páginas que muestran propuestas con su participación (una plataforma, una propuesta, un tema)
están en `participacion.views_plataformas`: esta app no sabe de reacciones ni comentarios.
"""

from itertools import groupby

from django.http import FileResponse, Http404
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


@require_safe
def documento(request, proceso, actor, tipo):
    """El PDF oficial de una plataforma publicada, como descarga: `application/pdf`, `nosniff` y
    `Content-Disposition: attachment` con un nombre legible (el archivo se guarda con uno aleatorio).
    Así, aunque un archivo raro pasara la validación, ningún navegador lo abre como página."""
    plataforma = get_object_or_404(
        PlataformaElectoral.objects.publicadas().select_related("proceso", "actor"),
        proceso__slug=proceso,
        actor__slug=actor,
        tipo=tipo,
    )
    if not plataforma.documento:
        raise Http404
    try:
        archivo = plataforma.documento.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    respuesta = FileResponse(
        archivo, as_attachment=True, filename=plataforma.nombre_de_descarga, content_type="application/pdf"
    )
    respuesta["X-Content-Type-Options"] = "nosniff"
    respuesta["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return respuesta
