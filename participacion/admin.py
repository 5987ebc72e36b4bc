import tempfile
import zipfile

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import ActorPolitico
from comun.admin import BusquedaSinAcentosMixin
from comun.exportar import escribir_xlsx
from participacion import patrones, reportes
from participacion.models import AjusteParticipacion, Comentario, Conteo, Reaccion
from participacion.services import moderar_comentarios


@admin.register(AjusteParticipacion)
class AjusteParticipacionAdmin(admin.ModelAdmin):
    list_display = ["proceso", "moderacion", "reportes_para_ocultar", "recibe_participacion"]
    list_select_related = ["proceso"]
    actions = ["descargar_reportes"]

    @admin.action(
        description=gettext_lazy("Descargar los reportes de participación de cada actor (ZIP de XLSX)")
    )
    def descargar_reportes(self, request, queryset):
        """Un XLSX por actor político con plataforma o candidaturas en el proceso, para entregarlo."""
        if not request.user.has_perm("participacion.descargar_reportes"):
            raise PermissionDenied
        if queryset.count() != 1:
            self.message_user(request, _("Elige un solo proceso."), messages.ERROR)
            return None
        proceso = queryset.get().proceso
        actores = ActorPolitico.objects.filter(
            Q(plataformas__proceso=proceso) | Q(candidaturas__eleccion__proceso=proceso)
        ).distinct()
        temporal = tempfile.TemporaryFile(suffix=".zip")  # noqa: SIM115 (FileResponse lo cierra)
        with zipfile.ZipFile(temporal, "w", zipfile.ZIP_DEFLATED) as archivo:
            for actor in actores.order_by("orden", "siglas"):
                with tempfile.TemporaryFile() as xlsx:
                    escribir_xlsx(xlsx, reportes.hojas_del_reporte(proceso, actor))
                    xlsx.seek(0)
                    archivo.writestr(reportes.nombre_de_archivo(proceso, actor), xlsx.read())
        temporal.seek(0)
        return FileResponse(temporal, as_attachment=True, filename=f"participacion-{proceso.slug}.zip")


class ConReportesFilter(admin.SimpleListFilter):
    """La cola de reportes: comentarios con algún reporte (los que no llegaron a K conexiones
    distintas siguen publicados y esperan aquí la revisión del personal)."""

    title = gettext_lazy("reportes")
    parameter_name = "reportes"

    def lookups(self, request, model_admin):
        return [("con", gettext_lazy("Con reportes"))]

    def queryset(self, request, queryset):
        if self.value() == "con":
            return queryset.filter(numero_reportes__gt=0)
        return queryset


@admin.register(Comentario)
class ComentarioAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    """Cola de moderación: el texto se muestra siempre escapado (format_html / plantilla del admin)."""

    list_display = [
        "texto_corto",
        "estado",
        "objetivo",
        "nombre",
        "creado",
        "numero_reportes",
        "motivo_revision",
    ]
    list_filter = [ConReportesFilter, "estado", "creado", "propuesta__plataforma__proceso"]
    search_fields = ["texto", "nombre"]
    date_hierarchy = "creado"
    actions = ["publicar", "rechazar"]
    readonly_fields = [
        "propuesta",
        "cuestionario",
        "cual",
        "texto",
        "nombre",
        "token",
        "ip",
        "creado",
        "revisado_en",
        "revisado_por",
        "motivo_revision",
    ]
    fields = readonly_fields + ["estado"]

    def get_queryset(self, request):
        return super().get_queryset(request).para_moderacion().con_numero_de_reportes()

    def has_add_permission(self, request):
        return False

    @admin.display(description=gettext_lazy("comentario"))
    def texto_corto(self, comentario):
        return format_html("{}", comentario.texto[:120])

    @admin.display(description=gettext_lazy("sobre"))
    def objetivo(self, comentario):
        if comentario.propuesta_id:
            return f"{comentario.propuesta.plataforma.actor.siglas} · {comentario.propuesta.titulo}"
        return f"{comentario.cuestionario.persona} · {comentario.get_cual_display()}"

    @admin.display(description=gettext_lazy("reportes"), ordering="numero_reportes")
    def numero_reportes(self, comentario):
        return comentario.numero_reportes

    @admin.action(description=gettext_lazy("Publicar los comentarios seleccionados"), permissions=["change"])
    def publicar(self, request, queryset):
        n = moderar_comentarios(
            comentarios=queryset, estado=Comentario.Estado.PUBLICADO, usuario=request.user
        )
        self.message_user(request, _("Se publicaron %(n)s comentarios.") % {"n": n}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Rechazar los comentarios seleccionados"), permissions=["change"])
    def rechazar(self, request, queryset):
        n = moderar_comentarios(
            comentarios=queryset, estado=Comentario.Estado.RECHAZADO, usuario=request.user
        )
        self.message_user(request, _("Se rechazaron %(n)s comentarios.") % {"n": n}, messages.SUCCESS)


@admin.register(Conteo)
class ConteoAdmin(admin.ModelAdmin):
    list_display = ["__str__", "me_gusta", "no_me_gusta"]
    list_select_related = ["propuesta", "cuestionario"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reaccion)
class ReaccionAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    """Sólo lectura: cada reacción con su huella de IP (nunca la IP) y si contó. La página
    «Patrones raros» (`patrones/`) junta lo que el personal debe mirar (issue 16)."""

    list_display = ["creada", "valor", "objetivo", "contada", "huella"]
    list_filter = ["contada", "valor", "creada"]
    list_select_related = ["propuesta__plataforma__actor", "cuestionario__persona"]
    search_fields = ["ip"]
    date_hierarchy = "creada"
    change_list_template = "admin/participacion/reaccion/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("sobre"))
    def objetivo(self, reaccion):
        if reaccion.propuesta_id:
            return f"{reaccion.propuesta.plataforma.actor.siglas} · {reaccion.propuesta.titulo}"
        return f"{reaccion.cuestionario.persona} · {reaccion.get_cual_display()}"

    @admin.display(description=gettext_lazy("huella de la IP"))
    def huella(self, reaccion):
        return reaccion.ip[:12]

    def get_urls(self):
        propias = [
            path(
                "patrones/",
                self.admin_site.admin_view(self.patrones_view),
                name="participacion_reaccion_patrones",
            )
        ]
        return propias + super().get_urls()

    def patrones_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        contexto = {
            **self.admin_site.each_context(request),
            "title": _("Patrones raros de participación"),
            "opts": self.model._meta,
            **patrones.patrones(),
        }
        return TemplateResponse(request, "admin/participacion/patrones.html", contexto)
