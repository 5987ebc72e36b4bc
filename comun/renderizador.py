"""Cómo se pintan todos los formularios del portal: una plantilla de campo compartida."""

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


class CampoConErrores(BoundField):
    """Enlaza ayuda y errores al control con aria-describedby, para lectores de pantalla."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.auto_id and not self.use_fieldset:
            descritos = [f"{self.auto_id}_helptext"] if self.help_text else []
            if self.errors:
                descritos.append(f"{self.auto_id}_error")
            if descritos:
                attrs["aria-describedby"] = " ".join(descritos)
        return attrs


class Renderizador(TemplatesSetting):
    field_template_name = "partials/campo.html"
    bound_field_class = CampoConErrores
