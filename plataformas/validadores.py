"""Validación de los archivos que sube el personal."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

TAMANO_MAXIMO_PDF = 20 * 1024 * 1024


def validar_pdf(archivo):
    """Acepta sólo PDF de verdad (por su contenido, no por su nombre) y de hasta 20 MB."""
    if archivo.size > TAMANO_MAXIMO_PDF:
        raise ValidationError(
            _("El PDF pesa %(tamano)s; el máximo es %(maximo)s."),
            code="pdf_muy_grande",
            params={"tamano": filesizeformat(archivo.size), "maximo": filesizeformat(TAMANO_MAXIMO_PDF)},
        )
    posicion = archivo.tell() if hasattr(archivo, "tell") else 0
    archivo.seek(0)
    inicio = archivo.read(1024)
    archivo.seek(posicion)
    # La especificación de PDF permite basura antes de la cabecera, pero dentro del primer KB.
    if b"%PDF-" not in inicio:
        raise ValidationError(_("El archivo no es un PDF válido."), code="no_es_pdf")
