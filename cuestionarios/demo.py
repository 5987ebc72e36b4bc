"""Cuestionarios ficticios y deterministas para el proceso de demostración (`es_demostracion=True`).

Reparte a las personas que encabezan fórmula o planilla (propietarias, número 1) en: 70 % publicadas,
10 % enviadas, 20 % sin capturar. Las publicadas tienen consentimiento (publicación sí/no, estadística
sí/no) y respuestas de identidad que el formulario de captura aceptaría (issue 14): cada pregunta
condicionada que aplica tiene respuesta y ninguna que no aplica la tiene; «joven» y «persona mayor»
salen de la fecha de nacimiento y la de la elección. Si el proceso ya tiene cuestionarios, no se toca
nada.
"""

import random

from django.db import transaction
from django.utils import timezone

from candidaturas.models import Candidatura, Persona, ProcesoElectoral
from cuestionarios.models import (
    AvisoDePrivacidad,
    Consentimiento,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    Estado,
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
    """Frases distintas (nunca la misma dos veces en un texto) hasta pasar `minimo` caracteres."""
    partes = []
    for frase in azar.sample(frases, len(frases)):
        partes.append(frase)
        if len(" ".join(partes)) >= minimo:
            break
    return " ".join(partes)


# Probabilidad de contestar «Sí» a una pregunta de sí/no de pertenencia a un grupo (el resto: «No»,
# y «Prefiero no contestar» con PROBABILIDAD_NO_CONTESTA).
PROBABILIDAD_SI = 0.2
PROBABILIDAD_NO_CONTESTA = 0.08
JUVENTUD = (18, 29)  # «población joven (entre 18 y 29 años)», a la fecha de la elección
PERSONA_MAYOR = 60
ENTIDAD_LOCAL = "entidad_15"  # México, en el catálogo de la pregunta de entidad de nacimiento


def _edad(nacimiento, fecha):
    if nacimiento is None:
        return None
    return fecha.year - nacimiento.year - ((fecha.month, fecha.day) < (nacimiento.month, nacimiento.day))


def _es_si_no(opciones):
    return {o.clave for o in opciones} == {"si", "no", "prefiero_no_contestar"}


def _elegir(azar, pregunta, opciones, edad, dadas):
    """Las opciones (principales) que elige una persona ficticia para `pregunta`."""
    por_clave = {o.clave: o for o in opciones}
    no_contesta = next((o for o in opciones if o.es_no_contesto), None)
    if "no_aplica" in por_clave:
        # «¿A qué pueblo perteneces?» sólo tiene pueblo si la primera pregunta de su dimensión dijo «Sí».
        primera = next((o for p, o in dadas if p.dimension == pregunta.dimension), None)
        if primera is None or primera.clave != "si":
            calla = primera is not None and primera.es_no_contesto and no_contesta is not None
            return [no_contesta if calla else por_clave["no_aplica"]]
    if no_contesta is not None and azar.random() < PROBABILIDAD_NO_CONTESTA:
        return [no_contesta]
    if pregunta.dimension == "joven" and _es_si_no(opciones) and edad is not None:
        return [por_clave["si" if JUVENTUD[0] <= edad <= JUVENTUD[1] else "no"]]
    if pregunta.dimension == "mayor" and _es_si_no(opciones) and edad is not None:
        return [por_clave["si" if edad >= PERSONA_MAYOR else "no"]]
    if _es_si_no(opciones):
        return [por_clave["si" if azar.random() < PROBABILIDAD_SI else "no"]]
    if pregunta.dimension == "nacimiento" and ENTIDAD_LOCAL in por_clave and azar.random() < 0.7:
        return [por_clave[ENTIDAD_LOCAL]]  # la mayoría de quienes compiten nació en el Estado de México
    candidatas = [o for o in opciones if not o.es_no_contesto and not o.pide_texto and o.clave != "no_aplica"]
    cuantas = azar.choice([1, 1, 2]) if pregunta.tipo == pregunta.Tipo.VARIAS else 1
    return sorted(azar.sample(candidatas, min(cuantas, len(candidatas))), key=lambda o: o.orden)


def respuestas_de_identidad(azar, preguntas, edad):
    """Lista de (pregunta, opción) de una persona ficticia de `edad` años (None si no se sabe).

    Contesta cada pregunta que aplica, en orden: una condicionada sólo si su pregunta anterior
    tiene la opción que la habilita (y entonces siempre), «Prefiero no contestar» nunca junto a
    otra opción y, cuando una opción tiene subopciones («Sensorial», «Negocio propio»), una de ellas.
    Las opciones que piden especificar («Otra») no se eligen: no hay texto ficticio que escribir.
    """
    dadas = []
    for pregunta in preguntas:
        if pregunta.depende_de_id and not any(
            p.pk == pregunta.depende_de_id and o.pk == pregunta.opcion_que_habilita_id for p, o in dadas
        ):
            continue
        todas = list(pregunta.opciones.all())
        principales = [o for o in todas if o.padre_id is None]
        for opcion in _elegir(azar, pregunta, principales, edad, dadas):
            dadas.append((pregunta, opcion))
            subopciones = [o for o in todas if o.padre_id == opcion.pk]
            if subopciones:
                dadas.append((pregunta, azar.choice(subopciones)))
    return dadas


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
    preguntas = list(
        Pregunta.objects.filter(activa=True)
        .select_related("depende_de", "opcion_que_habilita")
        .prefetch_related("opciones")
        .order_by("numero")
    )
    nacimientos = dict(Persona.objects.filter(pk__in=publicadas).values_list("pk", "fecha_nacimiento"))
    fecha = proceso.fecha_jornada or ahora.date()
    respuestas = []
    for identidad in identidades:
        edad = _edad(nacimientos.get(identidad.persona_id), fecha)
        for pregunta, opcion in respuestas_de_identidad(azar, preguntas, edad):
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
