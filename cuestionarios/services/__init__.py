"""Escrituras de Conóceles: consentimientos, guardado de los cuestionarios y el flujo de validación,
revisión y publicación. Las vistas y el admin sólo llaman aquí (`from cuestionarios import services`).

Un módulo por subdominio, reexportados aquí: `consentimiento`, `captura`, `flujo` y `reglas` (lo que
comparten la captura y el flujo). Las cuentas e invitaciones están en `cuentas.services`.
"""

from cuestionarios.services.captura import (
    candidaturas_en_captura,
    guardar_curricular,
    guardar_foto,
    guardar_identidad,
    guardar_texto_sin_validar,
    obtener_captura,
    version_en_edicion,
)
from cuestionarios.services.consentimiento import registrar_consentimiento
from cuestionarios.services.flujo import (
    MOVIMIENTOS,
    actores_de,
    devolver_con_observaciones,
    hacer_observaciones,
    mover,
    puede_mover,
    requiere_validacion_de_partido,
)
from cuestionarios.services.reglas import CAMPOS_EDITABLES, ESTADOS_EDITABLES, plazo_abierto, puede_editar

__all__ = [
    "CAMPOS_EDITABLES",
    "ESTADOS_EDITABLES",
    "MOVIMIENTOS",
    "actores_de",
    "candidaturas_en_captura",
    "devolver_con_observaciones",
    "guardar_curricular",
    "guardar_foto",
    "guardar_identidad",
    "guardar_texto_sin_validar",
    "hacer_observaciones",
    "mover",
    "obtener_captura",
    "plazo_abierto",
    "puede_editar",
    "puede_mover",
    "registrar_consentimiento",
    "requiere_validacion_de_partido",
    "version_en_edicion",
]
