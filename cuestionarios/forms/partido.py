"""Formularios de la representación de partido (C6): los filtros de su tablero y la devolución de una
captura con observaciones."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Candidatura
from comun.filtros import campo_de_nombre, campo_distrito, campo_municipio, filtros_aplicados
from cuestionarios.models import ParteDelCuestionario
from cuestionarios.tablero_partido import (
    ESTADOS_DEL_TABLERO,
    ETIQUETAS_DE_ESTADO,
    ORDEN_CANDIDATURA,
    ORDEN_ESTADO,
    ORDEN_NOMBRE,
)

PARTES_QUE_VE_EL_PARTIDO = [
    (valor, etiqueta)
    for valor, etiqueta in ParteDelCuestionario.choices
    if valor != ParteDelCuestionario.IDENTIDAD
]


class FiltroTableroPartidoForm(forms.Form):
    """Búsqueda, filtros y orden del tablero de la representación. Viven en la URL (GET); un valor
    que no existe es un error (400) con su mensaje, no una página vacía."""

    q = campo_de_nombre(
        _("Nombre de la persona"), _("No importan los acentos ni las mayúsculas: «pina» encuentra «Piña».")
    )
    cargo = forms.ChoiceField(
        label=_("Cargo"), required=False, choices=[("", _("Todos"))] + Candidatura.Cargo.choices
    )
    municipio = campo_municipio()
    distrito = campo_distrito()
    estado = forms.ChoiceField(
        label=_("Estado de la captura"),
        required=False,
        choices=[("", _("Todos"))] + [(e, ETIQUETAS_DE_ESTADO[e]) for e in ESTADOS_DEL_TABLERO],
    )
    orden = forms.ChoiceField(
        label=_("Ordenar por"),
        required=False,
        choices=[
            (ORDEN_ESTADO, _("Estado (por validar primero)")),
            (ORDEN_NOMBRE, _("Nombre de la persona (A–Z)")),
            (ORDEN_CANDIDATURA, _("Candidatura, como en la boleta")),
        ],
    )

    def __init__(self, *args, municipios, distritos, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipio"].choices = [("", _("Todos"))] + [(m.clave_ieem, m.nombre) for m in municipios]
        self.fields["distrito"].choices = [("", _("Todos"))] + [
            (
                d.numero,
                _("Distrito %(numero)s, %(cabecera)s") % {"numero": d.numero, "cabecera": d.cabecera_legible},
            )
            for d in distritos
        ]
        mensaje = _("«%(value)s» no es una opción de este filtro; elige una de la lista.")
        for campo in self.fields.values():
            campo.error_messages["invalid_choice"] = mensaje
        self.fields["q"].error_messages["max_length"] = _("Escribe a lo más 100 caracteres del nombre.")

    @property
    def activos(self):
        """Los filtros aplicados, para mostrarlos y quitarlos (`comun.filtros.filtros_aplicados`)."""
        return filtros_aplicados(self, ("q", "cargo", "municipio", "distrito", "estado"))


class DevolucionForm(forms.Form):
    """Las razones con que la representación devuelve una captura a la persona candidata."""

    parte = forms.ChoiceField(
        label=_("¿Qué parte debe corregir?"),
        choices=[("", _("Elige una parte"))] + PARTES_QUE_VE_EL_PARTIDO,
        error_messages={
            "required": _("Elige la parte de la captura que la persona debe corregir."),
            "invalid_choice": _("Elige una parte de la lista."),
        },
    )
    razones = forms.CharField(
        label=_("Razones"),
        max_length=2000,
        help_text=_(
            "La persona candidata las leerá en su captura y en su correo, si lo registró. "
            "Explica con claridad qué debe corregir."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Escribe las razones: la persona necesita saber qué corregir."),
            "max_length": _("Escribe a lo más 2,000 caracteres (llevas %(show_value)s)."),
        },
    )
