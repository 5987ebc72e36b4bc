"""Normalización de texto para búsquedas que no distinguen acentos ni mayúsculas, y dígitos."""

import unicodedata


def normalizar(texto):
    """Devuelve `texto` en minúsculas, sin acentos ni espacios repetidos ("Pérez  Ñuño" → "perez nuno").

    Se guarda en columnas `*_normalizado` para buscar igual en SQLite y PostgreSQL.
    """
    if not texto:
        return ""
    descompuesto = unicodedata.normalize("NFKD", str(texto))
    sin_marcas = "".join(c for c in descompuesto if not unicodedata.combining(c))
    return " ".join(sin_marcas.casefold().split())


def son_digitos(texto):
    """¿`texto` son sólo dígitos del 0 al 9? `str.isdigit()` acepta también «²» o «٣», que `int()`
    rechaza o lee distinto: por eso en todo el proyecto se valida con esta función."""
    return bool(texto) and texto.isascii() and texto.isdecimal()
