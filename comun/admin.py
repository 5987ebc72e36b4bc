"""Mixins del admin que usan varias apps. No registra ningún modelo."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP

from comun.texto import normalizar


class SinAcentos(models.Transform):
    """`campo__sin_acentos`: el texto en minúsculas y sin acentos, para comparar con un término ya
    normalizado (`comun.texto.normalizar`). En PostgreSQL es `LOWER(UNACCENT(campo))` (la extensión
    la crea la migración `candidaturas/0005`); en SQLite, la misma función de Python registrada en cada
    conexión (`registrar_en_sqlite`), así las dos bases buscan igual."""

    lookup_name = "sin_acentos"
    output_field = models.TextField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="LOWER", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="DECIDE_NORMALIZAR", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        plantilla = "LOWER(UNACCENT(%(expressions)s::text))"
        return super().as_sql(compiler, connection, template=plantilla, **extra)


def registrar_en_sqlite(sender, connection, **kwargs):
    """Señal `connection_created`: da a SQLite la función que usa `SinAcentos`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("DECIDE_NORMALIZAR", 1, normalizar, deterministic=True)


def _campo_final(modelo, ruta):
    """El campo al final de `persona__nombre` (siguiendo relaciones), o None si no es un campo."""
    opciones, campo = modelo._meta, None
    for parte in ruta.split(LOOKUP_SEP):
        try:
            campo = opciones.get_field(opciones.pk.name if parte == "pk" else parte)
        except FieldDoesNotExist:
            return None
        if hasattr(campo, "path_infos"):
            opciones = campo.path_infos[-1].to_opts
    return campo


def campo_de_busqueda_sin_acentos(modelo, campo):
    """Traduce un elemento de `search_fields` a una búsqueda sin acentos ni mayúsculas.

    Las columnas `*_normalizado` ya guardan el texto así (y tienen índice trigram): se buscan tal
    cual. Las demás de texto pasan por `sin_acentos`. Las de número o las que ya traen un lookup
    quedan como las escribió el admin."""
    prefijo = campo[0] if campo[:1] in "^=@" else ""
    ruta = campo[len(prefijo) :]
    final = _campo_final(modelo, ruta)
    if prefijo == "@" or not isinstance(final, (models.CharField, models.TextField)):
        return campo
    if ruta.endswith("_normalizado"):
        lookup = {"^": "startswith", "=": "exact"}.get(prefijo, "contains")
    else:
        lookup = "sin_acentos__" + {"^": "startswith", "=": "exact"}.get(prefijo, "contains")
    return f"{ruta}{LOOKUP_SEP}{lookup}"


class BusquedaSinAcentosMixin:
    """La búsqueda del admin no distingue acentos ni mayúsculas: «Piña», «PIÑA» y «pina» encuentran a
    «Aurora Piña», y cada palabra de «Aurora Piña» puede estar en cualquiera de los campos.

    El término se normaliza igual que las columnas `*_normalizado` y cada campo de texto se compara ya
    normalizado (`campo_de_busqueda_sin_acentos`). Antes sólo se normalizaba el término: las columnas
    sin normalizar («Educación») dejaban de coincidir y los admins sin el mixin no encontraban «Piña»."""

    def get_search_fields(self, request):
        return [campo_de_busqueda_sin_acentos(self.model, str(c)) for c in super().get_search_fields(request)]

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalizar(search_term))


class SoloLecturaMixin:
    """Para lo que en el admin sólo se consulta: la geografía (la carga `cargar_geografia`), las
    bitácoras, los consentimientos y las visitas (los escriben sus propios flujos)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
