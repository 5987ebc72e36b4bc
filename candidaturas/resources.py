"""Importación y exportación del registro de candidaturas (C13) con django-import-export.

Una fila de la hoja es una candidatura: el lugar (proceso, elección, actor, cargo, número,
calidad) y la persona. Las columnas están documentadas en docs/importacion.md y hay un ejemplo en
fixtures/muestras/. La importación es todo o nada: si una sola fila tiene un error, no se guarda
ninguna (la vista previa lista cada fila con su número y su motivo).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from candidaturas.models import (
    ActorPolitico,
    Candidatura,
    DistritoLocal,
    Eleccion,
    Municipio,
    Persona,
    ProcesoElectoral,
)
from candidaturas.services import obtener_o_crear_persona
from comun import formatos
from comun.cambios import avisar_cambio_publico
from comun.importacion import (
    ErroresDeFila,
    ImportacionTodoONadaMixin,
    entero_de_celda,
    texto_de_celda,
)
from comun.texto import normalizar

FORMATOS_DE_IMPORTACION = [formatos.CSV, base_formats.XLSX]
"""CSV en UTF-8 o en la codificación de Windows, y XLSX. El admin y la tarea de importación usan la
misma lista (el formulario manda el índice)."""

COLUMNAS = [
    "id",
    "proceso",
    "tipo_eleccion",
    "distrito_local",
    "municipio_clave_ieem",
    "actor",
    "cargo",
    "numero",
    "calidad",
    "nombre",
    "primer_apellido",
    "segundo_apellido",
    "sexo",
    "fecha_nacimiento",
    "edad",
    "correo",
    "accion_afirmativa",
    "estado",
    "sustituye_id",
]
FILAS_LEGIBLES = 200
"""Cuántas filas de «a quién se importa» se guardan para la página de avance."""
COLUMNAS_SOLO_EXPORTACION = ("estado", "sustituye_id")
COLUMNAS_OBLIGATORIAS = (
    "proceso",
    "tipo_eleccion",
    "actor",
    "cargo",
    "calidad",
    "nombre",
    "primer_apellido",
    "sexo",
)

# Otras formas de escribir un valor que se aceptan además del valor y su etiqueta.
SINONIMOS = {
    "calidad": {"propietario": "propietaria", "prop": "propietaria", "sup": "suplente"},
    "sexo": {"no binario": "no_binaria", "no binaria": "no_binaria", "m": "mujer", "h": "hombre"},
    "tipo_eleccion": {
        "diputacion local mr": "diputacion_mr",
        "diputacion mr": "diputacion_mr",
        "mr": "diputacion_mr",
        "diputacion local rp": "diputacion_rp",
        "diputacion rp": "diputacion_rp",
        "rp": "diputacion_rp",
    },
}


def _opcion(valor, opciones, sinonimos=None):
    """Acepta el valor interno ("diputacion_mr") o la etiqueta, sin importar acentos ni mayúsculas."""
    clave = normalizar(texto_de_celda(valor))
    if not clave:
        return ""
    tabla = {normalizar(v): v for v, _e in opciones.choices}
    tabla.update({normalizar(str(e)): v for v, e in opciones.choices})
    tabla.update(sinonimos or {})
    return tabla.get(clave.replace("-", " ").replace("_", " ")) or tabla.get(clave)


def _fecha(valor):
    if isinstance(valor, datetime.datetime):
        return valor.date()
    if isinstance(valor, datetime.date):
        return valor
    texto = texto_de_celda(valor)
    if not texto:
        return None
    for formato in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(texto, formato).date()
        except ValueError:
            continue
    raise ValueError(texto)


class CandidaturaResource(ImportacionTodoONadaMixin, resources.ModelResource):
    """Una candidatura por fila. `id` vacío registra una nueva; con `id` se corrige la existente."""

    columnas_obligatorias = COLUMNAS_OBLIGATORIAS

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # Una importación puede tocar varios procesos: se regeneran los datos abiertos de todos (al
        # confirmarse; si se deshace, no se encola nada).
        avisar_cambio_publico()

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    proceso = fields.Field(column_name="proceso")
    tipo_eleccion = fields.Field(column_name="tipo_eleccion")
    distrito_local = fields.Field(column_name="distrito_local")
    municipio_clave_ieem = fields.Field(column_name="municipio_clave_ieem")
    actor = fields.Field(column_name="actor")
    cargo = fields.Field(attribute="cargo", column_name="cargo")
    numero = fields.Field(attribute="numero", column_name="numero")
    calidad = fields.Field(attribute="calidad", column_name="calidad")
    nombre = fields.Field(column_name="nombre")
    primer_apellido = fields.Field(column_name="primer_apellido")
    segundo_apellido = fields.Field(column_name="segundo_apellido")
    sexo = fields.Field(column_name="sexo")
    fecha_nacimiento = fields.Field(column_name="fecha_nacimiento")
    edad = fields.Field(column_name="edad")
    correo = fields.Field(column_name="correo")
    accion_afirmativa = fields.Field(attribute="accion_afirmativa", column_name="accion_afirmativa")
    estado = fields.Field(attribute="estado", column_name="estado", readonly=True)
    sustituye_id = fields.Field(attribute="sustituye_id", column_name="sustituye_id", readonly=True)

    class Meta:
        model = Candidatura
        fields = COLUMNAS
        export_order = COLUMNAS
        import_id_fields = ["id"]
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._procesos = {}
        self._elecciones = {}
        self._actores = {}
        self.quienes = []
        """Las primeras filas que crean o corrigen una candidatura, legibles (página de avance)."""

    # --- Vista previa: quién entra ---------------------------------------------------------------
    # La vista previa muestra cada columna como se exporta, salvo éstas, que agregan el nombre a la
    # clave: el personal ve a quién importa y dónde antes de confirmar (issue 13).

    def vista_previa_proceso(self, obj):
        eleccion = self._eleccion_de(obj)
        return f"{eleccion.proceso.nombre} ({eleccion.proceso.slug})" if eleccion else ""

    def vista_previa_distrito_local(self, obj):
        eleccion = self._eleccion_de(obj)
        return str(eleccion.distrito_local) if eleccion and eleccion.distrito_local_id else ""

    def vista_previa_municipio_clave_ieem(self, obj):
        eleccion = self._eleccion_de(obj)
        if not eleccion or not eleccion.municipio_id:
            return ""
        return f"{eleccion.municipio.clave_ieem} · {eleccion.municipio.nombre}"

    def vista_previa_actor(self, obj):
        return f"{obj.actor.siglas} · {obj.actor.nombre}" if obj.actor_id else ""

    def fila_legible(self, candidatura, numero, nueva):
        eleccion = candidatura.eleccion
        return {
            "fila": numero,
            "accion": _("Nueva") if nueva else _("Corrige"),
            "nombre": candidatura.persona.nombre_completo,
            "proceso": eleccion.proceso.nombre,
            "actor": candidatura.actor.siglas,
            "lugar": f"{candidatura.etiqueta_cargo} · {candidatura.get_calidad_display()}",
            "ambito": str(eleccion.ambito) if eleccion.tipo != Eleccion.Tipo.GUBERNATURA else "",
        }

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        if len(self.quienes) < FILAS_LEGIBLES:
            self.quienes.append(self.fila_legible(instance, kwargs.get("row_number"), is_create))

    # --- Exportación ------------------------------------------------------------------------

    def get_queryset(self):
        return Candidatura.objects.para_listado().order_by("pk")

    @staticmethod
    def _eleccion_de(obj):
        return obj.eleccion if obj.eleccion_id else None

    def dehydrate_proceso(self, obj):
        eleccion = self._eleccion_de(obj)
        return eleccion.proceso.slug if eleccion else ""

    def dehydrate_tipo_eleccion(self, obj):
        eleccion = self._eleccion_de(obj)
        return eleccion.tipo if eleccion else ""

    def dehydrate_distrito_local(self, obj):
        eleccion = self._eleccion_de(obj)
        return eleccion.distrito_local.numero if eleccion and eleccion.distrito_local_id else ""

    def dehydrate_municipio_clave_ieem(self, obj):
        eleccion = self._eleccion_de(obj)
        return eleccion.municipio.clave_ieem if eleccion and eleccion.municipio_id else ""

    def dehydrate_actor(self, obj):
        return obj.actor.siglas if obj.actor_id else ""

    def _persona(self, obj, campo):
        if not obj.persona_id:
            return ""
        valor = getattr(obj.persona, campo)
        return "" if valor is None else valor

    def dehydrate_nombre(self, obj):
        return self._persona(obj, "nombre")

    def dehydrate_primer_apellido(self, obj):
        return self._persona(obj, "primer_apellido")

    def dehydrate_segundo_apellido(self, obj):
        return self._persona(obj, "segundo_apellido")

    def dehydrate_sexo(self, obj):
        return self._persona(obj, "sexo")

    def dehydrate_fecha_nacimiento(self, obj):
        fecha = self._persona(obj, "fecha_nacimiento")
        return fecha.isoformat() if fecha else ""

    def dehydrate_edad(self, obj):
        return self._persona(obj, "edad_registrada")

    def dehydrate_correo(self, obj):
        return self._persona(obj, "correo")

    # --- Importación --------------------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        """Lee la fila completa y junta todos sus errores por columna antes de tocar la base."""
        error = ErroresDeFila()
        error.revisar_fila(row, COLUMNAS_OBLIGATORIAS)

        if texto_de_celda(row.get("id")) and instance.pk is None:
            error(
                "id",
                _("No existe la candidatura %(id)s. Deja vacía la columna id para registrar una nueva.")
                % {"id": texto_de_celda(row.get("id"))},
            )
        if instance.pk is not None and instance.estado != Candidatura.Estado.REGISTRADA:
            error(
                "id",
                _("La candidatura %(id)s está %(estado)s; los cambios de estado se hacen en el admin.")
                % {"id": instance.pk, "estado": instance.get_estado_display().lower()},
            )

        proceso = self._proceso(texto_de_celda(row.get("proceso")), error)
        tipo = self._opcion(row, "tipo_eleccion", Eleccion.Tipo, error)
        cargo = self._opcion(row, "cargo", Candidatura.Cargo, error)
        calidad = self._opcion(row, "calidad", Candidatura.Calidad, error)
        sexo = self._opcion(row, "sexo", Persona.Sexo, error)
        accion = self._opcion(row, "accion_afirmativa", Candidatura.AccionAfirmativa, error)
        numero = self._entero(row, "numero", error) or 1
        distrito = self._entero(row, "distrito_local", error)
        clave_municipio = self._entero(row, "municipio_clave_ieem", error)
        edad = self._entero(row, "edad", error)
        try:
            fecha_nacimiento = _fecha(row.get("fecha_nacimiento"))
        except ValueError:
            error(
                "fecha_nacimiento",
                _("«%(valor)s» no es una fecha; escríbela como AAAA-MM-DD o DD/MM/AAAA.")
                % {"valor": texto_de_celda(row.get("fecha_nacimiento"))},
            )
            fecha_nacimiento = None

        eleccion = None
        if proceso and tipo:
            eleccion = self._eleccion(proceso, tipo, distrito, clave_municipio, error)
        actor = self._actor(texto_de_celda(row.get("actor")), proceso, error) if proceso else None
        if cargo and tipo and not self._cargo_compatible(cargo, tipo):
            error(
                "cargo",
                _("El cargo «%(cargo)s» no corresponde a una elección de %(tipo)s.")
                % {
                    "cargo": Candidatura.Cargo(cargo).label,
                    "tipo": Eleccion.Tipo(tipo).label.lower(),
                },
            )

        error.lanzar_si_hay()

        try:
            persona, _creada = obtener_o_crear_persona(
                nombre=texto_de_celda(row.get("nombre")),
                primer_apellido=texto_de_celda(row.get("primer_apellido")),
                segundo_apellido=texto_de_celda(row.get("segundo_apellido")),
                sexo=sexo,
                fecha_nacimiento=fecha_nacimiento,
                edad_registrada=edad,
                correo=texto_de_celda(row.get("correo")),
            )
        except ValidationError as problema:
            raise ValidationError({"nombre": problema.messages}) from problema

        instance.persona = persona
        instance.eleccion = eleccion
        instance.actor = actor
        instance.cargo = cargo
        instance.numero = numero
        instance.calidad = calidad
        instance.accion_afirmativa = accion

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Una fila idéntica a lo que ya está registrado no cuenta como cambio."""
        if import_validation_errors or original is None or original.pk is None:
            return False
        campos = ("persona_id", "eleccion_id", "actor_id", "cargo", "numero", "calidad", "accion_afirmativa")
        return all(getattr(instance, c) == getattr(original, c) for c in campos)

    # --- Ayudas de la importación --------------------------------------------------------------

    def _opcion(self, row, columna, opciones, error):
        valor = row.get(columna)
        if not texto_de_celda(valor):
            return ""
        elegido = _opcion(valor, opciones, SINONIMOS.get(columna))
        if not elegido:
            error(
                columna,
                _("«%(valor)s» no es un valor válido. Usa uno de: %(validos)s.")
                % {"valor": texto_de_celda(valor), "validos": ", ".join(opciones.values)},
            )
        return elegido or ""

    def _entero(self, row, columna, error):
        try:
            return entero_de_celda(row.get(columna))
        except ValueError:
            error(
                columna,
                _("«%(valor)s» no es un número entero.") % {"valor": texto_de_celda(row.get(columna))},
            )
            return None

    def _proceso(self, slug, error):
        if not slug:
            return None
        if slug not in self._procesos:
            self._procesos[slug] = ProcesoElectoral.objects.filter(slug=slug).first()
        if self._procesos[slug] is None:
            error("proceso", _("No existe el proceso electoral «%(slug)s».") % {"slug": slug})
        return self._procesos[slug]

    def _eleccion(self, proceso, tipo, distrito, clave_municipio, error):
        clave = (proceso.pk, tipo, distrito, clave_municipio)
        if clave in self._elecciones:
            return self._elecciones[clave]
        filtro = {"proceso": proceso, "tipo": tipo}
        if tipo == Eleccion.Tipo.DIPUTACION_MR:
            if distrito is None:
                error("distrito_local", _("Una diputación de mayoría relativa necesita su distrito local."))
                return None
            filtro["distrito_local"] = DistritoLocal.objects.filter(numero=distrito).first()
            if filtro["distrito_local"] is None:
                error("distrito_local", _("No existe el distrito local %(numero)s.") % {"numero": distrito})
                return None
        elif tipo == Eleccion.Tipo.AYUNTAMIENTO:
            if clave_municipio is None:
                error("municipio_clave_ieem", _("Un ayuntamiento necesita la clave IEEM de su municipio."))
                return None
            filtro["municipio"] = Municipio.objects.filter(clave_ieem=clave_municipio).first()
            if filtro["municipio"] is None:
                error(
                    "municipio_clave_ieem",
                    _("No existe el municipio con clave IEEM %(clave)s.") % {"clave": clave_municipio},
                )
                return None
        eleccion, _creada = Eleccion.objects.get_or_create(**filtro)
        self._elecciones[clave] = eleccion
        return eleccion

    def _actor(self, siglas, proceso, error):
        if not siglas:
            return None
        clave = (siglas.casefold(), proceso.pk)
        if clave not in self._actores:
            # Pueden postular en el proceso los partidos permanentes y los actores registrados para él.
            self._actores[clave] = list(
                ActorPolitico.objects.filter(siglas__iexact=siglas)
                .filter(Q(proceso__isnull=True) | Q(proceso=proceso))
                .order_by("pk")[:2]
            )
        encontrados = self._actores[clave]
        if not encontrados:
            error(
                "actor",
                _("No hay un actor político con siglas «%(siglas)s» en este proceso.") % {"siglas": siglas},
            )
            return None
        if len(encontrados) > 1:
            error(
                "actor",
                _("Hay más de un actor político con siglas «%(siglas)s»; corrígelo en el admin.")
                % {"siglas": siglas},
            )
            return None
        return encontrados[0]

    @staticmethod
    def _cargo_compatible(cargo, tipo):
        permitidos = {
            Eleccion.Tipo.GUBERNATURA: {Candidatura.Cargo.GUBERNATURA},
            Eleccion.Tipo.DIPUTACION_MR: {Candidatura.Cargo.DIPUTACION},
            Eleccion.Tipo.DIPUTACION_RP: {Candidatura.Cargo.DIPUTACION},
            Eleccion.Tipo.AYUNTAMIENTO: {
                Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
                Candidatura.Cargo.SINDICATURA,
                Candidatura.Cargo.REGIDURIA,
            },
        }
        return cargo in permitidos[tipo]


class CandidaturaResourceEnSegundoPlano(CandidaturaResource):
    """La misma importación, para la tarea de la cola: sin el HTML de diferencias por fila (nadie lo ve
    y con miles de filas ocupa memoria). Quién entra se guarda en `quienes`."""

    class Meta(CandidaturaResource.Meta):
        skip_diff = True
        report_skipped = False
