"""Validación de los archivos que sube el personal.

El PDF de una plataforma se juzga por su estructura, no por su nombre (issue 12): un «políglota»
(un HTML con una cabecera de PDF en medio, llamado `x.pdf`) pasaba la revisión anterior, que buscaba
`%PDF-` en cualquier parte del primer KB. Ahora el archivo debe empezar con `%PDF-1.x`/`%PDF-2.x`,
terminar con `%%EOF` (sólo espacios después) y no llevar marcas de HTML o JavaScript en su primer ni
en su último KB. No se usa una biblioteca de PDF (pypdf): abrir y recorrer un PDF de 20 MB en la
petición cuesta tiempo y memoria y suma superficie de ataque, y lo que importa aquí es que ningún
navegador pueda tomarlo por una página; para eso, además, se guarda con un nombre aleatorio y se
sirve como `application/pdf` con `nosniff` y como descarga (`plataformas.views.documento`).
"""

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

TAMANO_MAXIMO_PDF = 20 * 1024 * 1024
VENTANA = 1024
CABECERA = re.compile(rb"%PDF-[12]\.\d")
MARCAS_DE_HTML = (
    b"<html",
    b"<!doctype",
    b"<head",
    b"<body",
    b"<script",
    b"<iframe",
    b"<svg",
    b"<object",
    b"<embed",
    b"<meta",
    b"<img",
    b"<a ",
    b"<?xml",
    b"javascript:",
    b"onload=",
    b"onerror=",
)


def _extremos(archivo):
    posicion = archivo.tell() if hasattr(archivo, "tell") else 0
    archivo.seek(0)
    inicio = archivo.read(VENTANA)
    archivo.seek(max(archivo.size - VENTANA, 0))
    final = archivo.read(VENTANA)
    archivo.seek(posicion)
    return inicio, final


def validar_pdf(archivo):
    """Acepta sólo un PDF de hasta 20 MB con estructura de PDF y sin HTML o JavaScript reconocible."""
    if archivo.size > TAMANO_MAXIMO_PDF:
        raise ValidationError(
            _("El PDF pesa %(tamano)s; el máximo es %(maximo)s."),
            code="pdf_muy_grande",
            params={"tamano": filesizeformat(archivo.size), "maximo": filesizeformat(TAMANO_MAXIMO_PDF)},
        )
    inicio, final = _extremos(archivo)
    if not CABECERA.match(inicio):
        raise ValidationError(
            _("El archivo no es un PDF: un PDF empieza con «%PDF-». Expórtalo como PDF y vuelve a subirlo."),
            code="no_es_pdf",
        )
    if not final.rstrip().endswith(b"%%EOF"):
        raise ValidationError(
            _("El PDF está incompleto o dañado: no termina con «%%EOF». Vuelve a exportarlo y súbelo."),
            code="pdf_incompleto",
        )
    extremos = (inicio + b"\n" + final).lower()
    if any(marca in extremos for marca in MARCAS_DE_HTML):
        raise ValidationError(
            _(
                "El archivo mezcla un PDF con HTML o JavaScript y por seguridad no se acepta. "
                "Expórtalo de nuevo como PDF desde el documento original."
            ),
            code="pdf_con_html",
        )
