"""Admin del registro electoral para el personal del IEEM (C13).

La geografía se carga con `manage.py cargar_geografia` y aquí sólo se consulta. Las candidaturas
se importan desde XLSX o CSV (todo o nada) y se sustituyen o cancelan con acciones que conservan
el historial.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.forms import ImportForm

from candidaturas import trabajos
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
    TrabajoEnSegundoPlano,
)
from candidaturas.resources import FORMATOS_DE_IMPORTACION, CandidaturaResource
from candidaturas.services import cancelar_candidatura, obtener_o_crear_persona, sustituir_candidatura
from candidaturas.tareas import TIPO as TIPO_IMPORTACION
from candidaturas.tareas import procesar_importacion
from comun.admin import BusquedaSinAcentosMixin, SoloLecturaMixin
from comun.importacion import (
    FILAS_EN_LA_PETICION,
    ArchivoPrivadoDeImportacion,
    LimitesDeImportacionMixin,
)

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


class ImportacionAcotadaForm(LimitesDeImportacionMixin, ImportForm):
    """El formulario de import-export, con los límites de peso y de filas (issue 12) revisados antes
    de leer el archivo completo."""


PERMISO_DE_IMPORTAR = "candidaturas.add_candidatura"


@admin.register(Candidatura)
class CandidaturaAdmin(BusquedaSinAcentosMixin, ImportExportModelAdmin):
    resource_classes = [CandidaturaResource]
    import_formats = FORMATOS_DE_IMPORTACION
    import_form_class = ImportacionAcotadaForm
    tmp_storage_class = ArchivoPrivadoDeImportacion
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

    # --- Importación acotada y en segundo plano (issue 12) --------------------------------------

    def import_action(self, request, **kwargs):
        """Un archivo que pasa los límites y trae más de `FILAS_EN_LA_PETICION` filas se revisa en la
        cola (página de avance); uno más chico, con la vista previa de siempre. Un archivo rechazado
        responde 400 con el formulario y su mensaje."""
        if request.method == "POST" and self.has_import_permission(request):
            formulario = self.create_import_form(request)
            if formulario.is_valid():
                archivo = formulario.cleaned_data["import_file"]
                if getattr(archivo, "filas", 0) > FILAS_EN_LA_PETICION:
                    return self._revisar_en_segundo_plano(request, formulario, archivo)
            else:
                respuesta = super().import_action(request, **kwargs)
                respuesta.status_code = 400
                return respuesta
        return super().import_action(request, **kwargs)

    def _revisar_en_segundo_plano(self, request, formulario, archivo):
        almacen = ArchivoPrivadoDeImportacion()
        almacen.save(b"".join(archivo.chunks()))
        trabajo = trabajos.crear_trabajo(
            tipo=TIPO_IMPORTACION,
            titulo=_gettext("Importar «%(archivo)s» al registro de candidaturas") % {"archivo": archivo.name},
            usuario=request.user,
            permiso=PERMISO_DE_IMPORTAR,
            total=archivo.filas,
            archivo=almacen.name,
            nombre_del_archivo=archivo.name[:255],
            parametros={"fase": "revisar", "formato": int(formulario.cleaned_data["format"])},
            url_de_regreso=reverse("admin:candidaturas_candidatura_changelist"),
        )
        trabajos.encolar(procesar_importacion, trabajo)
        return trabajos.ir_al_avance(trabajo)

    def process_import(self, request, **kwargs):
        """Confirmar encola la importación (una tarea) y lleva a su página de avance."""
        if request.method != "POST":
            return super().process_import(request, **kwargs)
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirmacion = self.create_confirm_form(request)
        if not confirmacion.is_valid():
            return super().process_import(request, **kwargs)
        almacen = ArchivoPrivadoDeImportacion(name=confirmacion.cleaned_data["import_file_name"])
        if not almacen.existe():
            self.message_user(
                request,
                _gettext("El archivo de esa vista previa ya no está (¿ya se importó?). Vuelve a subirlo."),
                messages.ERROR,
            )
            respuesta = TemplateResponse(
                request,
                "admin/candidaturas/trabajoensegundoplano/archivo_perdido.html",
                {**self.admin_site.each_context(request), "title": _gettext("Importar"), "opts": self.opts},
                status=400,
            )
            return respuesta
        nombre = confirmacion.cleaned_data.get("original_file_name") or ""
        trabajo = trabajos.crear_trabajo(
            tipo=TIPO_IMPORTACION,
            titulo=_gettext("Importar «%(archivo)s» al registro de candidaturas") % {"archivo": nombre},
            usuario=request.user,
            permiso=PERMISO_DE_IMPORTAR,
            archivo=almacen.name,
            nombre_del_archivo=nombre[:255],
            parametros={"fase": "importar", "formato": int(confirmacion.cleaned_data["format"])},
            url_de_regreso=reverse("admin:candidaturas_candidatura_changelist"),
        )
        trabajos.encolar(procesar_importacion, trabajo)
        return trabajos.ir_al_avance(trabajo)

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


# --- Trabajos en segundo plano: su página de avance ---------------------------------------------------


@admin.register(TrabajoEnSegundoPlano)
class TrabajoEnSegundoPlanoAdmin(admin.ModelAdmin):
    """La lista muestra los trabajos de quien la ve (todos, a una persona superusuaria); cada uno
    tiene su página de avance, que ve quien lo pidió y el personal con su permiso (404 a los demás)."""

    list_display = ["enlace", "estado", "procesados", "total", "usuario", "creado_en", "terminado_en"]
    list_filter = ["estado", "tipo"]
    list_display_links = None

    @admin.display(description=_("trabajo"), ordering="titulo")
    def enlace(self, trabajo):
        url = reverse("admin:candidaturas_trabajoensegundoplano_avance", args=[trabajo.pk])
        return format_html('<a href="{}">{}</a>', url, trabajo.titulo)

    def get_queryset(self, request):
        consulta = super().get_queryset(request).select_related("usuario")
        return consulta if request.user.is_superuser else consulta.filter(usuario=request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<uuid:pk>/avance/",
                self.admin_site.admin_view(self.avance),
                name="candidaturas_trabajoensegundoplano_avance",
            ),
            *super().get_urls(),
        ]

    def avance(self, request, pk):
        trabajo = get_object_or_404(TrabajoEnSegundoPlano.objects.select_related("usuario"), pk=pk)
        if not trabajo.puede_verlo(request.user):
            raise Http404
        if request.method == "POST" and "confirmar" in request.POST:
            return self._confirmar(request, trabajo)
        procesados = trabajos.avance_de(trabajo)
        contexto = {
            **self.admin_site.each_context(request),
            "title": trabajo.titulo,
            "opts": self.opts,
            "trabajo": trabajo,
            "procesados": procesados,
            "porcentaje": min(100, round(100 * procesados / trabajo.total)) if trabajo.total else None,
            "refrescar": not trabajo.terminado and trabajo.estado != TrabajoEnSegundoPlano.Estado.REVISADO,
            "puede_confirmar": trabajo.estado == TrabajoEnSegundoPlano.Estado.REVISADO
            and request.user.has_perm(PERMISO_DE_IMPORTAR),
            "resultado": trabajo.resultado,
        }
        return TemplateResponse(request, "admin/candidaturas/trabajoensegundoplano/avance.html", contexto)

    def _confirmar(self, request, trabajo):
        """Confirma una importación ya revisada en la cola: encola la importación de verdad."""
        if trabajo.tipo != TIPO_IMPORTACION or not request.user.has_perm(PERMISO_DE_IMPORTAR):
            raise PermissionDenied
        actualizados = TrabajoEnSegundoPlano.objects.filter(
            pk=trabajo.pk, estado=TrabajoEnSegundoPlano.Estado.REVISADO
        ).update(
            estado=TrabajoEnSegundoPlano.Estado.EN_COLA,
            parametros={**trabajo.parametros, "fase": "importar"},
            procesados=0,
        )
        if actualizados:  # dos clics en «Confirmar» encolan una sola importación
            trabajos.encolar(procesar_importacion, trabajo)
        return trabajos.ir_al_avance(trabajo)
