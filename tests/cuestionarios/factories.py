"""Fábricas de Conóceles: consentimientos y cuestionarios listos para usar (las cuentas están en
`tests/cuentas/factories.py`)."""

import factory
from factory.django import DjangoModelFactory

from cuestionarios.models import (
    AvisoDePrivacidad,
    Consentimiento,
    CuestionarioCurricular,
    CuestionarioIdentidad,
)
from tests.candidaturas.factories import ActorPoliticoFactory, CandidaturaFactory, PersonaFactory
from tests.cuentas.factories import CuentaDePersonaFactory

TEXTO_LARGO = (
    "Trabajé como docente y organizadora comunitaria en mi municipio durante quince años. " * 5
).strip()
PROPUESTA = ("Crear un programa de becas para jóvenes con metas anuales y evaluación pública. " * 4).strip()


def aviso_vigente():
    return AvisoDePrivacidad.objects.vigente()


class ConsentimientoFactory(DjangoModelFactory):
    class Meta:
        model = Consentimiento

    persona = factory.SubFactory(PersonaFactory)
    proceso = None
    aviso = factory.LazyFunction(aviso_vigente)
    autoriza_tratamiento = True
    autoriza_publicacion = True
    autoriza_estadistica = True


class CuestionarioCurricularFactory(DjangoModelFactory):
    """Completo (pasa las reglas de envío), en captura."""

    class Meta:
        model = CuestionarioCurricular

    persona = factory.SubFactory(PersonaFactory)
    proceso = None
    grado_estudios = "licenciatura"
    estatus_estudios = "titulo"
    historia_profesional = TEXTO_LARGO
    trayectoria_politica = TEXTO_LARGO
    por_que_quiero_el_cargo = TEXTO_LARGO
    propuesta_1 = PROPUESTA
    propuesta_2 = PROPUESTA
    propuesta_genero = PROPUESTA


class CuestionarioIdentidadFactory(DjangoModelFactory):
    class Meta:
        model = CuestionarioIdentidad

    persona = factory.SubFactory(PersonaFactory)
    proceso = None


def escenario(*, independiente=False):
    """Una candidatura vigente con su cuenta, consentimiento y cuestionario completo.

    Devuelve un dict: candidatura, persona, proceso, cuenta, curricular, identidad.
    """
    from candidaturas.models import ActorPolitico

    actor = (
        ActorPoliticoFactory(tipo=ActorPolitico.Tipo.INDEPENDIENTE)
        if independiente
        else ActorPoliticoFactory()
    )
    candidatura = CandidaturaFactory(actor=actor)
    persona = candidatura.persona
    proceso = candidatura.eleccion.proceso
    cuenta = CuentaDePersonaFactory(persona=persona)
    ConsentimientoFactory(persona=persona, proceso=proceso)
    curricular = CuestionarioCurricularFactory(persona=persona, proceso=proceso)
    identidad = CuestionarioIdentidadFactory(persona=persona, proceso=proceso)
    return {
        "candidatura": candidatura,
        "persona": persona,
        "proceso": proceso,
        "cuenta": cuenta,
        "actor": actor,
        "curricular": curricular,
        "identidad": identidad,
    }


def respuestas_completas():
    """Datos POST que contestan todas las preguntas que siempre aplican con «Prefiero no contestar»,
    y la 4 con «Sí» más sus condicionadas."""
    from cuestionarios.models import Pregunta

    datos = {}
    for pregunta in Pregunta.objects.filter(depende_de__isnull=True):
        datos[f"p{pregunta.numero}"] = "prefiero_no_contestar"
    datos.update(
        {
            "p4": "si",
            "p5": "permanente",
            "p6": ["sensorial"],
            "p6_sub_sensorial": ["sensorial_vision"],
            "p7": ["ver"],
        }
    )
    return datos
