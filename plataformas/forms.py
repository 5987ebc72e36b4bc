"""Formularios del admin de plataformas: la carga de propuestas elige su proceso electoral."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from candidaturas.models import ProcesoElectoral

TAMANO_MAXIMO_HOJA = 5 * 1024 * 1024


class ImportarPropuestasForm(ImportForm):
    """El formulario de import-export más el proceso al que pertenecen las plataformas."""

    proceso = forms.ModelChoiceField(
        label=_("Proceso electoral"), queryset=ProcesoElectoral.objects.all(), empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["import_file"].help_text = _(
            "Primera fila con las columnas: actor, plataforma, tema, titulo, texto, orden. "
            "Si una sola fila tiene errores, no se guarda ninguna."
        )

    def clean_import_file(self):
        archivo = self.cleaned_data["import_file"]
        if archivo and archivo.size > TAMANO_MAXIMO_HOJA:
            raise forms.ValidationError(
                _("La hoja pesa más de %(maximo)s."),
                code="muy_grande",
                params={"maximo": filesizeformat(TAMANO_MAXIMO_HOJA)},
            )
        return archivo


class ConfirmarPropuestasForm(ConfirmImportForm):
    proceso = forms.ModelChoiceField(queryset=ProcesoElectoral.objects.all(), widget=forms.HiddenInput)
