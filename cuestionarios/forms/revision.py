"""Revisión del personal en el admin (C6): observaciones por parte del cuestionario y nota opcional."""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from cuestionarios.models import Observacion, ParteDelCuestionario


class ObservacionForm(forms.ModelForm):
    """Una observación. Las que se agregan después de la primera pueden quedar vacías (se ignoran): no
    se marcan como obligatorias, pero si se empiezan, piden su parte y su supuesto."""

    class Meta:
        model = Observacion
        fields = ["parte", "supuesto", "texto"]
        widgets = {"texto": forms.Textarea(attrs={"rows": 3})}
        labels = {"texto": _("Explicación para la persona candidata")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.empty_permitted:
            for campo in ("parte", "supuesto"):
                self.fields[campo].required = False

    def clean(self):
        datos = super().clean()
        for campo, mensaje in (
            ("parte", _("Elige la parte del cuestionario que observas.")),
            ("supuesto", _("Elige el supuesto de la observación.")),
        ):
            if not datos.get(campo) and campo not in self.errors:
                self.add_error(campo, forms.ValidationError(mensaje, code="required"))
        if datos.get("supuesto") == Observacion.Supuesto.OTRO and not datos.get("texto", "").strip():
            self.add_error(
                "texto",
                forms.ValidationError(_("Explica el motivo: elegiste «Otro motivo»."), code="required"),
            )
        return datos


class ConjuntoDeObservaciones(forms.BaseFormSet):
    def con_una_mas(self):
        """El mismo conjunto con un espacio vacío más («Agregar otra observación»), sin mostrar errores
        de lo que todavía no se envía: lo escrito se conserva tal cual."""
        datos = self.data.copy()
        total = self.total_form_count()
        datos[f"{self.prefix}-TOTAL_FORMS"] = str(min(total + 1, self.max_num))
        nuevo = type(self)(datos, prefix=self.prefix)
        nuevo._errors = [ErrorDict() for _forma in nuevo.forms]
        nuevo._non_form_errors = nuevo.error_class()
        for forma in nuevo.forms:
            forma._errors = ErrorDict()
        return nuevo


ObservacionFormSet = forms.formset_factory(
    ObservacionForm,
    formset=ConjuntoDeObservaciones,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=len(ParteDelCuestionario) * 3,
    validate_max=True,
)


class NotaDeRevisionForm(forms.Form):
    """Nota opcional del personal al mover un cuestionario en el flujo (no es un comentario ciudadano)."""

    comentario = forms.CharField(
        label=_("Comentario (opcional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
