"""Descargas de hojas de cálculo (CSV y XLSX) para todo el portal.

Dos garantías en un solo lugar: ninguna celda se interpreta como fórmula al abrirla en Excel o
LibreOffice (inyección de fórmulas), y nada se arma completo en memoria: el CSV se transmite fila
por fila y el XLSX se escribe en modo de sólo escritura a un archivo temporal.
"""

import csv
import datetime
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

# Un texto que empieza con alguno de estos caracteres puede ejecutarse como fórmula.
INICIOS_PELIGROSOS = ("=", "+", "-", "@", "\t", "\r", "\n")
TIPO_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def celda_segura(valor):
    """Antepone un apóstrofo a los textos que una hoja de cálculo tomaría por fórmula."""
    if isinstance(valor, str) and valor.startswith(INICIOS_PELIGROSOS):
        return "'" + valor
    return valor


class Libro(list):
    """Las hojas de un XLSX, [(título, encabezados, filas), …], con las propiedades del archivo.

    `propiedades`: las de `openpyxl.packaging.core.DocumentProperties` (title, creator,
    description, subject, keywords, language…) y "personalizadas", un dict de texto (p. ej. la
    licencia). Es una lista: quien llama a `escribir_xlsx` con una lista simple sigue igual.
    """

    def __init__(self, hojas=(), *, propiedades=None):
        super().__init__(hojas)
        self.propiedades = dict(propiedades or {})


def valor_csv(valor):
    """Fechas en ISO 8601 (con su zona si la tienen); None como celda vacía."""
    if valor is None:
        return ""
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return valor


def valor_xlsx(valor):
    """Excel no guarda zonas horarias: una fecha con zona se escribe en su hora local."""
    if isinstance(valor, datetime.datetime) and valor.tzinfo is not None:
        return valor.replace(tzinfo=None)
    return valor


class _Eco:
    """Búfer mínimo: csv.writer escribe aquí y la fila vuelve tal cual al generador."""

    def write(self, valor):
        return valor


def filas_csv(encabezados, filas):
    """Genera el CSV línea por línea (con BOM para que Excel reconozca UTF-8)."""
    escritor = csv.writer(_Eco())
    yield "\ufeff" + escritor.writerow([celda_segura(c) for c in encabezados])
    for fila in filas:
        yield escritor.writerow([celda_segura(valor_csv(c)) for c in fila])


def respuesta_csv(nombre_archivo, encabezados, filas):
    respuesta = StreamingHttpResponse(filas_csv(encabezados, filas), content_type="text/csv; charset=utf-8")
    respuesta["Content-Disposition"] = f'attachment; filename="{nombre_archivo}"'
    return respuesta


def escribir_xlsx(destino, hojas):
    """Escribe `hojas` = [(título, encabezados, filas), …] en `destino` (ruta o archivo abierto).

    Si `hojas` es un `Libro`, sus propiedades van en las del archivo."""
    libro = Workbook(write_only=True)
    propiedades = dict(getattr(hojas, "propiedades", {}))
    for nombre, valor in propiedades.pop("personalizadas", {}).items():
        libro.custom_doc_props.append(StringProperty(name=nombre, value=str(valor)))
    for nombre, valor in propiedades.items():
        setattr(libro.properties, nombre, str(valor))
    for titulo, encabezados, filas in hojas:
        hoja = libro.create_sheet(title=titulo[:31])
        hoja.append([celda_segura(c) for c in encabezados])
        for fila in filas:
            hoja.append([celda_segura(valor_xlsx(c)) for c in fila])
    libro.save(destino)


def respuesta_xlsx(nombre_archivo, hojas):
    temporal = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse lo cierra)
    escribir_xlsx(temporal, hojas)
    temporal.seek(0)
    return FileResponse(temporal, as_attachment=True, filename=nombre_archivo, content_type=TIPO_XLSX)
