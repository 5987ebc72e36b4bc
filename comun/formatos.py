"""Formatos de archivo para las importaciones del personal (django-import-export).

Excel en Windows guarda «CSV» en la codificación de Windows (cp1252, casi Latin-1), no en UTF-8; con
el lector de import-export eso acababa en «Se encontró 'UnicodeDecodeError'». Aquí el CSV se lee
como bytes y se decodifica con `decodificar_texto`: UTF-8 con o sin BOM, UTF-16 con BOM (el
«Texto Unicode» de Excel) y, si no es nada de eso, Windows-1252 con Latin-1 de respaldo (que
acepta cualquier byte). Así un archivo nunca falla por su codificación.
"""

import codecs

from import_export.formats import base_formats

BOMS_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decodificar_texto(contenido: bytes) -> str:
    """El texto de un archivo subido, sin importar si se guardó en UTF-8, UTF-16 o Windows-1252."""
    if contenido.startswith(BOMS_UTF16):
        return contenido.decode("utf-16")
    try:
        return contenido.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return contenido.decode("cp1252")
    except UnicodeDecodeError:
        return contenido.decode("latin-1")


class CSV(base_formats.CSV):
    """CSV que se guarda y se lee como bytes, y se decodifica con `decodificar_texto`."""

    def get_read_mode(self):
        return "rb"

    def is_binary(self):
        # Para import-export «binario» sólo significa «no le pases una codificación al leerlo».
        return True

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = decodificar_texto(in_stream)
        return super().create_dataset(in_stream, **kwargs)
