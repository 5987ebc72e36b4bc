import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from candidaturas.models import SECCION_MAXIMA

# Acepta lo que la gente pega desde su credencial: "0123", " 123 ", "Sección 0123", "secc. 123",
# "Sección No. 123". Lo demás no es un número de sección.
PATRON_SECCION = re.compile(
    r"^(?:secci[oó]n|secc?\.?)?\s*(?:(?:n[uú]m(?:ero)?|no)\.?|n[º°o]\.?|#)?\s*(\d+)$",
    re.IGNORECASE,
)


class ConsultaSeccionForm(forms.Form):
    seccion = forms.CharField(
        label=_("Número de sección"),
        max_length=40,
        help_text=_("Está en tu credencial para votar, junto a la palabra SECCIÓN. Tiene hasta 4 dígitos."),
        error_messages={"required": _("Escribe el número de sección de tu credencial para votar.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 8}),
    )

    def clean_seccion(self):
        texto = " ".join(self.cleaned_data["seccion"].split())
        coincidencia = PATRON_SECCION.match(texto)
        if not coincidencia:
            raise ValidationError(
                _("«%(texto)s» no es un número de sección. Escribe sólo los dígitos, por ejemplo 1234."),
                code="no_numerico",
                params={"texto": texto},
            )
        numero = int(coincidencia.group(1))
        if not 1 <= numero <= SECCION_MAXIMA:
            raise ValidationError(
                _("El número de sección va del 1 al %(maxima)s; revisa el número de tu credencial."),
                code="fuera_de_rango",
                params={"maxima": SECCION_MAXIMA},
            )
        return numero
