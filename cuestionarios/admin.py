"""Admin de Conóceles: cola de revisión, observaciones, publicación, aviso, consentimientos y catálogo.
Las cuentas e invitaciones están en `cuentas/admin.py`.

Las respuestas de identidad nunca aparecen en listados: sólo en la ficha de cada cuestionario de
identidad, para quien tiene el permiso de verlas.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from comun.admin import BusquedaSinAcentosMixin, SoloLecturaMixin
from cuentas.services import nombre_y_rol
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
from cuestionarios.revision import cambios_legibles, contenido_por_parte, etiqueta_de_campo, valor_legible

# --- Cola de revisión ------------------------------------------------------------------------------

# Los movimientos del personal que la ficha ofrece como botones (el de observar lleva a su formulario).
MOVIMIENTOS_DE_LA_FICHA = [
    ("revisar", _("Pasar a revisión")),
    ("observar", _("Hacer observaciones")),
    ("publicar", _("Publicar")),
]


def _con_quien(queryset):
    """Lo que pinta `nombre_y_rol` para cada fila, en consultas fijas."""
    return queryset.select_related(
        "usuario__cuenta_de_captura__persona", "usuario__cuenta_de_captura__actor"
    ).prefetch_related("usuario__groups")


class TransicionInline(admin.StackedInline):
    """Apiladas y no en tabla: en un teléfono la tabla desbordaba su caja (axe: región desplazable
    sin foco) y cada movimiento se lee mejor con sus etiquetas."""

    model = Transicion
    fields = ["fecha", "desde", "hacia", "quien", "comentario"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return _con_quien(super().get_queryset(request))

    @admin.display(description=_("quién"))
    def quien(self, obj):
        return nombre_y_rol(obj.usuario)


class ObservacionInline(admin.StackedInline):
    model = Observacion
    fields = ["parte", "supuesto", "texto", "atendida"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CuestionarioCurricular)
class CuestionarioCurricularAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
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
            (etiqueta_de_campo(campo), valor_legible(campo, getattr(version, campo)) or "—")
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
        registros = _con_quien(
            RegistroDeCambio.objects.filter(persona=obj.persona_id, proceso=obj.proceso_id)
        )[:50]
        if not registros:
            return "—"
        return render_to_string(
            "cuestionarios/_admin_historial.html", {"cambios": cambios_legibles(registros)}
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/observar/", self.admin_site.admin_view(self.observar), name="cuestionarios_observar"
            ),
            path(
                "<int:pk>/mover/<slug:movimiento>/",
                self.admin_site.admin_view(self.mover_desde_la_ficha),
                name="cuestionarios_mover",
            ),
            *super().get_urls(),
        ]

    def movimientos_de_la_ficha(self, request, cuestionario):
        """Los movimientos del personal con su botón, o con la razón exacta de por qué no se puede."""
        return [
            {
                "movimiento": movimiento,
                "etiqueta": etiqueta,
                "razon": services.razon_para_no_mover(request.user, cuestionario, movimiento),
                "url": reverse(
                    "admin:cuestionarios_observar"
                    if movimiento == "observar"
                    else "admin:cuestionarios_mover",
                    args=[cuestionario.pk] if movimiento == "observar" else [cuestionario.pk, movimiento],
                ),
            }
            for movimiento, etiqueta in MOVIMIENTOS_DE_LA_FICHA
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        cuestionario = self.get_object(request, unquote(object_id))
        if cuestionario is not None:
            extra_context = {
                **(extra_context or {}),
                "movimientos": self.movimientos_de_la_ficha(request, cuestionario),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def mover_desde_la_ficha(self, request, pk, movimiento):
        """POST de un botón de la ficha («Pasar a revisión», «Publicar»): mueve o dice por qué no."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if movimiento not in dict(MOVIMIENTOS_DE_LA_FICHA) or movimiento == "observar":
            raise Http404
        cuestionario = get_object_or_404(CuestionarioCurricular.objects.para_revision(), pk=pk)
        if not self.has_view_permission(request, cuestionario):
            raise PermissionDenied
        razon = services.razon_para_no_mover(request.user, cuestionario, movimiento)
        if razon is None:
            try:
                services.mover(cuestionario=cuestionario, movimiento=movimiento, usuario=request.user)
            except PermissionDenied:
                # Otra persona lo movió entre la lectura y el candado: se dice el estado de ahora.
                cuestionario.refresh_from_db()
                razon = services.razon_para_no_mover(request.user, cuestionario, movimiento)
        if razon is None:
            messages.success(
                request,
                _g("%(persona)s: la captura quedó en estado %(estado)s.")
                % {"persona": cuestionario.persona, "estado": cuestionario.get_estado_display()},
            )
        else:
            messages.error(
                request,
                _g("No se hizo «%(movimiento)s»: %(razon)s")
                % {"movimiento": dict(MOVIMIENTOS_DE_LA_FICHA)[movimiento], "razon": razon},
            )
        return redirect("admin:cuestionarios_cuestionariocurricular_change", pk)

    def observar(self, request, pk):
        cuestionario = get_object_or_404(CuestionarioCurricular.objects.para_revision(), pk=pk)
        if not request.user.has_perm("cuestionarios.revisar_cuestionario"):
            raise PermissionDenied
        razon = services.razon_para_no_mover(request.user, cuestionario, "observar")
        if razon is not None:
            messages.error(request, _g("No se pueden hacer observaciones: %(razon)s") % {"razon": razon})
            return redirect("admin:cuestionarios_cuestionariocurricular_change", pk)
        conjunto = ObservacionFormSet(request.POST or None, prefix="obs")
        comentario = NotaDeRevisionForm(request.POST or None)
        if request.method == "POST" and "agregar" in request.POST:
            conjunto = conjunto.con_una_mas()
        elif request.method == "POST" and conjunto.is_valid() and comentario.is_valid():
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
        version = services.version_en_edicion(cuestionario)
        contexto = {
            **self.admin_site.each_context(request),
            "title": _g("Observaciones a %(persona)s") % {"persona": cuestionario.persona},
            "cuestionario": cuestionario,
            "conjunto": conjunto,
            "comentario": comentario,
            "partes": contenido_por_parte(version),
            "opts": self.model._meta,
            "original": cuestionario,
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
class CuestionarioIdentidadAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
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
class RegistroDeCambioAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["fecha", "persona", "proceso", "cuestionario", "que_cambio", "quien"]
    list_filter = ["cuestionario", "proceso"]
    list_select_related = ["persona", "proceso"]
    search_fields = ["persona__nombre_normalizado"]
    readonly_fields = ["fecha", "persona", "proceso", "cuestionario", "quien", "cambios"]
    fields = readonly_fields

    def get_queryset(self, request):
        return _con_quien(super().get_queryset(request))

    @admin.display(description=_("quién"))
    def quien(self, obj):
        return nombre_y_rol(obj.usuario)

    @admin.display(description=_("qué cambió"))
    def que_cambio(self, obj):
        return ", ".join(fila.campo for fila in cambios_legibles([obj]))

    @admin.display(description=_("valor anterior → valor nuevo"))
    def cambios(self, obj):
        return render_to_string("cuestionarios/_admin_historial.html", {"cambios": cambios_legibles([obj])})


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
class ConsentimientoAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
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
