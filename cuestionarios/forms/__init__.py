"""Formularios de captura: consentimiento, curricular, fotografía, identidad, observaciones y los de la
representación de partido.

Un módulo por subdominio (`consentimiento`, `curricular`, `identidad`, `revision`, `partido`), reexportados
aquí: `from cuestionarios.forms import X` sigue siendo la forma de importarlos.
"""

from cuestionarios.forms.consentimiento import ConsentimientoForm
from cuestionarios.forms.curricular import (
    AYUDAS,
    DOMINIOS_DE_REDES,
    LIMITES,
    TELEFONO,
    CurricularForm,
    FotoForm,
    normalizar_texto,
)
from cuestionarios.forms.identidad import IdentidadForm
from cuestionarios.forms.partido import DevolucionForm, FiltroTableroPartidoForm
from cuestionarios.forms.revision import NotaDeRevisionForm, ObservacionForm, ObservacionFormSet

__all__ = [
    "AYUDAS",
    "DOMINIOS_DE_REDES",
    "LIMITES",
    "TELEFONO",
    "ConsentimientoForm",
    "CurricularForm",
    "DevolucionForm",
    "FiltroTableroPartidoForm",
    "FotoForm",
    "IdentidadForm",
    "NotaDeRevisionForm",
    "ObservacionForm",
    "ObservacionFormSet",
    "normalizar_texto",
]
