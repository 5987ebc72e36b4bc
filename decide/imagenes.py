"""Revisión de las imágenes que sube el personal (miniaturas de video e infografías).

Toda imagen se juzga por su contenido, no por su nombre: sólo JPEG o PNG, con peso y dimensiones
acotados. La que pasa se vuelve a codificar con Pillow (así se descarta cualquier cosa escondida en
el archivo y se quitan los metadatos EXIF, como la ubicación GPS del teléfono) y recibe un nombre
aleatorio al guardarse (ver `decide.models.ruta_*`).
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FIRMAS = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


@dataclass(frozen=True)
class Limites:
    peso_maximo: int
    lado_maximo: int
    pixeles_maximos: int
    lado_final: int
    """Lado mayor con que se guarda; una imagen más grande se reduce (las infografías no se reducen)."""


MINIATURA = Limites(peso_maximo=1024 * 1024, lado_maximo=4000, pixeles_maximos=12_000_000, lado_final=1280)
INFOGRAFIA = Limites(
    peso_maximo=5 * 1024 * 1024, lado_maximo=8000, pixeles_maximos=30_000_000, lado_final=8000
)


def _error_formato():
    return ValidationError(
        _("Sólo se aceptan imágenes JPG o PNG. Otros formatos (SVG, GIF, WebP, PDF…) no se admiten."),
        code="formato_no_permitido",
    )


def procesar_imagen(archivo, limites):
    """Valida `archivo` y devuelve una copia limpia (SimpleUploadedFile) o lanza ValidationError."""
    if archivo.size > limites.peso_maximo:
        raise ValidationError(
            _("La imagen pesa %(peso)s; el máximo es %(maximo)s."),
            code="imagen_muy_pesada",
            params={"peso": filesizeformat(archivo.size), "maximo": filesizeformat(limites.peso_maximo)},
        )
    archivo.seek(0)
    contenido = archivo.read()
    formato = next((f for firma, f in FIRMAS.items() if contenido.startswith(firma)), None)
    if formato is None:
        raise _error_formato()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            imagen = Image.open(io.BytesIO(contenido))
            if imagen.format != formato:
                raise _error_formato()
            ancho, alto = imagen.size
            if max(ancho, alto) > limites.lado_maximo or ancho * alto > limites.pixeles_maximos:
                raise ValidationError(
                    _(
                        "La imagen mide %(ancho)s × %(alto)s píxeles; el lado mayor puede medir hasta "
                        "%(lado)s píxeles."
                    ),
                    code="imagen_muy_grande",
                    params={"ancho": ancho, "alto": alto, "lado": limites.lado_maximo},
                )
            imagen.load()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise ValidationError(
            _("No pudimos leer la imagen; puede estar dañada. Vuelve a exportarla como JPG o PNG."),
            code="imagen_ilegible",
        ) from error

    imagen = ImageOps.exif_transpose(imagen)
    if max(imagen.size) > limites.lado_final:
        imagen.thumbnail((limites.lado_final, limites.lado_final))
    salida = io.BytesIO()
    if formato == "JPEG":
        imagen.convert("RGB").save(salida, "JPEG", quality=85, optimize=True, progressive=True)
        extension, tipo = "jpg", "image/jpeg"
    else:
        modo = imagen.mode if imagen.mode in ("RGB", "RGBA", "L", "LA", "P") else "RGBA"
        imagen.convert(modo).save(salida, "PNG", optimize=True)
        extension, tipo = "png", "image/png"
    # El nombre definitivo lo pone upload_to; aquí sólo importa la extensión.
    return SimpleUploadedFile(f"imagen.{extension}", salida.getvalue(), content_type=tipo)
