"""Cuestionarios ya publicados, tal como los deja el flujo de revisión, para probar lo público."""

import factory
from django.utils import timezone

from cuestionarios.models import Estado, Opcion, Pregunta, RespuestaIdentidad
from tests.cuestionarios.factories import (
    ConsentimientoFactory,
    CuestionarioCurricularFactory,
    CuestionarioIdentidadFactory,
)


class CuestionarioPublicadoFactory(CuestionarioCurricularFactory):
    """Curricular completo y publicado. Pide `persona` y `proceso`."""

    estado = Estado.PUBLICADO
    publicado_en = factory.LazyFunction(timezone.now)
    primera_publicacion_en = factory.SelfAttribute("publicado_en")
    contacto_actualizado_en = factory.SelfAttribute("publicado_en")
    formacion_actualizada_en = factory.SelfAttribute("publicado_en")
    historia_actualizada_en = factory.SelfAttribute("publicado_en")
    trayectoria_actualizada_en = factory.SelfAttribute("publicado_en")
    motivacion_actualizada_en = factory.SelfAttribute("publicado_en")
    propuestas_actualizadas_en = factory.SelfAttribute("publicado_en")


def publicar(candidatura, **campos):
    """Publica el cuestionario curricular de la persona de `candidatura` en su proceso."""
    return CuestionarioPublicadoFactory(
        persona=candidatura.persona, proceso=candidatura.eleccion.proceso, **campos
    )


def responder_identidad(candidatura, *, publicacion=True, estadistica=True, claves=None):
    """Consentimiento con esas autorizaciones y respuestas publicadas a las opciones `claves`
    (por omisión, «Sí» a la pregunta 1). Devuelve el consentimiento."""
    persona, proceso = candidatura.persona, candidatura.eleccion.proceso
    consentimiento = ConsentimientoFactory(
        persona=persona, proceso=proceso, autoriza_publicacion=publicacion, autoriza_estadistica=estadistica
    )
    identidad = CuestionarioIdentidadFactory(persona=persona, proceso=proceso, publicado_en=timezone.now())
    pregunta = Pregunta.objects.get(numero=1)
    opciones = Opcion.objects.filter(pregunta=pregunta, clave__in=claves or ["si"])
    RespuestaIdentidad.objects.bulk_create(
        RespuestaIdentidad(
            cuestionario=identidad,
            pregunta=pregunta,
            opcion=opcion,
            version_pregunta=pregunta.version,
            publicada=True,
        )
        for opcion in opciones
    )
    return consentimiento
