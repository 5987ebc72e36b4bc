"""Área de captura (/captura/): tablero, aviso y consentimiento, cuestionarios, vista previa y envío;
y la validación por la representación del partido. Todas las páginas son `no-store`."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from candidaturas.models import Candidatura, DistritoLocal, Municipio, ProcesoElectoral
from comun.ganchos import bloques_del_tablero_de_representacion
from cuentas.services import cuenta_de
from cuestionarios import services, tablero_partido
from cuestionarios.avance import avance
from cuestionarios.forms import (
    ConsentimientoForm,
    CurricularForm,
    DevolucionForm,
    FiltroTableroPartidoForm,
    FotoForm,
    IdentidadForm,
)
from cuestionarios.models import (
    AvisoDePrivacidad,
    Consentimiento,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    Estado,
    Observacion,
    Pregunta,
    RespuestaIdentidad,
)


def area_de_captura(vista):
    """Sesión obligatoria y respuesta `no-store`.

    Sin sesión no se guarda nada (issue 12): ni una sesión nueva ni lo enviado. Un GET va al acceso
    (el «next» viaja en la URL). Un POST es alguien cuya sesión caducó a media captura (o un robot):
    recibe, en esta misma respuesta, lo que escribió para copiarlo y el enlace para volver a entrar."""

    @wraps(vista)
    def envoltura(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST":
                return _sesion_terminada(request)
            return redirect_to_login(request.get_full_path())
        return vista(request, *args, **kwargs)

    return never_cache(envoltura)


def _sesion_terminada(request):
    """403 con lo escrito en los campos de texto del cuestionario curricular (sólo en la respuesta)."""
    escrito = []
    for nombre, campo in CurricularForm.base_fields.items():
        valor = request.POST.get(nombre, "").strip()
        if valor and isinstance(campo, forms.CharField):
            escrito.append({"id": f"escrito-{nombre}", "etiqueta": campo.label, "valor": valor})
    contexto = {"escrito": escrito, "ruta": request.path}
    return render(request, "cuestionarios/sesion_terminada.html", contexto, status=403)


def _captura_propia(request, slug):
    """(persona, proceso, curricular, identidad) de la persona en sesión, o 404 si no le toca."""
    cuenta = cuenta_de(request.user)
    if cuenta is None or not cuenta.es_candidatura:
        raise Http404
    # `distinct`: quien compite dos veces en el proceso (MR y lista de RP) lo encontraría dos veces.
    proceso = get_object_or_404(
        ProcesoElectoral.objects.abiertos().select_related("plazo_de_captura").distinct(),
        slug=slug,
        elecciones__candidaturas__persona=cuenta.persona,
        elecciones__candidaturas__estado=Candidatura.Estado.REGISTRADA,
    )
    curricular, identidad = services.obtener_captura(cuenta.persona, proceso)
    curricular.proceso = proceso
    return cuenta.persona, proceso, curricular, identidad


def _consentimiento(persona, proceso):
    return Consentimiento.objects.filter(persona=persona, proceso=proceso).select_related("aviso").first()


def _por_atender(cuestionario):
    """Las observaciones por atender (del IEEM o de la representación), con quién las hizo."""
    return list(cuestionario.observaciones.filter(atendida=False).select_related("transicion"))


def _preguntas():
    return list(
        Pregunta.objects.filter(activa=True)
        .select_related("depende_de", "opcion_que_habilita")
        .prefetch_related("opciones")
    )


# --- Tablero ----------------------------------------------------------------------------------


@area_de_captura
def tablero(request):
    cuenta = cuenta_de(request.user)
    if cuenta is None:
        return render(request, "cuestionarios/tablero_sin_cuenta.html")
    if cuenta.es_representacion:
        return _tablero_de_partido(request, cuenta)
    candidaturas = list(services.candidaturas_en_captura(cuenta.persona))
    procesos = {}
    for candidatura in candidaturas:
        procesos.setdefault(candidatura.eleccion.proceso, []).append(candidatura)
    cuestionarios = {
        c.proceso_id: c
        for c in CuestionarioCurricular.objects.filter(
            persona=cuenta.persona, proceso__in=procesos
        ).prefetch_related(
            Prefetch(
                "observaciones",
                Observacion.objects.filter(atendida=False).select_related("transicion"),
                to_attr="por_atender",
            )
        )
    }
    consentimientos = {
        c.proceso_id: c for c in Consentimiento.objects.filter(persona=cuenta.persona, proceso__in=procesos)
    }
    contestadas = dict(
        CuestionarioIdentidad.objects.filter(persona=cuenta.persona, proceso__in=procesos)
        .annotate(n=Count("respuestas", filter=Q(respuestas__publicada=False)))
        .values_list("proceso_id", "n")
    )
    filas = [
        {
            "proceso": proceso,
            "candidaturas": lista,
            "cuestionario": cuestionarios.get(proceso.pk),
            "consentimiento": consentimientos.get(proceso.pk),
            "plazo": getattr(proceso, "plazo_de_captura", None),
            "avance": avance(
                consentimientos.get(proceso.pk), cuestionarios.get(proceso.pk), contestadas.get(proceso.pk, 0)
            ),
        }
        for proceso, lista in procesos.items()
    ]
    return render(request, "cuestionarios/tablero.html", {"persona": cuenta.persona, "filas": filas})


def _tablero_de_partido(request, cuenta):
    """Las candidaturas del actor con el estado de su captura: búsqueda, filtros, totales por estado
    y páginas de 50 (issue 13). Consultas fijas, sin importar cuántas filas haya."""
    formulario = FiltroTableroPartidoForm(
        request.GET,
        municipios=Municipio.objects.order_by("nombre"),
        distritos=DistritoLocal.objects.order_by("numero"),
    )
    todas = tablero_partido.candidaturas_del_tablero(cuenta.actor)
    procesos = list(
        ProcesoElectoral.objects.filter(
            elecciones__candidaturas__in=Candidatura.objects.vigentes().filter(actor=cuenta.actor),
            archivado=False,
        ).distinct()
    )
    contexto = {
        "actor": cuenta.actor,
        "formulario": formulario,
        "totales": tablero_partido.totales(todas),
        # Procesos en que compite el actor: de cada uno descarga su reporte de participación (P14).
        "bloques": bloques_del_tablero_de_representacion(actor=cuenta.actor, procesos=procesos),
    }
    # «Más filtros» abierto si alguno de ellos se usa o tiene un error.
    contexto["mas_filtros_activos"] = any(
        request.GET.get(campo) for campo in ("cargo", "municipio", "distrito")
    ) or (request.GET.get("orden") not in (None, "", tablero_partido.ORDEN_ESTADO))
    if not formulario.is_valid():
        return render(request, "cuestionarios/tablero_partido.html", contexto, status=400)
    filtradas = tablero_partido.filtrar(todas, formulario.cleaned_data).select_related(
        "persona", "eleccion__distrito_local", "eleccion__municipio"
    )
    pagina = Paginator(filtradas, tablero_partido.POR_PAGINA).get_page(request.GET.get("pagina"))
    contexto.update(
        {
            "pagina": pagina,
            "filas": [
                {
                    "candidatura": c,
                    "estado": c.estado_captura,
                    "etiqueta": tablero_partido.ETIQUETAS_DE_ESTADO[c.estado_captura],
                }
                for c in pagina.object_list
            ],
            "filtros_activos": formulario.activos,
            "estado_elegido": formulario.cleaned_data.get("estado") or "",
        }
    )
    return render(request, "cuestionarios/tablero_partido.html", contexto)


# --- Aviso y consentimiento (C2) --------------------------------------------------------------------


@area_de_captura
def aviso(request, proceso):
    persona, proceso, _curricular, _identidad = _captura_propia(request, proceso)
    aviso_vigente = AvisoDePrivacidad.objects.vigente()
    if aviso_vigente is None:
        raise Http404
    consentimiento = _consentimiento(persona, proceso)
    iniciales = {}
    if consentimiento:
        iniciales = {
            "tratamiento": consentimiento.autoriza_tratamiento,
            "publicacion": consentimiento.autoriza_publicacion,
            "estadistica": consentimiento.autoriza_estadistica,
        }
    formulario = ConsentimientoForm(request.POST or None, initial=iniciales)
    if request.method == "POST" and formulario.is_valid():
        services.registrar_consentimiento(
            persona=persona,
            proceso=proceso,
            aviso=aviso_vigente,
            tratamiento=formulario.cleaned_data["tratamiento"],
            publicacion=formulario.cleaned_data["publicacion"],
            estadistica=formulario.cleaned_data["estadistica"],
            usuario=request.user,
        )
        messages.success(request, _("Guardamos tus autorizaciones."))
        return redirect("cuestionarios:tablero")
    contexto = {
        "proceso": proceso,
        "aviso": aviso_vigente,
        "formulario": formulario,
        "consentimiento": consentimiento,
    }
    return render(request, "cuestionarios/aviso.html", contexto, status=400 if formulario.errors else 200)


def _exigir_consentimiento(persona, proceso):
    consentimiento = _consentimiento(persona, proceso)
    return consentimiento is not None and consentimiento.autoriza_tratamiento


# --- Cuestionario curricular (C3, C5) ----------------------------------------------------------------


@area_de_captura
def curricular(request, proceso):
    persona, proceso, cuestionario, _identidad = _captura_propia(request, proceso)
    if not _exigir_consentimiento(persona, proceso):
        messages.info(request, _("Antes de capturar, lee el aviso de privacidad y da tu autorización."))
        return redirect("cuestionarios:aviso", proceso=proceso.slug)
    editable = services.puede_editar(cuestionario)
    version = services.version_en_edicion(cuestionario)
    estado = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("Este cuestionario no se puede editar en su estado actual."))
        formulario = CurricularForm(request.POST, instance=version)
        if formulario.is_valid():
            datos = {campo: formulario.cleaned_data[campo] for campo in CurricularForm.Meta.fields}
            services.guardar_curricular(cuestionario=cuestionario, datos=datos, usuario=request.user)
            messages.success(request, _("Guardamos tu cuestionario curricular."))
            if request.POST.get("siguiente") == "vista_previa":
                return redirect("cuestionarios:vista_previa", proceso=proceso.slug)
            return redirect("cuestionarios:curricular", proceso=proceso.slug)
        services.guardar_texto_sin_validar(cuestionario, request.POST)
        estado = 400
    else:
        formulario = CurricularForm(instance=version, initial=cuestionario.borrador or None)
        if cuestionario.borrador:
            messages.info(
                request, _("Recuperamos el texto que escribiste la última vez; aún no está guardado.")
            )
    contexto = {
        "proceso": proceso,
        "cuestionario": cuestionario,
        "version": version,
        "formulario": formulario,
        "formulario_foto": FotoForm(),
        "editable": editable,
        "observaciones": _por_atender(cuestionario),
    }
    return render(request, "cuestionarios/curricular.html", contexto, status=estado)


@area_de_captura
@require_POST
def foto(request, proceso):
    persona, proceso, cuestionario, _identidad = _captura_propia(request, proceso)
    if not _exigir_consentimiento(persona, proceso):
        return redirect("cuestionarios:aviso", proceso=proceso.slug)
    if not services.puede_editar(cuestionario):
        raise PermissionDenied(_("Este cuestionario no se puede editar en su estado actual."))
    if any(campo in request.POST for campo in services.CAMPOS_EDITABLES):
        # El botón de la foto envía también lo escrito en el cuestionario: se guarda como borrador
        # antes de subirla, así nada de lo escrito se pierde (issue 14).
        services.guardar_texto_sin_validar(cuestionario, request.POST)
    formulario = FotoForm(request.POST, request.FILES)
    if formulario.is_valid():
        services.guardar_foto(
            cuestionario=cuestionario, archivo=formulario.cleaned_data["foto"], usuario=request.user
        )
        messages.success(
            request,
            _(
                "Guardamos tu fotografía. Lo que escribiste sigue aquí como borrador: "
                "guárdalo cuando termines."
            ),
        )
        return redirect("cuestionarios:curricular", proceso=proceso.slug)
    version = services.version_en_edicion(cuestionario)
    contexto = {
        "proceso": proceso,
        "cuestionario": cuestionario,
        "version": version,
        "formulario": CurricularForm(instance=version, initial=cuestionario.borrador or None),
        "formulario_foto": formulario,
        "editable": True,
        "observaciones": _por_atender(cuestionario),
    }
    return render(request, "cuestionarios/curricular.html", contexto, status=400)


# --- Cuestionario de identidad (C4) ------------------------------------------------------------------


@area_de_captura
def identidad(request, proceso):
    persona, proceso, cuestionario, identidad = _captura_propia(request, proceso)
    if not _exigir_consentimiento(persona, proceso):
        messages.info(request, _("Antes de capturar, lee el aviso de privacidad y da tu autorización."))
        return redirect("cuestionarios:aviso", proceso=proceso.slug)
    preguntas = _preguntas()
    editable = services.puede_editar(cuestionario)
    estado = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("Este cuestionario no se puede editar en su estado actual."))
        formulario = IdentidadForm(request.POST, preguntas=preguntas)
        if formulario.is_valid():
            services.guardar_identidad(
                identidad=identidad,
                respuestas=formulario.respuestas,
                usuario=request.user,
                curricular=cuestionario,
            )
            messages.success(request, _("Guardamos tus respuestas."))
            if request.POST.get("siguiente") == "vista_previa":
                return redirect("cuestionarios:vista_previa", proceso=proceso.slug)
            return redirect("cuestionarios:identidad", proceso=proceso.slug)
        estado = 400
    else:
        guardadas = RespuestaIdentidad.objects.en_captura().filter(cuestionario=identidad).con_catalogo()
        formulario = IdentidadForm(initial=IdentidadForm.iniciales(guardadas), preguntas=preguntas)
    contexto = {
        "proceso": proceso,
        "cuestionario": cuestionario,
        "formulario": formulario,
        "editable": editable,
        "consentimiento": _consentimiento(persona, proceso),
        "observaciones": _por_atender(cuestionario),
    }
    return render(request, "cuestionarios/identidad.html", contexto, status=estado)


def _como_querydict(datos):
    from django.http import QueryDict

    consulta = QueryDict(mutable=True)
    for clave, valores in datos.items():
        consulta.setlist(clave, valores)
    return consulta


# --- Vista previa y envío ----------------------------------------------------------------------------


def _revisar_completo(cuestionario, identidad, preguntas):
    """Valida lo guardado con las reglas completas; devuelve (formulario curricular, de identidad)."""
    version = services.version_en_edicion(cuestionario)
    datos = model_to_dict(version, fields=CurricularForm.Meta.fields)
    datos = {k: ("" if v is None else v) for k, v in datos.items()}
    formulario = CurricularForm(datos, instance=version, completo=True)
    formulario.is_valid()
    guardadas = RespuestaIdentidad.objects.en_captura().filter(cuestionario=identidad).con_catalogo()
    formulario_identidad = IdentidadForm(
        _como_querydict(
            {k: v if isinstance(v, list) else [v] for k, v in IdentidadForm.iniciales(guardadas).items()}
        ),
        preguntas=preguntas,
        completo=True,
    )
    formulario_identidad.is_valid()
    return version, formulario, formulario_identidad


def _contexto_vista_previa(usuario, persona, proceso, cuestionario, identidad):
    preguntas = _preguntas()
    version, formulario, formulario_identidad = _revisar_completo(cuestionario, identidad, preguntas)
    respuestas = (
        RespuestaIdentidad.objects.en_captura()
        .filter(cuestionario=identidad)
        .con_catalogo()
        .order_by("pregunta__numero", "pk")  # agrupadas por pregunta: P6 y P19 tienen varias respuestas
    )
    return {
        "persona": persona,
        "proceso": proceso,
        "cuestionario": cuestionario,
        "version": version,
        "respuestas": respuestas,
        "errores_curricular": formulario.errors,
        "formulario_curricular": formulario,
        "errores_identidad": formulario_identidad.errors,
        "formulario_identidad": formulario_identidad,
        "consentimiento": _consentimiento(persona, proceso),
        "puede_enviar": services.puede_mover(usuario, cuestionario, "enviar")
        or services.puede_mover(usuario, cuestionario, "enviar_correccion"),
    }


@area_de_captura
def vista_previa(request, proceso):
    persona, proceso, cuestionario, identidad = _captura_propia(request, proceso)
    if not _exigir_consentimiento(persona, proceso):
        return redirect("cuestionarios:aviso", proceso=proceso.slug)
    return render(
        request,
        "cuestionarios/vista_previa.html",
        _contexto_vista_previa(request.user, persona, proceso, cuestionario, identidad),
    )


@area_de_captura
@require_POST
def enviar(request, proceso):
    persona, proceso, cuestionario, identidad = _captura_propia(request, proceso)
    if not _exigir_consentimiento(persona, proceso):
        return redirect("cuestionarios:aviso", proceso=proceso.slug)
    contexto = _contexto_vista_previa(request.user, persona, proceso, cuestionario, identidad)
    if contexto["errores_curricular"] or contexto["errores_identidad"]:
        messages.error(request, _("Todavía no puedes enviar: corrige lo que se señala abajo."))
        return render(request, "cuestionarios/vista_previa.html", contexto, status=400)
    movimiento = "enviar_correccion" if cuestionario.estado == Estado.CON_OBSERVACIONES else "enviar"
    services.mover(cuestionario=cuestionario, movimiento=movimiento, usuario=request.user)
    messages.success(request, _("Enviamos tu captura. Te avisaremos por correo si hay observaciones."))
    return redirect("cuestionarios:tablero")


# --- Representación de partido (C6) -------------------------------------------------------------------


def _captura_del_partido(request, pk):
    cuenta = cuenta_de(request.user)
    if cuenta is None or not cuenta.es_representacion:
        raise Http404
    cuestionario = get_object_or_404(
        CuestionarioCurricular.objects.select_related("persona", "proceso").filter(proceso__archivado=False),
        pk=pk,
    )
    if cuenta.actor_id not in services.actores_de(cuestionario):
        raise Http404
    return cuenta, cuestionario


def _quien(usuario):
    """Quién hizo un movimiento, como lo lee la representación (sin nombres del personal)."""
    if usuario is None:
        return _("Una cuenta que ya no existe")
    cuenta = getattr(usuario, "cuenta_de_captura", None)
    if cuenta is not None and cuenta.persona_id:
        return cuenta.persona.nombre_completo
    if cuenta is not None and cuenta.actor_id:
        return _("Representación de %(actor)s") % {"actor": cuenta.actor.siglas}
    return _("Personal del IEEM")


def _contexto_de_partido(request, cuenta, cuestionario, devolucion=None):
    return {
        "actor": cuenta.actor,
        "cuestionario": cuestionario,
        "persona": cuestionario.persona,
        "proceso": cuestionario.proceso,
        "version": services.version_en_edicion(cuestionario),
        "puede_validar": services.puede_mover(request.user, cuestionario, "validar"),
        "puede_devolver": services.puede_mover(request.user, cuestionario, "devolver"),
        "devolucion": devolucion or DevolucionForm(),
        "historial": [
            {"transicion": t, "quien": _quien(t.usuario)}
            for t in cuestionario.transiciones.select_related(
                "usuario__cuenta_de_captura__persona", "usuario__cuenta_de_captura__actor"
            )
        ],
        "por_atender": _por_atender(cuestionario),
    }


@area_de_captura
def partido_captura(request, pk):
    cuenta, cuestionario = _captura_del_partido(request, pk)
    return render(
        request, "cuestionarios/partido_captura.html", _contexto_de_partido(request, cuenta, cuestionario)
    )


@area_de_captura
@require_POST
def partido_validar(request, pk):
    _cuenta, cuestionario = _captura_del_partido(request, pk)
    services.mover(
        cuestionario=cuestionario,
        movimiento="validar",
        usuario=request.user,
        comentario=request.POST.get("comentario", "").replace("\x00", "")[:2000],
    )
    messages.success(request, _("Validaste la captura. Pasa a revisión del IEEM."))
    return redirect("cuestionarios:tablero")


@area_de_captura
@require_POST
def partido_devolver(request, pk):
    """«Devolver con observaciones»: la captura vuelve a la persona con las razones de la
    representación. Sin razones, la misma página con el mensaje y lo escrito (400)."""
    cuenta, cuestionario = _captura_del_partido(request, pk)
    if not services.puede_mover(request.user, cuestionario, "devolver"):
        raise PermissionDenied(_("Sólo puedes devolver una captura que la persona envió y aún no validas."))
    formulario = DevolucionForm(request.POST)
    if not formulario.is_valid():
        contexto = _contexto_de_partido(request, cuenta, cuestionario, devolucion=formulario)
        return render(request, "cuestionarios/partido_captura.html", contexto, status=400)
    services.devolver_con_observaciones(
        cuestionario=cuestionario,
        usuario=request.user,
        parte=formulario.cleaned_data["parte"],
        razones=formulario.cleaned_data["razones"],
    )
    messages.success(
        request,
        _("Devolviste la captura de %(nombre)s con tus observaciones: la verá en su área de captura.")
        % {"nombre": cuestionario.persona.nombre_completo},
    )
    return redirect("cuestionarios:tablero")
