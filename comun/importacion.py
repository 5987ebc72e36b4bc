"""Piezas comunes de las importaciones del personal con django-import-export.

Las usan los `Resource` de candidaturas y de plataformas: lectura de celdas de CSV o XLSX, errores
por columna en español y la garantía de todo o nada (una sola fila mala deshace la importación
completa). Este módulo no importa ninguna app del proyecto.
"""

import csv
import io
import os
import secrets
import time
import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export.resources import Diff
from import_export.tmp_storages import BaseStorage

from comun.cache_publica import invalidar_al_confirmar
from comun.exportar import celda_segura
from comun.formatos import decodificar_texto
from comun.texto import normalizar, son_digitos

# --- Límites de una importación (issue 12) -------------------------------------------------------
# Un CSV de 25 MB (230 mil filas) dejó a un worker 590 s sin responder, con 1.9 GB y una transacción
# abierta 16 minutos. El registro completo de un proceso de Edomex (la demostración: ~9,700
# candidaturas) cabe dos veces en FILAS_MAXIMAS, y exportado a CSV pesa ~1.3 MB. Las cifras están
# explicadas en docs/importacion.md.

LIMITE_DE_BYTES = 5 * 1024 * 1024
"""Peso máximo del archivo subido (CSV o XLSX)."""

FILAS_MAXIMAS = 20_000
"""Filas de datos máximas por archivo (sin contar el encabezado)."""

FILAS_EN_LA_PETICION = 1_000
"""Hasta aquí la vista previa se arma en la misma petición (unos segundos); con más filas, la
revisión y la importación corren en la cola de tareas con una página de avance."""

_TOPE_DE_CONTEO = 10 * FILAS_MAXIMAS
"""Un XLSX se cuenta leyéndolo en flujo; pasado este tope se deja de contar (se dice «más de»)."""


def numero_legible(numero):
    """230000 → «230,000» (separador de miles de México)."""
    return f"{numero:,}"


def megas_legibles(octetos):
    """5 MB, 32.7 MB (un decimal, sin «.0»)."""
    megas = f"{octetos / (1024 * 1024):.1f}".removesuffix(".0")
    return f"{megas} MB"


