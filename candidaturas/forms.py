from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Eleccion, Persona
from comun.filtros import campo_distrito, campo_municipio, filtros_aplicados
from comun.widgets import SelectorLigero

# --- Admin: sustitución y cancelación (C13) ---------------------------------------------------------


class CambioForm(forms.Form):
    fecha = forms.DateField(
        label=_("Fecha del acuerdo"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Escribe la fecha del acuerdo."),
            "invalid": _("Escribe una fecha válida."),
        },
    )
    acuerdo = forms.CharField(
        label=_("Acuerdo"),
        max_length=120,
        help_text=_("Referencia del acuerdo del Consejo General, por ejemplo IEEM/CG/45/2027."),
        error_messages={"required": _("Escribe la referencia del acuerdo.")},
    )
    motivo = forms.CharField(label=_("Motivo"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SustitucionForm(CambioForm):
    """La persona que entra al lugar. Si ya está registrada (mismo nombre y fecha de nacimiento o
    correo) se reutiliza su registro."""

    nombre = forms.CharField(label=_("Nombre(s)"), max_length=120)
    primer_apellido = forms.CharField(label=_("Primer apellido"), max_length=120)
    segundo_apellido = forms.CharField(label=_("Segundo apellido"), max_length=120, required=False)
    sexo = forms.ChoiceField(label=_("Sexo"), choices=Persona.Sexo.choices)
    fecha_nacimiento = forms.DateField(
        label=_("Fecha de nacimiento"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    correo = forms.EmailField(label=_("Correo electrónico"), required=False)

    field_order = [
        "nombre",
        "primer_apellido",
        "segundo_apellido",
        "sexo",
        "fecha_nacimiento",
        "correo",
        "fecha",
        "acuerdo",
        "motivo",
    ]


# --- Listado público (P6) --------------------------------------------------------------------------


class FiltroCandidaturasForm(forms.Form):
    """Los filtros del listado viven en la URL. Todos son opcionales; un valor que no existe es
    un error (400), no una página vacía."""

    tipo = forms.ChoiceField(
        label=_("Tipo de elección"), required=False, choices=[("", _("Todas"))] + Eleccion.Tipo.choices
    )
    municipio = campo_municipio()
    distrito = campo_distrito()
    actor = forms.ChoiceField(
        label=_("Partido, coalición o candidatura"), required=False, widget=SelectorLigero
    )
    sexo = forms.ChoiceField(
        label=_("Sexo"), required=False, choices=[("", _("Todos"))] + Persona.Sexo.choices
    )

    def __init__(self, *args, municipios, distritos, actores, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipio"].choices = [("", _("Todos"))] + [(m.clave_ieem, m.nombre) for m in municipios]
        self.fields["distrito"].choices = [("", _("Todos"))] + [
            (
                d.numero,
                _("Distrito %(numero)s, %(cabecera)s") % {"numero": d.numero, "cabecera": d.cabecera_legible},
            )
            for d in distritos
        ]
        self.fields["actor"].choices = [("", _("Todos"))] + [(a.slug, a.nombre) for a in actores]
        mensaje = _("«%(value)s» no es una opción de este filtro; elige una de la lista.")
        for campo in self.fields.values():
            campo.error_messages["invalid_choice"] = mensaje

    def clean(self):
        datos = super().clean()
        if datos.get("tipo") in (Eleccion.Tipo.GUBERNATURA, Eleccion.Tipo.DIPUTACION_RP) and (
            datos.get("municipio") or datos.get("distrito")
        ):
            raise ValidationError(
                _(
                    "La gubernatura y las listas de representación proporcional son de todo el estado: "
                    "quita el municipio o el distrito."
                ),
                code="ambito_estatal",
            )
        return datos

    @property
    def criterios(self):
        """Los filtros válidos, listos para `CandidaturaQuerySet.con_filtros()`."""
        return {campo: valor for campo, valor in self.cleaned_data.items() if valor not in (None, "")}

    @property
    def activos(self):
        """Los filtros aplicados, para mostrarlos y quitarlos (`comun.filtros.filtros_aplicados`)."""
        return filtros_aplicados(self, ("tipo", "municipio", "distrito", "actor", "sexo"))
