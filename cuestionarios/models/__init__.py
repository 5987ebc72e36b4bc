"""Conóceles: aviso y consentimientos, cuestionarios curricular y de identidad, plazos y el flujo de
validación, revisión y publicación (DESIGN.md C2–C6; spec/conoceles.md §4–§6, §8). Las cuentas de
captura viven en la app `cuentas`.

Un módulo por subdominio; este paquete los reexporta, así que `from cuestionarios.models import X`
sigue siendo la forma de importarlos:

- `plazos`: `PlazoDeCaptura`.
- `consentimiento`: `AvisoDePrivacidad`, `Consentimiento`, `EventoDeConsentimiento`.
- `curricular`: límites, `GradoDeEstudios`, `EstatusDeEstudios`, partes y `CuestionarioCurricular`.
- `identidad`: `Pregunta`, `Opcion`, `CuestionarioIdentidad`, `RespuestaIdentidad`.
- `flujo`: `Estado`, `Transicion`, `ParteDelCuestionario`, `Observacion`, `RegistroDeCambio`.

Una persona llena UN cuestionario curricular y UN cuestionario de identidad por proceso electoral,
aunque tenga dos candidaturas en él (p. ej. mayoría relativa y representación proporcional): los dos
cuestionarios cuelgan de (persona, proceso), no de la candidatura.

Lo que ve el público sale siempre de los métodos de QuerySet de estos modelos:
`CuestionarioCurricular.objects.publicados()`, `RespuestaIdentidad.objects.publicables()` y
`RespuestaIdentidad.objects.para_estadistica()`.
"""

from cuestionarios.models.consentimiento import (
    AvisoDePrivacidad,
    AvisoDePrivacidadQuerySet,
    Consentimiento,
    ConsentimientoQuerySet,
    EventoDeConsentimiento,
)
from cuestionarios.models.curricular import (
    CAMPO_FECHA_DE_PARTE,
    MAXIMO_OTRA_FORMACION,
    MAXIMO_PROPUESTA,
    MAXIMO_REGISTROS_OTRA_FORMACION,
    MAXIMO_TEXTO_LARGO,
    MINIMO_TEXTO_LARGO,
    PARTES_CURRICULARES,
    CuestionarioCurricular,
    CuestionarioCurricularQuerySet,
    EstatusDeEstudios,
    GradoDeEstudios,
    ruta_aleatoria_de_foto,
)
from cuestionarios.models.flujo import Estado, Observacion, ParteDelCuestionario, RegistroDeCambio, Transicion
from cuestionarios.models.identidad import (
    CuestionarioIdentidad,
    CuestionarioIdentidadQuerySet,
    Opcion,
    Pregunta,
    RespuestaIdentidad,
    RespuestaIdentidadQuerySet,
)
from cuestionarios.models.plazos import PlazoDeCaptura

__all__ = [
    "CAMPO_FECHA_DE_PARTE",
    "MAXIMO_OTRA_FORMACION",
    "MAXIMO_PROPUESTA",
    "MAXIMO_REGISTROS_OTRA_FORMACION",
    "MAXIMO_TEXTO_LARGO",
    "MINIMO_TEXTO_LARGO",
    "PARTES_CURRICULARES",
    "AvisoDePrivacidad",
    "AvisoDePrivacidadQuerySet",
    "Consentimiento",
    "ConsentimientoQuerySet",
    "CuestionarioCurricular",
    "CuestionarioCurricularQuerySet",
    "CuestionarioIdentidad",
    "CuestionarioIdentidadQuerySet",
    "Estado",
    "EstatusDeEstudios",
    "EventoDeConsentimiento",
    "GradoDeEstudios",
    "Observacion",
    "Opcion",
    "ParteDelCuestionario",
    "PlazoDeCaptura",
    "Pregunta",
    "RegistroDeCambio",
    "RespuestaIdentidad",
    "RespuestaIdentidadQuerySet",
    "Transicion",
    "ruta_aleatoria_de_foto",
]
