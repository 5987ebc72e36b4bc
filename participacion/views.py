"""La participación de la ciudadanía: estado por visitante, confirmaciones, escrituras y descargas.

Las páginas con propuestas (perfil de Conóceles, plataformas) son el mismo HTML en caché para todo
visitante anónimo: no llevan token CSRF, ni la reacción propia, ni cookies. Lo de cada quien llega
por dos caminos, y sólo ellos emiten el token de cliente (`decide_cliente`), a ritmo acotado por IP:

- Con JavaScript (`static/js/reacciones.js`): una petición `GET /participacion/estado/?o=<clave>…`
  por visita (JSON, `private, no-store`) con el token CSRF, la marca del formulario de comentario,
  la reacción propia y los totales al momento; el script convierte los formularios en POST.
- Sin JavaScript: los formularios del HTML en caché son GET hacia una página corta de confirmación
  (`/participacion/confirmar/…`, `no-store`) con el formulario POST de verdad.

Las escrituras (sólo POST) exigen un token válido: sin él se rechazan (403) y no reciben uno nuevo.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from candidaturas.models import ActorPolitico, ProcesoElectoral
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from comun.cache_tolerante import cache_compartida_disponible
from comun.exportar import respuesta_csv, respuesta_xlsx
from comun.templatetags.mensajes import etiqueta_junto_a
from participacion import estadisticas, reportes
from participacion.cliente import (
    emitir_token,
    excede_limite,
    guardar_token,
    huella_del_cliente,
    marca_de_tiempo,
    token_del_cliente,
)
from participacion.consultas import claves_validas, estado_de_objetivos
from participacion.forms import ComentarioForm, ReaccionForm
from participacion.models import AjusteParticipacion, Comentario, Reaccion, Valor
from participacion.objetivos import Objetivo, objetivo_de_la_peticion
from participacion.permisos import exigir_reporte
from participacion.services import MarcaUsada, reaccionar, recibir_comentario, reportar_comentario

SEGUNDOS_PARA_REINTENTAR = 60
"""`Retry-After` de un comentario que no se recibe porque la caché compartida no responde."""


def _quiere_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _siguiente(request, datos, objetivo_url, ancla=""):
    """A dónde volver: `siguiente` si es de este sitio; si no, la página del objetivo."""
    siguiente = datos.get("siguiente", "")
    if not url_has_allowed_host_and_scheme(
        siguiente, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        siguiente = objetivo_url
    siguiente = siguiente.split("#")[0]
    return f"{siguiente}#{ancla}" if ancla else siguiente


def _destino(request, objetivo_url, ancla=""):
    return _siguiente(request, request.POST, objetivo_url, ancla)


def _demasiadas(request):
    if _quiere_json(request):
        return JsonResponse(
            {"mensaje": _("Recibimos muchas solicitudes seguidas desde tu conexión. Espera un minuto.")},
            status=429,
        )
    return render(request, "429.html", status=429)


def _sin_token(request, destino):
    """Escritura sin token de cliente válido: se rechaza y no se emite uno (issue 16)."""
    mensaje = _(
        "No pudimos reconocer tu navegador. Vuelve a abrir la página y confirma de nuevo; "
        "si sigue pasando, revisa que tu navegador acepte cookies de este sitio."
    )
    if _quiere_json(request):
        return JsonResponse({"mensaje": mensaje}, status=403)
    return render(
        request, "participacion/sin_token.html", {"mensaje": mensaje, "destino": destino}, status=403
    )


def _sin_tokens_disponibles(request, destino):
    """Esta IP ya recibió muchos tokens nuevos en la ventana: se explica y no se emite otro."""
    return render(request, "participacion/sin_token.html", {"destino": destino, "saturada": True}, status=429)


def _cerrada(request, destino):
    mensaje = _("Este proceso electoral ya no recibe reacciones ni comentarios.")
    if _quiere_json(request):
        return JsonResponse({"mensaje": mensaje}, status=403)
    messages.warning(request, mensaje)
    return redirect(destino)


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


# --- Lo de cada visitante -----------------------------------------------------------------------


@require_safe
def estado(request):
    """`GET /participacion/estado/?o=<clave>&o=<clave>` → JSON con lo de este visitante.

    {"csrf": token, "marca": marca del formulario de comentario, "participa": si tiene token,
     "mias": {clave: "me_gusta" | "no_me_gusta" | null}, "totales": {clave: [me gusta, no me gusta]}}

    Emite el token de cliente si no lo tiene (a ritmo acotado por IP). Dos consultas como máximo.
    """
    claves = claves_validas(request.GET.getlist("o"))
    if claves is None:
        return _privada(JsonResponse({"mensaje": _("La lista de propuestas no es válida.")}, status=400))
    token = emitir_token(request)
    por_clave = estado_de_objetivos(token if not getattr(request, "token_nuevo", None) else None, claves)
    respuesta = JsonResponse(
        {
            "csrf": get_token(request),
            "marca": marca_de_tiempo(),
            "participa": token is not None,
            "mias": {clave: datos["mia"] for clave, datos in por_clave.items()},
            "totales": {
                clave: [datos["me_gusta"], datos["no_me_gusta"]] for clave, datos in por_clave.items()
            },
        }
    )
    return _privada(guardar_token(request, respuesta))


@require_safe
@never_cache
def confirmar_reaccion(request):
    """Sin JavaScript: «¿Confirmas tu Me gusta en …?» con el formulario POST y su token CSRF."""
    objetivo = objetivo_de_la_peticion(request.GET)
    destino = _siguiente(request, request.GET, objetivo.get_absolute_url(), objetivo.clave)
    if not AjusteParticipacion.del_proceso(objetivo.proceso).recibe_participacion:
        return _cerrada(request, destino)
    form = ReaccionForm(request.GET)
    if not form.is_valid():
        messages.error(request, form.errors["valor"][0])
        return redirect(destino)
    token = emitir_token(request)
    if token is None:
        return _sin_tokens_disponibles(request, destino)
    mia = Reaccion.objects.filter(token=token, **objetivo.filtro).values_list("valor", flat=True).first()
    valor = form.valor_elegido()
    if valor is not None and valor == mia:
        valor = None  # ya la tenía: lo que se ofrece es retirarla
    elif valor is None and mia is None:
        messages.info(request, _("No tienes una reacción que retirar en esta propuesta."))
        return guardar_token(request, redirect(destino))
    contexto = {
        "objetivo": objetivo,
        "valor": valor or "retirar",
        "etiqueta": Valor(valor).label if valor else Valor(mia).label if mia else "",
        "mia": mia,
        "siguiente": destino.split("#")[0],
        "destino": destino,
    }
    return guardar_token(request, render(request, "participacion/confirmar_reaccion.html", contexto))


def _comentario_publicado(pk):
    return get_object_or_404(
        Comentario.objects.publicados().select_related(
            "propuesta__plataforma__proceso", "cuestionario__persona", "cuestionario__proceso"
        ),
        pk=pk,
    )


def _objetivo_del_comentario(comentario):
    return Objetivo(
        propuesta=comentario.propuesta, cuestionario=comentario.cuestionario, cual=comentario.cual
    )


@require_safe
@never_cache
def confirmar_reporte(request, pk):
    """Sin JavaScript: «¿Reportar este comentario?» con el formulario POST y su token CSRF."""
    comentario = _comentario_publicado(pk)
    objetivo = _objetivo_del_comentario(comentario)
    destino = _siguiente(request, request.GET, objetivo.get_absolute_url(), f"comentario-{comentario.pk}")
    if emitir_token(request) is None:
        return _sin_tokens_disponibles(request, destino)
    contexto = {
        "comentario": comentario,
        "objetivo": objetivo,
        "siguiente": destino.split("#")[0],
        "destino": destino,
    }
    return guardar_token(request, render(request, "participacion/confirmar_reporte.html", contexto))


@require_safe
@never_cache
def escribir_comentario(request):
    """Sin JavaScript: el formulario de comentario con su marca y su token CSRF."""
    objetivo = objetivo_de_la_peticion(request.GET)
    destino = _siguiente(request, request.GET, objetivo.get_absolute_url(), "comentarios")
    if not AjusteParticipacion.del_proceso(objetivo.proceso).recibe_participacion:
        return _cerrada(request, destino)
    if emitir_token(request) is None:
        return _sin_tokens_disponibles(request, destino)
    contexto = {
        "form": ComentarioForm(con_marca=True),
        "objetivo": objetivo,
        "siguiente": destino.split("#")[0],
        "destino": destino,
        "con_error": False,
    }
    return guardar_token(request, render(request, "participacion/comentar.html", contexto))


@require_safe
@pagina_publica_en_cache()
def reglas(request):
    """Página pública: cómo contamos reacciones, comentarios y reportes (issue 16)."""
    horas = settings.PARTICIPACION_VENTANA_POR_IP_Y_OBJETO // 3600
    contexto = {
        "tope": settings.PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO,
        "horas": horas,
        "tokens": settings.PARTICIPACION_TOKENS_POR_IP,
        "minutos_tokens": settings.PARTICIPACION_VENTANA_TOKENS // 60,
        "por_minuto": settings.PARTICIPACION_LIMITE_POR_MINUTO,
        "segundos_minimos": settings.PARTICIPACION_SEGUNDOS_MINIMOS,
        "k": AjusteParticipacion._meta.get_field("reportes_para_ocultar").default,
    }
    return render(request, "participacion/reglas.html", contexto)


# --- Escrituras ---------------------------------------------------------------------------------


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
    token = token_del_cliente(request)
    if token is None:
        return _sin_token(request, destino)
    valor = form.valor_elegido()
    resultado = reaccionar(token=token, objetivo=objetivo, valor=valor, ip=huella_del_cliente(request))
    if valor is None:
        mensaje = _("Retiramos tu reacción a «%(titulo)s».") % {"titulo": objetivo.titulo}
    else:
        mensaje = _("Guardamos tu «%(valor)s» en «%(titulo)s».") % {
            "valor": Valor(valor).label,
            "titulo": objetivo.titulo,
        }
    # Pasado el tope por IP la respuesta es la misma (issue 16): la reacción queda marcada y no suma.
    if _quiere_json(request):
        conteo = resultado.conteo
        return JsonResponse(
            {"me_gusta": conteo.me_gusta, "no_me_gusta": conteo.no_me_gusta, "mia": valor, "mensaje": mensaje}
        )
    messages.success(request, mensaje)
    return redirect(destino)


@require_POST
def comentar(request):
    """Recibe una idea o comentario. Con errores, muestra el formulario con lo escrito (400)."""
    if excede_limite(request):
        return _demasiadas(request)
    objetivo = objetivo_de_la_peticion(request.POST)
    destino = _destino(request, objetivo.get_absolute_url(), f"aviso-{objetivo.clave}")
    if not AjusteParticipacion.del_proceso(objetivo.proceso).recibe_participacion:
        return _cerrada(request, destino)
    form = ComentarioForm(request.POST)
    junto = etiqueta_junto_a(objetivo.clave)
    if form.es_robot:
        # Un robot llenó el campo invisible: no se guarda nada y no se le da pista.
        messages.success(request, _("Recibimos tu comentario."), extra_tags=junto)
        return redirect(destino)
    contexto = {
        "form": form,
        "objetivo": objetivo,
        "siguiente": request.POST.get("siguiente", ""),
        "destino": destino,
        "con_error": True,
    }
    token = token_del_cliente(request)
    if token is None:
        contexto["sin_token"] = True
        return render(request, "participacion/comentar.html", contexto, status=403)
    if not cache_compartida_disponible():
        # Sin la caché compartida el límite sólo contaría en este proceso: un comentario es texto
        # público, así que se pide reenviarlo en un momento, con lo escrito (docs/decisiones.md).
        contexto["sin_limitador"] = True
        respuesta = render(request, "participacion/comentar.html", contexto, status=503)
        respuesta["Retry-After"] = str(SEGUNDOS_PARA_REINTENTAR)
        return respuesta
    if not form.is_valid():
        return render(request, "participacion/comentar.html", contexto, status=400)
    try:
        comentario = recibir_comentario(
            token=token,
            objetivo=objetivo,
            texto=form.cleaned_data["texto"],
            nombre=form.cleaned_data["nombre"],
            motivo_revision=form.motivo_de_revision(),
            ip=huella_del_cliente(request),
            marca=form.numero_marca,
        )
    except MarcaUsada:
        form = ComentarioForm(request.POST)
        form.is_valid()  # ahora la marca ya está guardada: el formulario lo explica y la renueva
        contexto["form"] = form
        return render(request, "participacion/comentar.html", contexto, status=400)
    # La confirmación va junto al cuadro de comentarios, donde la persona mira (#aviso-<clave>), y no
    # arriba de la página, fuera de la vista (issue 14).
    if comentario.estado == Comentario.Estado.PUBLICADO:
        messages.success(request, _("Gracias. Tu comentario ya está publicado."), extra_tags=junto)
    else:
        messages.success(
            request,
            _("Gracias. Recibimos tu comentario; se publicará cuando el personal del IEEM lo revise."),
            extra_tags=junto,
        )
    return redirect(destino)


@require_POST
def reportar(request, pk):
    if excede_limite(request):
        return _demasiadas(request)
    comentario = _comentario_publicado(pk)
    objetivo = _objetivo_del_comentario(comentario)
    token = token_del_cliente(request)
    if token is None:
        return _sin_token(
            request, _destino(request, objetivo.get_absolute_url(), f"comentario-{comentario.pk}")
        )
    reportar_comentario(token=token, comentario=comentario, ip=huella_del_cliente(request))
    mensaje = _("Gracias por avisarnos. El personal del IEEM revisará ese comentario.")
    if _quiere_json(request):
        return JsonResponse({"mensaje": mensaje})
    # Junto al cuadro de comentarios de esa propuesta, a la vista (issue 14).
    messages.success(request, mensaje, extra_tags=etiqueta_junto_a(objetivo.clave))
    return redirect(_destino(request, objetivo.get_absolute_url(), f"aviso-{objetivo.clave}"))


# --- Descargas ----------------------------------------------------------------------------------


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
