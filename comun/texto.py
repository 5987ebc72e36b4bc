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


# Terminaciones comunes del español (sin acentos, de la más larga a la más corta) para una raíz
# aproximada: «votación», «votar» y «voto» comparten «vot»; «candidatos» y «candidata», «candidat».
_SUFIJOS = sorted(
    {
        "aciones", "iciones", "acion", "icion", "amientos", "imientos", "amiento", "imiento",
        "adoras", "adores", "adora", "ador", "ancias", "encias", "ancia", "encia", "mente",
        "idades", "idad", "ables", "ibles", "able", "ible", "istas", "ista", "ando", "iendo",
        "aron", "ieron", "aban", "amos", "emos", "imos", "ados", "idos", "adas", "idas",
        "ado", "ido", "ada", "ida", "ar", "er", "ir", "as", "es", "os", "a", "e", "o", "s",
    },
    key=len,
    reverse=True,
)  # fmt: skip
LARGO_MINIMO_DE_RAIZ = 3


def raiz(palabra):
    """Raíz aproximada de una palabra ya normalizada (minúsculas, sin acentos): quita la terminación
    más larga que deje al menos tres letras. Respaldo sencillo de la búsqueda en español cuando la
    base no es PostgreSQL."""
    for sufijo in _SUFIJOS:
        if palabra.endswith(sufijo) and len(palabra) - len(sufijo) >= LARGO_MINIMO_DE_RAIZ:
            return palabra[: -len(sufijo)]
    return palabra