def contar_filas(contenido: bytes, es_xlsx: bool) -> int:
    """Filas de datos (sin el encabezado ni las filas vacías del final) sin armar el dataset.

    El CSV ya pasó el límite de peso, así que se decodifica completo; el XLSX se lee en flujo
    (openpyxl `read_only`) y se deja de contar en `_TOPE_DE_CONTEO`, porque un ZIP de 5 MB puede
    descomprimirse en cientos de MB. `ValueError` si no se puede leer."""
    if es_xlsx:
        from openpyxl import load_workbook

        try:
            libro = load_workbook(io.BytesIO(contenido), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise ValueError(str(error)) from error
        try:
            hoja = libro.active
            filas = 0
            for fila in hoja.iter_rows(values_only=True):
                if not fila_vacia(fila):
                    filas += 1
                if filas > _TOPE_DE_CONTEO:
                    break
        finally:
            libro.close()
        return max(filas - 1, 0)
    lector = csv.reader(io.StringIO(decodificar_texto(contenido), newline=""))
    filas = sum(1 for fila in lector if any(celda.strip() for celda in fila))
    return max(filas - 1, 0)


def revisar_limites(archivo, es_xlsx: bool) -> int:
    """Rechaza con `ValidationError` (mensaje con el límite y lo que trae el archivo) un archivo
    subido que pesa o tiene de más. Devuelve cuántas filas de datos trae."""
    if archivo.size > LIMITE_DE_BYTES:
        raise ValidationError(
            _(
                "El archivo pesa %(peso)s y el máximo es %(maximo)s (unas %(filas)s filas). "
                "Divídelo en varios archivos e impórtalos uno por uno."
            )
            % {
                "peso": megas_legibles(archivo.size),
                "maximo": megas_legibles(LIMITE_DE_BYTES),
                "filas": numero_legible(FILAS_MAXIMAS),
            },
            code="archivo_muy_pesado",
        )
    archivo.seek(0)
    contenido = archivo.read()
    archivo.seek(0)
    try:
        filas = contar_filas(contenido, es_xlsx)
    except ValueError as error:
        raise ValidationError(
            _("No pudimos leer el archivo. Revisa que sea CSV o XLSX y que coincida con el formato elegido."),
            code="archivo_ilegible",
        ) from error
    if filas > FILAS_MAXIMAS:
        cuantas = (
            _("más de %(n)s") % {"n": numero_legible(_TOPE_DE_CONTEO)}
            if filas > _TOPE_DE_CONTEO
            else numero_legible(filas)
        )
        raise ValidationError(
            _(
                "El archivo trae %(filas)s filas y el máximo por importación es %(maximo)s. "
                "Divídelo en varios archivos e impórtalos uno por uno."
            )
            % {"filas": cuantas, "maximo": numero_legible(FILAS_MAXIMAS)},
            code="demasiadas_filas",
        )
    return filas


def texto_de_celda(valor):
    """El texto de una celda sin espacios de más; un entero leído como 3.0 (XLSX) vuelve a ser «3»."""
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        valor = int(valor)
    return " ".join(str(valor).split())


def entero_de_celda(valor):
    """Un entero no negativo, o None si la celda está vacía. `ValueError` si no es un número."""
    texto = texto_de_celda(valor)
    if not texto:
        return None
    if not son_digitos(texto):
        raise ValueError(texto)
    return int(texto)


def fila_vacia(valores):
    return all(texto_de_celda(v) == "" for v in valores)


class ErroresDeFila:
    """Junta los errores de una fila por columna y los lanza juntos como `ValidationError`.

    import-export muestra cada uno en la vista previa con el número de fila y la columna.
    """

    def __init__(self):
        self.por_columna = {}

    def __call__(self, columna, mensaje):
        self.por_columna.setdefault(columna, []).append(mensaje)

    def __bool__(self):
        return bool(self.por_columna)

    def revisar_fila(self, row, obligatorias=()):
        """Columnas obligatorias vacías y caracteres nulos (que PostgreSQL no acepta en un texto)."""
        for columna in obligatorias:
            if not texto_de_celda(row.get(columna)):
                self(columna, _("Esta columna es obligatoria y está vacía."))
        for columna, valor in row.items():
            if isinstance(valor, str) and "\x00" in valor:
                self(columna, _("Contiene un carácter nulo (código 0); guarda de nuevo el archivo."))

    def lanzar_si_hay(self):
        if self.por_columna:
            raise ValidationError(self.por_columna)


class DiffConColumnasCalculadas(Diff):
    """La vista previa lee cada columna como la exportación (con los `dehydrate_<columna>` del
    Resource), así muestra también las columnas que no son un atributo del modelo (el actor, la
    persona…) en vez de dejarlas en blanco."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.left = self._valores(resource, instance)

    def compare_with(self, resource, instance):
        self.right = self._valores(resource, instance)

    @staticmethod
    def _valores(resource, instance):
        """Cada columna como la exporta el Resource, o con su `vista_previa_<columna>` si la tiene (p. ej.
        el nombre del municipio junto a su clave, para que el personal vea a quién importa)."""
        if instance is None:
            return [""] * len(resource.get_import_fields())
        valores = []
        for campo in resource.get_import_fields():
            vista_previa = getattr(resource, f"vista_previa_{campo.column_name}", None)
            valores.append(vista_previa(instance) if vista_previa else resource.export_field(campo, instance))
        return valores


class ExportacionSeguraMixin:
    """Para un `Resource`: la exportación del admin (CSV, XLSX…) escapa con `celda_segura` las celdas
    que una hoja de cálculo tomaría por fórmula (`= + - @`, tabulador, CR), como toda descarga del
    portal. La vista previa de importación no pasa por aquí: muestra el valor tal cual."""

    def export_resource(self, instance, selected_fields=None, **kwargs):
        return [celda_segura(valor) for valor in super().export_resource(instance, selected_fields, **kwargs)]

    def get_export_headers(self, selected_fields=None):
        return [celda_segura(encabezado) for encabezado in super().get_export_headers(selected_fields)]


class ImportacionTodoONadaMixin(ExportacionSeguraMixin):
    """Para un `ModelResource`: todo o nada, columnas obligatorias y caché pública al confirmar.

    `columnas_obligatorias` se revisa contra el encabezado antes de leer filas; si
    `normalizar_encabezados` es verdadero, el encabezado se compara sin acentos ni mayúsculas
    («Título» = «titulo») y las filas completamente vacías se descartan.
    """

    columnas_obligatorias = ()
    normalizar_encabezados = False
    filas_maximas = FILAS_MAXIMAS

    def __init__(self, *args, al_avanzar=None, **kwargs):
        """`al_avanzar(filas)`: se llama cada `AVANZAR_CADA` filas (la página de avance de una
        importación en segundo plano)."""
        super().__init__(*args, **kwargs)
        self.al_avanzar = al_avanzar

    AVANZAR_CADA = 200

    def import_row(self, row, instance_loader, **kwargs):
        resultado = super().import_row(row, instance_loader, **kwargs)
        numero = kwargs.get("row_number") or 0
        if self.al_avanzar and numero % self.AVANZAR_CADA == 0:
            self.al_avanzar(numero)
        return resultado

    def get_diff_class(self):
        return DiffConColumnasCalculadas

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        """Siempre en una transacción que se deshace ante cualquier fila con error."""
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True, **kwargs
        )

    def before_import(self, dataset, **kwargs):
        # Toda importación invalida todas las páginas públicas una vez, al confirmarse (si se deshace,
        # Django descarta el aviso). Se pide al empezar para que las señales de cada fila guardada
        # vean que ya va todo (`invalidacion_total_pendiente`) y no calculen sus alcances.
        invalidar_al_confirmar()
        if self.normalizar_encabezados:
            encabezados = [normalizar(texto_de_celda(c)) for c in dataset.headers or []]
            filas = [fila for fila in dataset if not fila_vacia(fila)]
            dataset.wipe()
            dataset.headers = encabezados
            for fila in filas:
                dataset.append(fila)
        faltantes = [c for c in self.columnas_obligatorias if c not in (dataset.headers or [])]
        if faltantes:
            raise ValueError(
                _("Faltan las columnas: %(columnas)s. Revisa docs/importacion.md.")
                % {"columnas": ", ".join(faltantes)}
            )
        if self.filas_maximas and len(dataset) > self.filas_maximas:
            raise ValueError(
                _(
                    "El archivo trae %(filas)s filas y el máximo por importación es %(maximo)s. "
                    "Divídelo en varios archivos e impórtalos uno por uno."
                )
                % {"filas": numero_legible(len(dataset)), "maximo": numero_legible(self.filas_maximas)}
            )

    def after_import(self, dataset, result, **kwargs):
        # Lo mismo al terminar, por si el aviso de `before_import` ya no está pendiente (Django lo
        # cambia de lista al deshacer un savepoint); si sigue pendiente, no agrega nada. Si la
        # importación se deshace (vista previa o errores), Django descarta el aviso.
        invalidar_al_confirmar()


class LimitesDeImportacionMixin:
    """Para el formulario de import-export (`ImportForm`): revisa peso y filas (`revisar_limites`)
    antes de que la vista lea el archivo completo, y deja en el archivo cuántas filas trae (`filas`)."""

    def clean(self):
        datos = super().clean()
        archivo, formato = datos.get("import_file"), datos.get("format")
        if archivo and formato not in (None, ""):
            es_xlsx = dict(self.fields["format"].choices).get(str(formato)) == "xlsx"
            try:
                archivo.filas = revisar_limites(archivo, es_xlsx)
            except ValidationError as error:
                self.add_error("import_file", error)
        return datos


# --- El archivo subido, en un lugar privado --------------------------------------------------------


def carpeta_de_importaciones():
    """`DECIDE_ARCHIVOS_PRIVADOS_ROOT/importaciones`: fuera de MEDIA_ROOT (nadie la sirve) y en un
    disco que ven los servidores de la app y el worker de la cola (docs/deploy.md)."""
    from django.conf import settings

    carpeta = Path(settings.DECIDE_ARCHIVOS_PRIVADOS_ROOT) / "importaciones"
    carpeta.mkdir(parents=True, exist_ok=True, mode=0o700)
    return carpeta


HORAS_DE_GRACIA = 24
"""Un archivo de una vista previa que nadie confirmó se borra pasado este tiempo."""


class ArchivoPrivadoDeImportacion(BaseStorage):
    """Almacén de import-export para el archivo entre la vista previa y la confirmación.

    El de import-export (`TempFolderStorage`) lo deja en /tmp de la máquina que atendió la petición
    (el worker de la cola, en otra, no lo vería) y acepta como nombre cualquier ruta que llegue en el
    formulario de confirmación (`/etc/passwd` incluido). Éste usa nombres aleatorios de 32 dígitos
    hexadecimales, rechaza cualquier otro y guarda con permisos 600. Se borra al terminar la
    importación (o al descartarla)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.read_mode = "rb"

    @staticmethod
    def nombre_valido(nombre):
        return isinstance(nombre, str) and len(nombre) == 32 and all(c in "0123456789abcdef" for c in nombre)

    def ruta(self):
        if not self.nombre_valido(self.name):
            raise FileNotFoundError(self.name)
        return carpeta_de_importaciones() / self.name

    def save(self, data):
        if not self.name:
            self.name = secrets.token_hex(16)
            self.borrar_abandonados()
        ruta = self.ruta()
        descriptor = os.open(ruta, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as archivo:
            archivo.write(data if isinstance(data, bytes) else data.encode(self.encoding or "utf-8"))

    def read(self):
        return self.ruta().read_bytes()

    @staticmethod
    def borrar_abandonados():
        """Borra los archivos de vistas previas que nadie confirmó (más de `HORAS_DE_GRACIA`)."""
        limite = time.time() - HORAS_DE_GRACIA * 3600
        for ruta in carpeta_de_importaciones().iterdir():
            try:
                if ruta.stat().st_mtime < limite:
                    ruta.unlink()
            except OSError:
                continue

    def existe(self):
        try:
            return self.ruta().is_file()
        except FileNotFoundError:
            return False

    def remove(self):
        if self.nombre_valido(self.name):
            self.ruta().unlink(missing_ok=True)
