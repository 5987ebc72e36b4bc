"""Revisión y re-codificación de toda imagen subida al portal: la fotografía de una candidatura
(C5) y las miniaturas e infografías que sube el personal (P9).

Toda imagen se juzga por su contenido, no por su nombre: sólo JPEG o PNG, con peso y dimensiones
acotados, y Pillow se niega a descomprimir bombas (millones de píxeles en pocos KB). La que pasa se
vuelve a codificar desde sus píxeles (así se descarta cualquier cosa escondida en el archivo y se
quitan los metadatos EXIF, como la ubicación GPS del teléfono) y recibe un nombre aleatorio al
guardarse (lo pone el `upload_to` de cada modelo).
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FIRMAS = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


@dataclass(frozen=True)
class Limites:
    peso_maximo: int
    lado_maximo: int
    pixeles_maximos: int
    lado_final: int
    """Lado mayor con que se guarda; una imagen más grande se reduce."""
    lado_minimo: int = 1
    siempre_jpeg: bool = False
    """La fotografía se guarda siempre como JPEG; las imágenes del personal conservan su formato."""
    vertical: bool = False
    """Sólo retrato: más alta que ancha (o cuadrada)."""


MINIATURA = Limites(peso_maximo=1024 * 1024, lado_maximo=4000, pixeles_maximos=12_000_000, lado_final=1280)
# Una infografía es larga (p. ej. 1080 × 6000 px, 6.5 megapíxeles): 8000 px de lado y 16 megapíxeles
# (2000 × 8000) bastan y re-codificarla toma menos de medio segundo. Antes eran 30 megapíxeles y el
# mensaje hablaba sólo del lado, aunque lo que se había pasado era el total de píxeles (issue 12).
INFOGRAFIA = Limites(
    peso_maximo=5 * 1024 * 1024, lado_maximo=8000, pixeles_maximos=16_000_000, lado_final=8000
)
# La fotografía de la persona candidata (especificación: JPG de hasta 700 KB, de retrato): un JPEG
# de 700 KB bien comprimido ronda los 2–4 megapíxeles; 3000 px de lado y 6 megapíxeles (2000 × 3000)
# dejan margen y acotan la re-codificación (antes se aceptaban 24 megapíxeles: 0.8 s por foto).
FOTO = Limites(
    peso_maximo=700 * 1024,
    lado_minimo=200,
    lado_maximo=3000,
    pixeles_maximos=6_000_000,
    lado_final=1200,
    siempre_jpeg=True,
    vertical=True,
)


def megapixeles(pixeles):
    """6000000 → «6»; 2500000 → «2.5» (un decimal, sin «.0»)."""
    return f"{pixeles / 1_000_000:.1f}".removesuffix(".0")


def tamano_legible(octetos):
    """«700 KB», «5 MB»: como lo dicen las reglas, sin decimales de más."""
    if octetos >= 1024 * 1024 and octetos % (1024 * 1024) == 0:
        return _("%(n)s MB") % {"n": octetos // (1024 * 1024)}
    if octetos >= 1024 * 1024:
        return _("%(n)s MB") % {"n": f"{octetos / (1024 * 1024):.1f}".replace(".", ",")}
    return _("%(n)s KB") % {"n": max(1, round(octetos / 1024))}


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
            params={"peso": tamano_legible(archivo.size), "maximo": tamano_legible(limites.peso_maximo)},
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
            if max(ancho, alto) > limites.lado_maximo:
                raise ValidationError(
                    _(
                        "La imagen mide %(ancho)s × %(alto)s píxeles; el lado mayor puede medir hasta "
                        "%(lado)s píxeles."
                    ),
                    code="imagen_muy_grande",
                    params={"ancho": ancho, "alto": alto, "lado": limites.lado_maximo},
                )
            if ancho * alto > limites.pixeles_maximos:
                raise ValidationError(
                    _(
                        "La imagen mide %(ancho)s × %(alto)s píxeles (%(mp)s megapíxeles); el máximo es "
                        "%(maximo)s megapíxeles. Redúcela y vuelve a subirla."
                    ),
                    code="imagen_muy_grande",
                    params={
                        "ancho": ancho,
                        "alto": alto,
                        "mp": megapixeles(ancho * alto),
                        "maximo": megapixeles(limites.pixeles_maximos),
                    },
                )
            if min(ancho, alto) < limites.lado_minimo:
                raise ValidationError(
                    _("La imagen mide %(ancho)s × %(alto)s píxeles; cada lado debe medir al menos %(lado)s."),
                    code="imagen_muy_chica",
                    params={"ancho": ancho, "alto": alto, "lado": limites.lado_minimo},
                )
            if limites.vertical:
                # La orientación que cuenta es la que se verá: la del EXIF si el teléfono la marcó.
                orientacion = imagen.getexif().get(0x0112, 1)
                ancho_visible, alto_visible = (alto, ancho) if orientacion in (5, 6, 7, 8) else (ancho, alto)
                if ancho_visible > alto_visible:
                    raise ValidationError(
                        _(
                            "La foto es horizontal (%(ancho)s × %(alto)s píxeles). Usa una foto vertical, "
                            "de retrato: más alta que ancha, como la de una credencial."
                        ),
                        code="foto_horizontal",
                        params={"ancho": ancho_visible, "alto": alto_visible},
                    )
            if formato == "JPEG" and max(ancho, alto) > 2 * limites.lado_final:
                # Decodifica a escala (1/2, 1/4…) lo que de todos modos se va a reducir: menos tiempo.
                imagen.draft("RGB", (limites.lado_final, limites.lado_final))
            imagen.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # Pocos KB que al abrirse serían cientos de millones de píxeles: Pillow no la abre.
        raise ValidationError(
            _(
                "La imagen tiene demasiados píxeles para abrirla; el lado mayor puede medir hasta "
                "%(lado)s píxeles. Redúcela y vuelve a subirla."
            ),
            code="imagen_muy_grande",
            params={"lado": limites.lado_maximo},
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("No pudimos leer la imagen; puede estar dañada. Vuelve a exportarla como JPG o PNG."),
            code="imagen_ilegible",
        ) from error

    imagen = ImageOps.exif_transpose(imagen)
    if max(imagen.size) > limites.lado_final:
        imagen.thumbnail((limites.lado_final, limites.lado_final))
    salida = io.BytesIO()
    if formato == "JPEG" or limites.siempre_jpeg:
        imagen.convert("RGB").save(salida, "JPEG", quality=85, optimize=True, progressive=True)
        extension, tipo = "jpg", "image/jpeg"
    else:
        modo = imagen.mode if imagen.mode in ("RGB", "RGBA", "L", "LA", "P") else "RGBA"
        imagen.convert(modo).save(salida, "PNG", optimize=True)
        extension, tipo = "png", "image/png"
    # El nombre definitivo lo pone upload_to; aquí sólo importa la extensión.
    return SimpleUploadedFile(f"imagen.{extension}", salida.getvalue(), content_type=tipo)
