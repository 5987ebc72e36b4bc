"""Admin de Conóceles: cola de revisión, observaciones, publicación, cuentas e invitaciones, catálogo.

Las respuestas de identidad nunca aparecen en listados: sólo en la ficha de cada cuestionario de
identidad, para quien tiene el permiso de verlas.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from candidaturas.models import ActorPolitico
from comun.admin import SoloLecturaMixin
from cuestionarios import services
from cuestionarios.forms import NotaDeRevisionForm, ObservacionFormSet
from cuestionarios.models import (
    AvisoDePrivacidad,
    CandidaturaParaInvitar,
    Consentimiento,
    CuentaDeCaptura,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    EventoDeConsentimiento,
    Observacion,
    Opcion,
    PlazoDeCaptura,
    Pregunta,
    RegistroDeCambio,
    Transicion,
)

# --- Cola de revisión ------------------------------------------------------------------------------


class TransicionInline(admin.TabularInline):
    model = Transicion
    fields = ["fecha", "desde", "hacia", "usuario", "comentario"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ObservacionInline(admin.TabularInline):
    model = Observacion
    fields = ["parte", "supuesto", "texto", "atendida"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CuestionarioCurricular)
class CuestionarioCurricularAdmin(SoloLecturaMixin, admin.ModelAdmin):
    list_display = [
        "persona",
        "proceso",
        "estado",
        "enviado_en",
        "fin_del_plazo",
        "publicado_en",
        "pendientes",
    ]
    list_filter = ["estado", "proceso"]
    list_select_related = ["persona", "proceso", "proceso__plazo_de_captura"]
    search_fields = ["persona__nombre_normalizado"]
    ordering = [
        F("proceso__plazo_de_captura__fin").asc(nulls_last=True),
        F("enviado_en").asc(nulls_last=True),
    ]
    actions = ["pasar_a_revision", "publicar"]
    inlines = [ObservacionInline, TransicionInline]
    change_form_template = "cuestionarios/admin_cuestionario_change.html"
    readonly_fields = [
        "persona",
        "proceso",
        "estado",
        "vista_previa",
        "cambios_en_revision",
        "historial",
        "enviado_en",
        "publicado_en",
        "primera_publicacion_en",
    ]
    fields = readonly_fields

    @admin.display(description=_("fin del plazo"), ordering="proceso__plazo_de_captura__fin")
    def fin_del_plazo(self, obj):
        plazo = getattr(obj.proceso, "plazo_de_captura", None)
        return plazo.fin if plazo else "—"

    @admin.display(description=_("cambios sin publicar"), boolean=True)
    def pendientes(self, obj):
        return obj.tiene_cambios_pendientes

    @admin.display(description=_("contenido en revisión"))
    def vista_previa(self, obj):
        version = services.version_en_edicion(obj)
        filas = [
            (version._meta.get_field(campo).verbose_name, getattr(version, campo) or "—")
            for campo in services.CAMPOS_EDITABLES
        ]
        foto = (
            format_html('<p><a href="{}">{}</a></p>', version.foto.url, _g("Ver fotografía"))
            if version.foto
            else ""
        )
        return format_html(
            "{}<dl>{}</dl>", foto, format_html_join("", "<dt><strong>{}</strong></dt><dd>{}</dd>", filas)
        )

    @admin.display(description=_("cambios respecto a lo publicado"))
    def cambios_en_revision(self, obj):
        if not obj.tiene_cambios_pendientes:
            return "—"
        campos = [obj._meta.get_field(c).verbose_name for c in obj.pendiente]
        if obj.foto_pendiente:
            campos.append(_g("fotografía"))
        return ", ".join(str(c) for c in campos)

    @admin.display(description=_("historial de cambios"))
    def historial(self, obj):
        registros = RegistroDeCambio.objects.filter(
            persona=obj.persona_id, proceso=obj.proceso_id
        ).select_related("usuario")[:50]
        return (
            format_html_join(
                "",
                "<p>{} · {} · {} · {}</p>",
                (
                    (
                        r.fecha.strftime("%Y-%m-%d %H:%M"),
                        r.usuario or "—",
                        r.get_cuestionario_display(),
                        r.campos,
                    )
                    for r in registros
                ),
            )
            or "—"
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/observar/", self.admin_site.admin_view(self.observar), name="cuestionarios_observar"
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "url_observar": reverse("admin:cuestionarios_observar", args=[object_id]),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def observar(self, request, pk):
        cuestionario = get_object_or_404(
            CuestionarioCurricular.objects.select_related("persona", "proceso"), pk=pk
        )
        if not request.user.has_perm("cuestionarios.revisar_cuestionario"):
            raise PermissionDenied
        conjunto = ObservacionFormSet(request.POST or None, prefix="obs")
        comentario = NotaDeRevisionForm(request.POST or None)
        if request.method == "POST" and conjunto.is_valid() and comentario.is_valid():
            observaciones = [f.cleaned_data for f in conjunto.forms if f.cleaned_data]
            try:
                services.hacer_observaciones(
                    cuestionario=cuestionario,
                    usuario=request.user,
                    observaciones=observaciones,
                    comentario=comentario.cleaned_data["comentario"],
                )
            except PermissionDenied as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _g("Se enviaron las observaciones a la persona candidata."))
                return redirect("admin:cuestionarios_cuestionariocurricular_change", pk)
        contexto = {
            **self.admin_site.each_context(request),
            "title": _g("Observaciones a %(persona)s") % {"persona": cuestionario.persona},
            "cuestionario": cuestionario,
            "conjunto": conjunto,
            "comentario": comentario,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "cuestionarios/admin_observar.html", contexto)

    def _mover_varios(self, request, queryset, movimiento, hecho):
        movidos, rechazados = 0, 0
        for cuestionario in queryset:
            try:
                services.mover(cuestionario=cuestionario, movimiento=movimiento, usuario=request.user)
                movidos += 1
            except PermissionDenied:
                rechazados += 1
        if movidos:
            self.message_user(request, hecho % {"n": movidos}, messages.SUCCESS)
        if rechazados:
            self.message_user(
                request,
                _g("%(n)s no se movieron: su estado o tus permisos no lo permiten.") % {"n": rechazados},
                messages.WARNING,
            )

    @admin.action(description=_("Pasar a revisión"), permissions=["revisar"])
    def pasar_a_revision(self, request, queryset):
        self._mover_varios(request, queryset, "revisar", _g("%(n)s cuestionarios pasaron a revisión."))

    @admin.action(description=_("Publicar"), permissions=["publicar"])
    def publicar(self, request, queryset):
        self._mover_varios(request, queryset, "publicar", _g("%(n)s cuestionarios publicados."))

    def has_revisar_permission(self, request):
        return request.user.has_perm("cuestionarios.revisar_cuestionario")

    def has_publicar_permission(self, request):
        return request.user.has_perm("cuestionarios.publicar_cuestionario")


@admin.register(CuestionarioIdentidad)
class CuestionarioIdentidadAdmin(SoloLecturaMixin, admin.ModelAdmin):
    """Listado sin respuestas; la ficha las muestra a quien tiene permiso de ver."""

    list_display = ["persona", "proceso", "modificado_en", "publicado_en"]
    list_filter = ["proceso"]
    list_select_related = ["persona", "proceso"]
    search_fields = ["persona__nombre_normalizado"]
    readonly_fields = ["persona", "proceso", "modificado_en", "publicado_en", "respuestas_en_captura"]
    fields = readonly_fields

    @admin.display(description=_("respuestas en captura"))
    def respuestas_en_captura(self, obj):
        respuestas = obj.respuestas.en_captura().con_catalogo()
        return (
            format_html_join(
                "",
                "<p>{}. {}{}</p>",
                ((r.pregunta.numero, r.opcion.texto, f" ({r.texto})" if r.texto else "") for r in respuestas),
            )
            or "—"
        )


@admin.register(RegistroDeCambio)
class RegistroDeCambioAdmin(SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["fecha", "persona", "proceso", "cuestionario", "campos", "usuario"]
    list_filter = ["cuestionario", "proceso"]
    list_select_related = ["persona", "proceso", "usuario"]
    search_fields = ["persona__nombre_normalizado"]
    readonly_fields = ["fecha", "persona", "proceso", "cuestionario", "usuario", "campos", "detalle"]


# --- Aviso, consentimientos y plazos -------------------------------------------------------------------


@admin.register(AvisoDePrivacidad)
class AvisoDePrivacidadAdmin(admin.ModelAdmin):
    list_display = ["version", "titulo", "vigente_desde"]

    def get_readonly_fields(self, request, obj=None):
        # Una versión ya aceptada no se reescribe: se publica una nueva.
        return ["version", "titulo", "texto", "vigente_desde"] if obj and obj.consentimientos.exists() else []


class EventoInline(admin.TabularInline):
    model = EventoDeConsentimiento
    fields = ["fecha", "autorizacion", "otorgada", "aviso", "usuario"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Consentimiento)
class ConsentimientoAdmin(SoloLecturaMixin, admin.ModelAdmin):
    list_display = [
        "persona",
        "proceso",
        "aviso",
        "autoriza_tratamiento",
        "autoriza_publicacion",
        "autoriza_estadistica",
    ]
    list_filter = ["proceso", "autoriza_publicacion", "autoriza_estadistica"]
    list_select_related = ["persona", "proceso", "aviso"]
    search_fields = ["persona__nombre_normalizado"]
    inlines = [EventoInline]


@admin.register(PlazoDeCaptura)
class PlazoDeCapturaAdmin(admin.ModelAdmin):
    list_display = ["proceso", "inicio", "fin"]
    list_select_related = ["proceso"]


# --- Catálogo de identidad -------------------------------------------------------------------------


class OpcionInline(admin.TabularInline):
    model = Opcion
    fk_name = "pregunta"
    fields = ["orden", "clave", "texto", "padre", "pide_texto", "es_no_contesto"]
    extra = 0


@admin.register(Pregunta)
class PreguntaAdmin(admin.ModelAdmin):
    list_display = ["numero", "texto", "dimension", "tipo", "depende_de", "version", "activa"]
    list_select_related = ["depende_de"]
    readonly_fields = ["version"]
    inlines = [OpcionInline]

    def save_model(self, request, obj, form, change):
        # Cambiar la redacción crea una versión nueva; las respuestas guardan la que contestaron.
        if change and "texto" in form.changed_data:
            obj.version += 1
        super().save_model(request, obj, form, change)


# --- Cuentas e invitaciones (C1) --------------------------------------------------------------------


class NuevaRepresentacionForm(forms.Form):
    actor = forms.ModelChoiceField(queryset=ActorPolitico.objects.all(), label=_("Actor político"))
    correo = forms.EmailField(label=_("Correo electrónico de la representación"))
    nombre = forms.CharField(label=_("Nombre de la persona representante"), max_length=150, required=False)


@admin.register(CuentaDeCaptura)
class CuentaDeCapturaAdmin(admin.ModelAdmin):
    list_display = ["usuario", "correo", "persona", "actor", "invitacion_enviada_en"]
    list_select_related = ["usuario", "persona", "actor"]
    list_filter = [("actor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["usuario__email", "persona__nombre_normalizado", "actor__siglas"]
    readonly_fields = ["usuario", "persona", "actor", "invitacion_enviada_en", "creada_en"]
    actions = ["reenviar_invitacion"]
    change_list_template = "cuestionarios/admin_cuentas_changelist.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("correo"), ordering="usuario__email")
    def correo(self, obj):
        return obj.usuario.email

    @admin.action(description=_("Enviar o reenviar la invitación"), permissions=["invitar"])
    def reenviar_invitacion(self, request, queryset):
        for cuenta in queryset.select_related("usuario", "persona", "actor"):
            services.enviar_invitacion(cuenta)
        self.message_user(
            request, _g("Invitaciones enviadas: %(n)s.") % {"n": queryset.count()}, messages.SUCCESS
        )

    def has_invitar_permission(self, request):
        return request.user.has_perm("cuestionarios.add_cuentadecaptura")

    def get_urls(self):
        return [
            path(
                "nueva-representacion/",
                self.admin_site.admin_view(self.nueva_representacion),
                name="cuestionarios_nueva_representacion",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "url_nueva_representacion": reverse("admin:cuestionarios_nueva_representacion"),
        }
        return super().changelist_view(request, extra_context)

    def nueva_representacion(self, request):
        if not self.has_invitar_permission(request):
            raise PermissionDenied
        formulario = NuevaRepresentacionForm(request.POST or None)
        if request.method == "POST" and formulario.is_valid():
            try:
                cuenta = services.crear_cuenta_de_representacion(**formulario.cleaned_data)
            except ValueError as error:
                formulario.add_error("correo", str(error))
            else:
                services.enviar_invitacion(cuenta)
                messages.success(
                    request,
                    _g("Cuenta creada e invitación enviada a %(correo)s.") % {"correo": cuenta.usuario.email},
                )
                return redirect("admin:cuestionarios_cuentadecaptura_changelist")
        contexto = {
            **self.admin_site.each_context(request),
            "title": _g("Nueva cuenta de representación de partido"),
            "formulario": formulario,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "cuestionarios/admin_nueva_representacion.html", contexto)


@admin.register(CandidaturaParaInvitar)
class CandidaturaParaInvitarAdmin(SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["persona", "etiqueta_cargo", "actor", "eleccion", "tiene_correo", "tiene_cuenta"]
    list_filter = ["eleccion__proceso", "actor", "cargo", "calidad"]
    list_select_related = [
        "persona",
        "actor",
        "eleccion__proceso",
        "eleccion__distrito_local",
        "eleccion__municipio",
        "persona__cuenta_de_captura",
    ]
    search_fields = ["persona__nombre_normalizado"]
    actions = ["crear_cuentas_e_invitar"]

    def get_queryset(self, request):
        return super().get_queryset(request).vigentes()

    @admin.display(description=_("correo en el registro"), boolean=True)
    def tiene_correo(self, obj):
        return bool(obj.persona.correo)

    @admin.display(description=_("cuenta"), boolean=True)
    def tiene_cuenta(self, obj):
        return hasattr(obj.persona, "cuenta_de_captura")

    def has_invitar_permission(self, request):
        return request.user.has_perm("cuestionarios.add_cuentadecaptura")

    @admin.action(description=_("Crear cuentas y enviar invitaciones"), permissions=["invitar"])
    def crear_cuentas_e_invitar(self, request, queryset):
        resultado = services.crear_cuentas_de_personas(queryset)
        for cuenta in resultado["creadas"]:
            services.enviar_invitacion(cuenta)
        n = len(resultado["creadas"])
        self.message_user(
            request,
            ngettext(
                "Se creó %(n)s cuenta y se envió su invitación.",
                "Se crearon %(n)s cuentas y se enviaron sus invitaciones.",
                n,
            )
            % {"n": n},
            messages.SUCCESS,
        )
        for clave, mensaje in (
            ("sin_correo", _g("Sin correo en el registro (no se creó cuenta): %(nombres)s.")),
            ("correo_repetido", _g("Su correo ya lo usa otra cuenta (no se creó): %(nombres)s.")),
            (
                "ya_tenian",
                _g("Ya tenían cuenta (usa «Reenviar invitación» en Cuentas de captura): %(nombres)s."),
            ),
        ):
            if resultado[clave]:
                nombres = ", ".join(p.nombre_completo for p in resultado[clave])
                self.message_user(request, mensaje % {"nombres": nombres}, messages.WARNING)
