"""Cuestionarios publicados y respuestas de identidad con el consentimiento que se pida, para las
pruebas de estadísticas y datos abiertos. Se apoyan en las fábricas de `tests/cuestionarios`."""

from django.utils import timezone

from cuestionarios.models import Estado, Opcion, Pregunta, RespuestaIdentidad
from tests.cuestionarios.factories import (
    ConsentimientoFactory,
    CuestionarioCurricularFactory,
    CuestionarioIdentidadFactory,
)


def publicar_curricular(candidatura, **campos):
    """El cuestionario curricular de la persona de `candidatura`, publicado."""
    ahora = timezone.now()
    return CuestionarioCurricularFactory(
        persona=candidatura.persona,
        proceso=candidatura.eleccion.proceso,
        estado=Estado.PUBLICADO,
        publicado_en=ahora,
        primera_publicacion_en=ahora,
        **campos,
    )


def enviar_curricular(candidatura, **campos):
    """Capturado y enviado, todavía sin publicar."""
    return CuestionarioCurricularFactory(
        persona=candidatura.persona, proceso=candidatura.eleccion.proceso, estado=Estado.ENVIADO, **campos
    )


def responder_identidad(candidatura, respuestas, *, publicacion=True, estadistica=True, publicada=True):
    """Consentimiento con esas autorizaciones y respuestas de identidad.

    `respuestas`: {número de pregunta: clave de opción, lista de claves o (clave, texto)}.
    Devuelve el consentimiento (para retirarlo en la prueba).
    """
    persona, proceso = candidatura.persona, candidatura.eleccion.proceso
    consentimiento = ConsentimientoFactory(
        persona=persona, proceso=proceso, autoriza_publicacion=publicacion, autoriza_estadistica=estadistica
    )
    identidad = CuestionarioIdentidadFactory(
        persona=persona, proceso=proceso, publicado_en=timezone.now() if publicada else None
    )
    filas = []
    for numero, claves in respuestas.items():
        pregunta = Pregunta.objects.get(numero=numero)
        for clave in [claves] if isinstance(claves, str | tuple) else claves:
            clave, texto = clave if isinstance(clave, tuple) else (clave, "")
            filas.append(
                RespuestaIdentidad(
                    cuestionario=identidad,
                    pregunta=pregunta,
                    opcion=Opcion.objects.get(pregunta=pregunta, clave=clave),
                    texto=texto,
                    version_pregunta=pregunta.version,
                    publicada=publicada,
                )
            )
    RespuestaIdentidad.objects.bulk_create(filas)
    return consentimiento
