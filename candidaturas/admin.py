"""Admin del registro electoral para el personal del IEEM (C13).

La geografía se carga con `manage.py cargar_geografia` y aquí sólo se consulta. Las candidaturas
se importan desde XLSX o CSV (todo o nada) y se sustituyen o cancelan con acciones que conservan
el historial.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats

from candidaturas.forms import CambioForm, SustitucionForm
from candidaturas.models import (
    ActorPolitico,
    Candidatura,
    DistritoFederal,
    DistritoLocal,
    Eleccion,
    Municipio,
    Persona,
    ProcesoElectoral,
    SeccionElectoral,
)
from candidaturas.resources import CandidaturaResource
from candidaturas.services import cancelar_candidatura, obtener_o_crear_persona, sustituir_candidatura
from comun import formatos
from comun.admin import BusquedaSinAcentosMixin, SoloLecturaMixin

# --- Geografía ------------------------------------------------------------------------------------


@admin.register(Municipio)
class MunicipioAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["clave_ieem", "nombre", "clave_inegi", "nombre_ieem"]
    search_fields = ["nombre_normalizado", "=clave_ieem", "=clave_inegi"]
    ordering = ["clave_ieem"]


@admin.register(DistritoLocal)
class DistritoLocalAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["numero", "cabecera"]
    search_fields = ["=numero", "cabecera"]


@admin.register(DistritoFederal)
class DistritoFederalAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["numero", "cabecera", "lista_municipios_completa"]
    search_fields = ["=numero", "cabecera"]


@admin.register(SeccionElectoral)
class SeccionElectoralAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["numero", "municipio", "distrito_local", "distrito_federal", "casillas", "lista_nominal"]
    list_filter = ["distrito_local"]
    list_select_related = ["municipio", "distrito_local", "distrito_federal"]
    search_fields = ["=numero", "municipio__nombre_normalizado"]


# --- Procesos, elecciones y actores -------------------------------------------------------------------


@admin.register(ProcesoElectoral)
class ProcesoElectoralAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = [
        "nombre",
        "anio",
        "tipo",
        "fecha_jornada",
        "predeterminado",
        "archivado",
        "es_demostracion",
    ]
    list_filter = ["tipo", "predeterminado", "archivado", "es_demostracion"]
    search_fields = ["nombre", "slug"]
    prepopulated_fields = {"slug": ["nombre"]}


@admin.register(Eleccion)
class EleccionAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["__str__", "proceso", "tipo"]
    list_filter = ["proceso", "tipo"]
    list_select_related = ["proceso", "distrito_local", "municipio"]
    search_fields = ["municipio__nombre_normalizado", "=distrito_local__numero"]
    autocomplete_fields = ["distrito_local", "municipio"]


@admin.register(ActorPolitico)
class ActorPoliticoAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["siglas", "nombre", "tipo", "proceso", "color", "orden"]
    list_filter = ["tipo", "proceso"]
    list_select_related = ["proceso"]
    search_fields = ["siglas", "nombre", "slug"]
    prepopulated_fields = {"slug": ["siglas"]}
    filter_horizontal = ["integrantes"]


# --- Personas y candidaturas ------------------------------------------------------------------------


@admin.register(Persona)
class PersonaAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["nombre_completo", "sexo", "fecha_nacimiento", "edad_registrada"]
    list_filter = ["sexo"]
    search_fields = ["nombre_normalizado", "correo"]

    @admin.display(description=_("nombre completo"), ordering="primer_apellido")
    def nombre_completo(self, persona):
        return persona.nombre_completo


@admin.register(Candidatura)
class CandidaturaAdmin(BusquedaSinAcentosMixin, ImportExportModelAdmin):
    resource_classes = [CandidaturaResource]
    import_formats = [formatos.CSV, base_formats.XLSX]  # CSV en UTF-8 o en la codificación de Windows
    export_formats = [base_formats.CSV, base_formats.XLSX]
    list_display = ["id", "persona", "lugar", "calidad", "actor", "eleccion", "estado"]
    list_filter = [
        ("eleccion__proceso", admin.RelatedOnlyFieldListFilter),
        "eleccion__tipo",
        ("eleccion__municipio", admin.RelatedOnlyFieldListFilter),
        ("eleccion__distrito_local", admin.RelatedOnlyFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
        "cargo",
        "calidad",
        "estado",
        "accion_afirmativa",
    ]
    list_select_related = [
        "persona",
        "actor",
        "eleccion__proceso",
        "eleccion__distrito_local",
        "eleccion__municipio",
    ]
    search_fields = ["persona__nombre_normalizado", "=id"]
    autocomplete_fields = ["persona", "eleccion", "actor"]
    readonly_fields = [
        "estado",
        "sustituye",
        "fecha_cambio",
        "acuerdo_cambio",
        "motivo_cambio",
        "creada",
        "actualizada",
    ]
    actions = ["sustituir", "cancelar"]

    @admin.display(description=_("lugar"), ordering="cargo")
    def lugar(self, candidatura):
        return candidatura.etiqueta_cargo

    def _pagina_de_accion(self, request, queryset, *, accion, titulo, form, candidaturas):
        contexto = {
            **self.admin_site.each_context(request),
            "title": titulo,
            "opts": self.model._meta,
            "form": form,
            "accion": accion,
            "candidaturas": candidaturas,
            "seleccion": [c.pk for c in candidaturas],
        }
        return TemplateResponse(request, "admin/candidaturas/candidatura/accion_cambio.html", contexto)

    @admin.action(
        description=_("Sustituir a la persona de la candidatura seleccionada"), permissions=["change"]
    )
    def sustituir(self, request, queryset):
        candidaturas = list(queryset.para_listado()[:2])
        if len(candidaturas) != 1:
            self.message_user(
                request, _gettext("Selecciona una sola candidatura para sustituirla."), messages.ERROR
            )
            return None
        candidatura = candidaturas[0]
        if not candidatura.vigente:
            self.message_user(
                request,
                _gettext("La candidatura %(id)s ya está %(estado)s.")
                % {"id": candidatura.pk, "estado": candidatura.get_estado_display().lower()},
                messages.ERROR,
            )
            return None
        form = SustitucionForm(request.POST if "aplicar" in request.POST else None)
        if form.is_bound and form.is_valid():
            datos = form.cleaned_data
            try:
                with transaction.atomic():
                    persona, _creada = obtener_o_crear_persona(
                        nombre=datos["nombre"],
                        primer_apellido=datos["primer_apellido"],
                        segundo_apellido=datos["segundo_apellido"],
                        sexo=datos["sexo"],
                        fecha_nacimiento=datos["fecha_nacimiento"],
                        correo=datos["correo"],
                    )
                    nueva = sustituir_candidatura(
                        candidatura=candidatura,
                        persona=persona,
                        fecha=datos["fecha"],
                        acuerdo=datos["acuerdo"],
                        motivo=datos["motivo"],
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _gettext("%(nueva)s sustituye a %(anterior)s (candidatura %(id)s).")
                    % {"nueva": persona, "anterior": candidatura.persona, "id": nueva.pk},
                    messages.SUCCESS,
                )
                return None
        return self._pagina_de_accion(
            request,
            queryset,
            accion="sustituir",
            titulo=_gettext("Sustituir una candidatura"),
            form=form,
            candidaturas=candidaturas,
        )

    @admin.action(description=_("Cancelar las candidaturas seleccionadas"), permissions=["change"])
    def cancelar(self, request, queryset):
        candidaturas = list(queryset.vigentes().para_listado())
        if not candidaturas:
            self.message_user(
                request, _gettext("Ninguna de las seleccionadas está registrada."), messages.ERROR
            )
            return None
        form = CambioForm(request.POST if "aplicar" in request.POST else None)
        if form.is_bound and form.is_valid():
            with transaction.atomic():
                for candidatura in candidaturas:
                    cancelar_candidatura(candidatura=candidatura, **form.cleaned_data)
            self.message_user(
                request,
                ngettext(
                    "Se canceló %(cantidad)s candidatura.",
                    "Se cancelaron %(cantidad)s candidaturas.",
                    len(candidaturas),
                )
                % {"cantidad": len(candidaturas)},
                messages.SUCCESS,
            )
            return None
        return self._pagina_de_accion(
            request,
            queryset,
            accion="cancelar",
            titulo=_gettext("Cancelar candidaturas"),
            form=form,
            candidaturas=candidaturas,
        )
