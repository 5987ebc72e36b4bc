from django.contrib import admin
from django.utils.translation import gettext_lazy
from import_export.admin import ImportMixin
from import_export.formats import base_formats

from comun import formatos
from comun.admin import BusquedaSinAcentosMixin
from comun.importacion import ArchivoPrivadoDeImportacion
from plataformas.forms import ConfirmarPropuestasForm, ImportarPropuestasForm
from plataformas.models import BloqueCompetitividad, PlataformaElectoral, Propuesta, Tema
from plataformas.resources import PropuestaResource


@admin.register(Tema)
class TemaAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["nombre", "slug", "orden"]
    list_editable = ["orden"]
    prepopulated_fields = {"slug": ["nombre"]}
    search_fields = ["nombre"]


class PropuestaEnLinea(admin.TabularInline):
    model = Propuesta
    extra = 1
    fields = ["orden", "tema", "titulo", "texto"]


@admin.register(PlataformaElectoral)
class PlataformaElectoralAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["actor", "tipo", "proceso", "publicada", "actualizada"]
    list_filter = ["proceso", "tipo", "publicada"]
    list_select_related = ["actor", "proceso"]
    search_fields = ["actor__siglas", "actor__nombre"]
    inlines = [PropuestaEnLinea]
    change_list_template = "admin/plataformas/plataformaelectoral/change_list.html"


@admin.register(Propuesta)
class PropuestaAdmin(BusquedaSinAcentosMixin, ImportMixin, admin.ModelAdmin):
    """Carga de propuestas desde CSV o XLSX con vista previa: todas o ninguna (docs/importacion.md)."""

    resource_classes = [PropuestaResource]
    import_formats = [formatos.CSV, base_formats.XLSX]  # CSV en UTF-8 o en la codificación de Windows
    import_form_class = ImportarPropuestasForm
    tmp_storage_class = ArchivoPrivadoDeImportacion  # carpeta privada, nombres aleatorios (issue 12)
    confirm_form_class = ConfirmarPropuestasForm
    list_display = ["titulo", "plataforma", "tema", "orden"]
    list_filter = ["plataforma__proceso", "plataforma__tipo", "tema"]
    list_select_related = ["plataforma__actor", "tema"]
    search_fields = ["titulo", "texto", "plataforma__actor__siglas"]
    autocomplete_fields = ["plataforma"]

    def has_import_permission(self, request):
        # Cargar propuestas puede crear plataformas: se piden ambos permisos de alta.
        return self.has_add_permission(request) and request.user.has_perm(
            "plataformas.add_plataformaelectoral"
        )

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        datos = getattr(form, "cleaned_data", None) or {}
        return {**super().get_import_resource_kwargs(request, **kwargs), "proceso": datos.get("proceso")}

    def get_confirm_form_initial(self, request, import_form):
        inicial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            inicial["proceso"] = import_form.cleaned_data["proceso"].pk
        return inicial


@admin.register(BloqueCompetitividad)
class BloqueCompetitividadAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["actor", "tipo", "nivel", "proceso", "lugares"]
    list_filter = ["proceso", "tipo", "nivel"]
    list_select_related = ["actor", "proceso"]
    search_fields = ["actor__siglas"]
    filter_horizontal = ["municipios", "distritos"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("municipios", "distritos")

    @admin.display(description=gettext_lazy("lugares"))
    def lugares(self, bloque):
        return len(bloque.municipios.all()) + len(bloque.distritos.all())
