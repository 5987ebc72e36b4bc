"""Revisión del personal en el admin (C6): observaciones por parte del cuestionario y nota opcional."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cuestionarios.models import (
    Observacion,
)


class ObservacionForm(forms.ModelForm):
    class Meta:
        model = Observacion
        fields = ["parte", "supuesto", "texto"]
        widgets = {"texto": forms.Textarea(attrs={"rows": 3})}


ObservacionFormSet = forms.formset_factory(ObservacionForm, extra=2, min_num=1, validate_min=True)


class NotaDeRevisionForm(forms.Form):
    """Nota opcional del personal al mover un cuestionario en el flujo (no es un comentario ciudadano)."""

    comentario = forms.CharField(
        label=_("Comentario (opcional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
