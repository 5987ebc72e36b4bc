"""Piezas comunes de las importaciones del personal con django-import-export.

Las usan los `Resource` de candidaturas y de plataformas: lectura de celdas de CSV o XLSX, errores
por columna en español y la garantía de todo o nada (una sola fila mala deshace la importación
completa). Este módulo no importa ninguna app del proyecto.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from import_export.resources import Diff

from comun.cache_publica import invalidar_paginas_publicas
from comun.texto import normalizar


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
    if not texto.isdigit():
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
        if instance is None:
            return [""] * len(resource.get_import_fields())
        return [resource.export_field(campo, instance) for campo in resource.get_import_fields()]


class ImportacionTodoONadaMixin:
    """Para un `ModelResource`: todo o nada, columnas obligatorias y caché pública al confirmar.

    `columnas_obligatorias` se revisa contra el encabezado antes de leer filas; si
    `normalizar_encabezados` es verdadero, el encabezado se compara sin acentos ni mayúsculas
    («Título» = «titulo») y las filas completamente vacías se descartan.
    """

    columnas_obligatorias = ()
    normalizar_encabezados = False
    filas_maximas = None

    def get_diff_class(self):
        return DiffConColumnasCalculadas

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        """Siempre en una transacción que se deshace ante cualquier fila con error."""
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True, **kwargs
        )

    def before_import(self, dataset, **kwargs):
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
                _("El archivo tiene más de %(maximo)s filas; divídelo en varios.")
                % {"maximo": self.filas_maximas}
            )

    def after_import(self, dataset, result, **kwargs):
        # Si la importación se deshace (vista previa o errores), Django descarta este aviso.
        transaction.on_commit(invalidar_paginas_publicas)
