"""Escrituras de la ciudadanía (sólo POST) y descargas de participación.

Sin JavaScript cada POST redirige de vuelta a donde estaba la persona, con un mensaje. Con
JavaScript (`static/js/reacciones.js`) las reacciones llegan con `Accept: application/json` y la
respuesta trae los totales para actualizarlos en el lugar.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from candidaturas.models import ActorPolitico, ProcesoElectoral
from candidaturas.procesos import proceso_de_la_peticion
from comun.exportar import respuesta_csv, respuesta_xlsx
from participacion import estadisticas, reportes
from participacion.cliente import asegurar_token, excede_limite, guardar_token
from participacion.forms import ComentarioForm, ReaccionForm
from participacion.models import AjusteParticipacion, Comentario, Valor
from participacion.objetivos import Objetivo, objetivo_de_la_peticion
from participacion.permisos import exigir_reporte
from participacion.services import reaccionar, recibir_comentario, reportar_comentario


def _quiere_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _destino(request, objetivo_url, ancla=""):
    """A dónde volver: `siguiente` si es de este sitio; si no, la página del objetivo."""
    siguiente = request.POST.get("siguiente", "")
    if not url_has_allowed_host_and_scheme(
        siguiente, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        siguiente = objetivo_url
    siguiente = siguiente.split("#")[0]
    return f"{siguiente}#{ancla}" if ancla else siguiente


def _demasiadas(request):
    if _quiere_json(request):
        return JsonResponse(
            {"mensaje": _("Recibimos muchas solicitudes seguidas desde tu conexión. Espera un minuto.")},
            status=429,
        )
    return render(request, "429.html", status=429)


def _cerrada(request, destino):
    mensaje = _("Este proceso electoral ya no recibe reacciones ni comentarios.")
    if _quiere_json(request):
        return JsonResponse({"mensaje": mensaje}, status=403)
    messages.warning(request, mensaje)
    return redirect(destino)


@require_POST
def reaccionar_vista(request):
    if excede_limite(request):
        return _demasiadas(request)
    objetivo = objetivo_de_la_peticion(request.POST)
    destino = _destino(request, objetivo.get_absolute_url(), objetivo.clave)
    if not AjusteParticipacion.del_proceso(objetivo.proceso).recibe_participacion:
        return _cerrada(request, destino)
    form = ReaccionForm(request.POST)
    if not form.is_valid():
        if _quiere_json(request):
            return JsonResponse({"mensaje": form.errors["valor"][0]}, status=400)
        messages.error(request, form.errors["valor"][0])
        return redirect(destino)
    valor = form.valor_elegido()
    conteo = reaccionar(token=asegurar_token(request), objetivo=objetivo, valor=valor)
    if valor is None:
        mensaje = _("Retiramos tu reacción a «%(titulo)s».") % {"titulo": objetivo.titulo}
    else:
        mensaje = _("Guardamos tu «%(valor)s» en «%(titulo)s».") % {
            "valor": Valor(valor).label,
            "titulo": objetivo.titulo,
        }
    if _quiere_json(request):
        respuesta = JsonResponse(
            {"me_gusta": conteo.me_gusta, "no_me_gusta": conteo.no_me_gusta, "mia": valor, "mensaje": mensaje}
        )
    else:
        messages.success(request, mensaje)
        respuesta = redirect(destino)
    return guardar_token(request, respuesta)


@require_POST
def comentar(request):
    """Recibe una idea o comentario. Con errores, muestra el formulario con lo escrito (400)."""
    if excede_limite(request):
        return _demasiadas(request)
    objetivo = objetivo_de_la_peticion(request.POST)
    destino = _destino(request, objetivo.get_absolute_url(), "comentarios")
    if not AjusteParticipacion.del_proceso(objetivo.proceso).recibe_participacion:
        return _cerrada(request, destino)
    form = ComentarioForm(request.POST)
    if form.es_robot:
        # Un robot llenó el campo invisible: no se guarda nada y no se le da pista.
        messages.success(request, _("Recibimos tu comentario."))
        return redirect(destino)
    if not form.is_valid():
        contexto = {"form": form, "objetivo": objetivo, "siguiente": request.POST.get("siguiente", "")}
        return render(request, "participacion/comentar.html", contexto, status=400)
    comentario = recibir_comentario(
        token=asegurar_token(request),
        objetivo=objetivo,
        texto=form.cleaned_data["texto"],
        nombre=form.cleaned_data["nombre"],
        motivo_revision=form.motivo_de_revision(),
    )
    if comentario.estado == Comentario.Estado.PUBLICADO:
        messages.success(request, _("Gracias. Tu comentario ya está publicado."))
    else:
        messages.success(
            request,
            _("Gracias. Recibimos tu comentario; se publicará cuando el personal del IEEM lo revise."),
        )
    return guardar_token(request, redirect(destino))


@require_POST
def reportar(request, pk):
    if excede_limite(request):
        return _demasiadas(request)
    comentario = get_object_or_404(
        Comentario.objects.publicados().select_related("propuesta", "cuestionario"), pk=pk
    )
    objetivo = Objetivo(
        propuesta=comentario.propuesta, cuestionario=comentario.cuestionario, cual=comentario.cual
    )
    destino = _destino(request, objetivo.get_absolute_url(), f"comentario-{comentario.pk}")
    reportar_comentario(token=asegurar_token(request), comentario=comentario)
    messages.success(request, _("Gracias por avisarnos. El personal del IEEM revisará ese comentario."))
    return guardar_token(request, redirect(destino))


@require_safe
def reporte_actor(request, proceso, actor):
    """XLSX de todo lo recibido por un actor en un proceso (P14). Sólo para quien puede verlo."""
    proceso = get_object_or_404(ProcesoElectoral, slug=proceso)
    actor = get_object_or_404(ActorPolitico, slug=actor)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    exigir_reporte(request.user, actor)
    respuesta = respuesta_xlsx(
        reportes.nombre_de_archivo(proceso, actor), reportes.hojas_del_reporte(proceso, actor)
    )
    respuesta["Cache-Control"] = "no-store"
    return respuesta


@require_safe
def estadisticas_csv(request, serie):
    """Los datos de una gráfica de participación (P16) en CSV."""
    proceso, _abiertos = proceso_de_la_peticion(request)
    if proceso is None or serie not in estadisticas.SERIES:
        return render(request, "404.html", status=404)
    encabezados, filas = estadisticas.filas_csv(proceso, serie)
    return respuesta_csv(f"participacion-{serie}-{proceso.slug}.csv", encabezados, filas)
