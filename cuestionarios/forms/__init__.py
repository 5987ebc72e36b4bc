"""Formularios de captura: consentimiento, curricular, fotografía, identidad y observaciones.

Un módulo por subdominio (`consentimiento`, `curricular`, `identidad`, `revision`), reexportados
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
from cuestionarios.forms.revision import NotaDeRevisionForm, ObservacionForm, ObservacionFormSet

__all__ = [
    "AYUDAS",
    "DOMINIOS_DE_REDES",
    "LIMITES",
    "TELEFONO",
    "ConsentimientoForm",
    "CurricularForm",
    "FotoForm",
    "IdentidadForm",
    "NotaDeRevisionForm",
    "ObservacionForm",
    "ObservacionFormSet",
    "normalizar_texto",
]
