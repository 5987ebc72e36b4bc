"""Consentimiento (C2): las tres autorizaciones con la versión del aviso leída."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ConsentimientoForm(forms.Form):
    tratamiento = forms.BooleanField(
        label=_(
            "Autorizo que mis datos personales sean tratados conforme a las finalidades específicas "
            "precisadas en el Aviso de Privacidad."
        ),
        required=True,
        error_messages={"required": _("Sin esta autorización no es posible capturar tus cuestionarios.")},
    )
    publicacion = forms.BooleanField(
        label=_(
            "Autorizo la publicación y divulgación de mis datos sensibles capturados en el cuestionario "
            "de identidad para integrar el sistema."
        ),
        required=False,
        help_text=_("Opcional. Si no la das, tus respuestas de identidad no se publican."),
    )
    estadistica = forms.BooleanField(
        label=_(
            "Autorizo que los datos generados por mi registro, sean parte de los informes que se "
            "elaboren con fines estadísticos."
        ),
        required=False,
        help_text=_("Opcional. Las estadísticas nunca identifican a una persona."),
    )
