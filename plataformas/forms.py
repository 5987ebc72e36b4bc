from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from candidaturas.models import ProcesoElectoral

TAMANO_MAXIMO_HOJA = 5 * 1024 * 1024


class ImportarPropuestasForm(forms.Form):
    proceso = forms.ModelChoiceField(
        label=_("Proceso electoral"), queryset=ProcesoElectoral.objects.all(), empty_label=None
    )
    archivo = forms.FileField(
        label=_("Hoja de cálculo (.xlsx)"),
        validators=[FileExtensionValidator(["xlsx"])],
        help_text=_(
            "Primera fila con las columnas: actor, plataforma, tema, titulo, texto, orden. "
            "Si una sola fila tiene errores, no se guarda ninguna."
        ),
    )

    def clean_archivo(self):
        archivo = self.cleaned_data["archivo"]
        if archivo.size > TAMANO_MAXIMO_HOJA:
            raise forms.ValidationError(_("La hoja pesa más de 5 MB."), code="muy_grande")
        return archivo
