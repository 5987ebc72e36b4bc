from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from candidaturas.models import Candidatura
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import alcance_de_proceso, memorizar, pagina_publica_en_cache
from comun.texto import son_digitos
from conoceles import consultas
from conoceles.forms import BusquedaForm, CompararForm, opciones_de_busqueda
from participacion.consultas import participacion_de_candidatura
from participacion.forms import ComentarioEnCache

RESULTADOS_POR_PAGINA = 24


@require_safe
@pagina_publica_en_cache(parametros=("proceso", "pagina", *BusquedaForm.base_fields), alcances=("proceso",))
def inicio(request):
    """Presentación de Conóceles y búsqueda sobre todas las candidaturas del proceso (C7)."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {"proceso": proceso, "procesos_abiertos": procesos_abiertos, "pagina": None}
    if proceso is None:
        return render(request, "conoceles/inicio.html", contexto)
    actores, municipios, distritos = opciones_de_busqueda(proceso)
    form = BusquedaForm(
        request.GET, proceso=proceso, actores=actores, municipios=municipios, distritos=distritos
    )
    contexto["form"] = form
    if not form.is_valid():
        return render(request, "conoceles/inicio.html", contexto, status=400)
    vigentes = Candidatura.objects.vigentes().filter(eleccion__proceso=proceso)
    form.poner_conteos(vigentes)
    alcances = [alcance_de_proceso(proceso.slug)]
    pagina = consultas.pagina_de_resultados(
        form.filtrar(vigentes),
        request.GET.get("pagina"),
        RESULTADOS_POR_PAGINA,
        memoria=(f"conoceles:orden:{proceso.pk}:{form.clave()}", alcances),
        posiciones=memorizar(
            f"conoceles:posiciones:{proceso.pk}", alcances, lambda: consultas.posiciones_por_nombre(vigentes)
        ),
    )
    filtros_activos = form.filtros_activos()
    # Con una búsqueda hecha, los resultados van primero (en un teléfono, antes que los filtros).
    buscando = bool(filtros_activos or form.cleaned_data.get("q") or request.GET.get("pagina"))
    contexto.update(pagina=pagina, filtros_activos=filtros_activos, buscando=buscando)
    return render(request, "conoceles/inicio.html", contexto)


@require_safe
@pagina_publica_en_cache(alcances=("candidatura:{pk}",))
def perfil(request, pk):
    """Perfil público de una candidatura (C8). Su `pk` es el identificador estable de los datos abiertos.

    Es el mismo HTML para todo visitante anónimo (va a la caché de páginas): los formularios de
    reacción y comentario no llevan token CSRF ni la reacción propia; eso lo pide
    `static/js/reacciones.js` a `participacion:estado`, o sin JavaScript lo da la confirmación."""
    candidatura = get_object_or_404(Candidatura.objects.para_ficha(), pk=pk)
    if not candidatura.vigente:
        consultas.anotar_estado_de_captura([candidatura])
        return render(
            request,
            "conoceles/perfil_no_vigente.html",
            {"candidatura": candidatura, "sustituta": consultas.sustituta_vigente(candidatura)},
        )
    ficha = consultas.ficha_completa(candidatura)  # también anota su estado de captura
    if ficha["cuestionario"] is not None:
        ficha["propuestas"] = [
            (
                etiqueta,
                texto,
                participacion,
                comentarios,
                ComentarioEnCache(participacion.objetivo.clave),
            )
            for etiqueta, texto, participacion, comentarios in participacion_de_candidatura(
                ficha["cuestionario"]
            )
        ]
    return render(request, "conoceles/perfil.html", ficha)


def _alcances_de_la_comparacion(request):
    """La comparación depende de cada candidatura que muestra (`?id=` repetido)."""
    return [f"candidatura:{i}" for i in request.GET.getlist("id") if son_digitos(i)] or ["comparacion-vacia"]


@require_safe
@pagina_publica_en_cache(parametros=("proceso", "id"), alcances=_alcances_de_la_comparacion)
def comparar(request):
    """De 2 a 4 candidaturas de la misma contienda, lado a lado en filas idénticas (C9)."""
    form = CompararForm(request.GET)
    if not form.is_valid():
        return render(request, "conoceles/comparar.html", {"form": form}, status=400)
    identificadores = form.cleaned_data["id"]
    candidaturas = consultas.anotar_estado_de_captura(
        Candidatura.objects.vigentes().filter(pk__in=identificadores).para_ficha()
    )
    por_id = {c.pk: c for c in candidaturas}
    faltantes = [i for i in identificadores if i not in por_id]
    if faltantes:
        raise Http404(_("No encontramos la candidatura %(id)s.") % {"id": faltantes[0]})
    elegidas = [por_id[i] for i in identificadores]
    if len({c.eleccion_id for c in elegidas}) > 1:
        form.add_error(
            "id",
            _(
                "Sólo se pueden comparar candidaturas de la misma contienda "
                "(el mismo cargo en el mismo lugar)."
            ),
        )
        return render(request, "conoceles/comparar.html", {"form": form, "elegidas": elegidas}, status=400)
    return render(request, "conoceles/comparar.html", {"form": form, **consultas.comparacion(elegidas)})
