"""Cuestionarios ficticios y deterministas para el proceso de demostración (`es_demostracion=True`).

Reparte a las personas que encabezan fórmula o planilla (propietarias, número 1) en: 70 % publicadas,
10 % enviadas, 20 % sin capturar. Las publicadas tienen consentimiento y respuestas de identidad
en combinaciones variadas (publicación sí/no, estadística sí/no). Es idempotente: borra y vuelve a
crear sólo los cuestionarios de ese proceso.
"""

import random

from django.db import transaction
from django.utils import timezone

from candidaturas.models import Candidatura, ProcesoElectoral
from cuestionarios.models import (
    AvisoDePrivacidad,
    Consentimiento,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    Estado,
    Opcion,
    Pregunta,
    RespuestaIdentidad,
)

SEMILLA = 2027
FRASES = [
    "Trabajé durante varios años en proyectos comunitarios de agua potable y caminos rurales.",
    "Coordiné programas de salud preventiva con clínicas municipales y organizaciones vecinales.",
    "Fui docente de educación media superior y asesora de cooperativas de productoras.",
    "Participé en comités ciudadanos de seguridad y en la contraloría social de obras públicas.",
    "Dirigí una pequeña empresa familiar y colaboré con cámaras de comercio de la región.",
]
PROPUESTAS = [
    "Crear un programa municipal de becas de transporte para estudiantes, con metas anuales públicas.",
    "Instalar comedores comunitarios con padrón abierto y evaluación semestral de resultados.",
    "Rehabilitar espacios públicos con participación vecinal y presupuesto publicado por colonia.",
    "Promover una iniciativa de ley para guarderías de horario extendido para madres trabajadoras.",
]
GRADOS = ["preparatoria", "licenciatura", "licenciatura", "maestria", "doctorado", "tecnica"]


def _texto(azar, frases, minimo=320):
    partes = []
    while len(" ".join(partes)) < minimo:
        partes.append(azar.choice(frases))
    return " ".join(partes)


@transaction.atomic
def generar(proceso=None):
    """Devuelve un resumen {"publicados", "enviados", "sin_capturar"} o None si no hay proceso demo."""
    proceso = proceso or ProcesoElectoral.objects.filter(es_demostracion=True).order_by("-anio").first()
    if proceso is None:
        return None
    aviso = AvisoDePrivacidad.objects.vigente()
    azar = random.Random(SEMILLA)
    ahora = timezone.now()

    personas = list(
        Candidatura.objects.vigentes()
        .del_proceso(proceso)
        .filter(calidad=Candidatura.Calidad.PROPIETARIA, numero=1)
        .exclude(cargo__in=[Candidatura.Cargo.SINDICATURA, Candidatura.Cargo.REGIDURIA])
        .order_by("persona_id")
        .values_list("persona_id", flat=True)
        .distinct()
    )
    existentes = CuestionarioCurricular.objects.filter(proceso=proceso)
    if existentes.exists():
        # Ya se generó: no se toca nada (pudo capturarse algo a mano sobre la demostración).
        publicados = existentes.filter(publicado_en__isnull=False).count()
        enviados = existentes.count() - publicados
        return {
            "publicados": publicados,
            "enviados": enviados,
            "sin_capturar": len(personas) - publicados - enviados,
            "ya_existian": True,
        }
    curriculares, consentimientos, publicadas = [], [], []
    resumen = {"publicados": 0, "enviados": 0, "sin_capturar": 0, "ya_existian": False}
    for persona_id in personas:
        tirada = azar.random()
        if tirada >= 0.8:
            resumen["sin_capturar"] += 1
            continue
        publicado = tirada < 0.7
        curriculares.append(
            CuestionarioCurricular(
                persona_id=persona_id,
                proceso=proceso,
                grado_estudios=azar.choice(GRADOS),
                estatus_estudios="titulo",
                historia_profesional=_texto(azar, FRASES),
                trayectoria_politica=_texto(azar, FRASES),
                por_que_quiero_el_cargo=_texto(azar, FRASES),
                propuesta_1=_texto(azar, PROPUESTAS),
                propuesta_2=_texto(azar, PROPUESTAS),
                propuesta_genero=_texto(azar, PROPUESTAS),
                correo_publico=f"contacto{persona_id}@ejemplo.mx" if azar.random() < 0.6 else "",
                estado=Estado.PUBLICADO if publicado else Estado.ENVIADO,
                enviado_en=ahora,
                publicado_en=ahora if publicado else None,
                primera_publicacion_en=ahora if publicado else None,
                contacto_actualizado_en=ahora if publicado else None,
                formacion_actualizada_en=ahora if publicado else None,
                historia_actualizada_en=ahora if publicado else None,
                trayectoria_actualizada_en=ahora if publicado else None,
                motivacion_actualizada_en=ahora if publicado else None,
                propuestas_actualizadas_en=ahora if publicado else None,
            )
        )
        resumen["publicados" if publicado else "enviados"] += 1
        if aviso and publicado:
            publica, estadistica = azar.random() < 0.6, azar.random() < 0.8
            consentimientos.append(
                Consentimiento(
                    persona_id=persona_id,
                    proceso=proceso,
                    aviso=aviso,
                    autoriza_tratamiento=True,
                    tratamiento_en=ahora,
                    autoriza_publicacion=publica,
                    publicacion_en=ahora,
                    autoriza_estadistica=estadistica,
                    estadistica_en=ahora,
                )
            )
            publicadas.append(persona_id)
    CuestionarioCurricular.objects.bulk_create(curriculares, batch_size=500)
    Consentimiento.objects.bulk_create(consentimientos, batch_size=500)
    identidades = CuestionarioIdentidad.objects.bulk_create(
        [CuestionarioIdentidad(persona_id=p, proceso=proceso, publicado_en=ahora) for p in publicadas],
        batch_size=500,
    )
    preguntas = list(Pregunta.objects.filter(depende_de__isnull=True).order_by("numero"))
    opciones = {}
    for opcion in Opcion.objects.filter(padre__isnull=True, pide_texto=False):
        opciones.setdefault(opcion.pregunta_id, []).append(opcion)
    respuestas = []
    for identidad in identidades:
        for pregunta in preguntas:
            opcion = azar.choice(opciones[pregunta.pk])
            for publicada in (False, True):
                respuestas.append(
                    RespuestaIdentidad(
                        cuestionario=identidad,
                        pregunta=pregunta,
                        opcion=opcion,
                        version_pregunta=pregunta.version,
                        publicada=publicada,
                    )
                )
    RespuestaIdentidad.objects.bulk_create(respuestas, batch_size=2000)
    return resumen
