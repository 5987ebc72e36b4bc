"""Admin de Conóceles: cola de revisión, observaciones, publicación, aviso, consentimientos y catálogo.
Las cuentas e invitaciones están en `cuentas/admin.py`.

Las respuestas de identidad nunca aparecen en listados: sólo en la ficha de cada cuestionario de
identidad, para quien tiene el permiso de verlas.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from comun.admin import SoloLecturaMixin
from cuestionarios import services, tareas
from cuestionarios.forms import NotaDeRevisionForm, ObservacionFormSet
from cuestionarios.models import (
    AvisoDePrivacidad,
    Consentimiento,
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

    # Acciones masivas: la lógica (en el acto con pocos, en la cola con muchos, issue 12) vive en
    # cuestionarios/tareas.py.
    def _mover_varios(self, request, queryset, movimiento):
        url = reverse("admin:cuestionarios_cuestionariocurricular_changelist")
        return tareas.mover_en_bloque(self, request, queryset, movimiento, url)

    @admin.action(description=_("Pasar a revisión"), permissions=["revisar"])
    def pasar_a_revision(self, request, queryset):
        return self._mover_varios(request, queryset, "revisar")

    @admin.action(description=_("Publicar"), permissions=["publicar"])
    def publicar(self, request, queryset):
        return self._mover_varios(request, queryset, "publicar")

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
