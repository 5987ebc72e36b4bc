from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plataformas.forms import ImportarPropuestasForm
from plataformas.models import BloqueCompetitividad, PlataformaElectoral, Propuesta, Tema
from plataformas.services import importar_propuestas


@admin.register(Tema)
class TemaAdmin(admin.ModelAdmin):
    list_display = ["nombre", "slug", "orden"]
    list_editable = ["orden"]
    prepopulated_fields = {"slug": ["nombre"]}
    search_fields = ["nombre"]


class PropuestaEnLinea(admin.TabularInline):
    model = Propuesta
    extra = 1
    fields = ["orden", "tema", "titulo", "texto"]


@admin.register(PlataformaElectoral)
class PlataformaElectoralAdmin(admin.ModelAdmin):
    list_display = ["actor", "tipo", "proceso", "publicada", "actualizada"]
    list_filter = ["proceso", "tipo", "publicada"]
    list_select_related = ["actor", "proceso"]
    search_fields = ["actor__siglas", "actor__nombre"]
    inlines = [PropuestaEnLinea]
    change_list_template = "admin/plataformas/plataformaelectoral/change_list.html"

    def get_urls(self):
        propias = [
            path(
                "importar-propuestas/",
                self.admin_site.admin_view(self.importar_propuestas),
                name="plataformas_importar_propuestas",
            )
        ]
        return propias + super().get_urls()

    def importar_propuestas(self, request):
        """Carga de propuestas desde un XLSX: todas o ninguna, con los errores de cada fila."""
        if not (self.has_add_permission(request) and request.user.has_perm("plataformas.add_propuesta")):
            raise PermissionDenied
        form = ImportarPropuestasForm(request.POST or None, request.FILES or None)
        resultado = None
        if request.method == "POST" and form.is_valid():
            resultado = importar_propuestas(
                proceso=form.cleaned_data["proceso"], archivo=form.cleaned_data["archivo"]
            )
            if resultado.correcta:
                self.message_user(
                    request,
                    _("Se cargaron %(n)s propuestas.") % {"n": resultado.creadas},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:plataformas_plataformaelectoral_changelist"))
        contexto = {
            **self.admin_site.each_context(request),
            "title": _("Cargar propuestas desde una hoja de cálculo"),
            "form": form,
            "resultado": resultado,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/plataformas/importar_propuestas.html", contexto)


@admin.register(Propuesta)
class PropuestaAdmin(admin.ModelAdmin):
    list_display = ["titulo", "plataforma", "tema", "orden"]
    list_filter = ["plataforma__proceso", "plataforma__tipo", "tema"]
    list_select_related = ["plataforma__actor", "tema"]
    search_fields = ["titulo", "texto", "plataforma__actor__siglas"]
    autocomplete_fields = ["plataforma"]


@admin.register(BloqueCompetitividad)
class BloqueCompetitividadAdmin(admin.ModelAdmin):
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
