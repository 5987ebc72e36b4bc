"""Plataformas y bloques ficticios para el proceso de demostración (deterministas)."""

import random

from django.db import transaction

from candidaturas.models import ActorPolitico, Eleccion, ProcesoElectoral
from plataformas.models import BloqueCompetitividad, PlataformaElectoral, Propuesta, Tema

# Ideas de demostración por tema (slug del catálogo sembrado en 0002_sembrar_temas): cada propuesta
# va bajo el tema al que corresponde su texto (issue 14: no más «Centros de salud…» bajo «Campo»).
IDEAS_POR_TEMA = {
    "seguridad-y-justicia": [
        (
            "Policía de proximidad en cada colonia",
            "Patrullajes a pie con la misma pareja de policías, que conozca a las vecinas y los vecinos.",
        ),
        (
            "Atención a víctimas sin vueltas",
            "Un módulo por municipio donde se denuncia, se recibe asesoría jurídica y apoyo psicológico.",
        ),
    ],
    "economia-y-empleo": [
        ("Mercados y empleo local", "Créditos pequeños y ferias para productores y comercios de la zona."),
        (
            "Bolsa de trabajo municipal",
            "Vincular a quienes buscan empleo con las empresas de la región y dar cursos de oficios.",
        ),
    ],
    "educacion": [
        ("Becas para secundaria", "Apoyos mensuales para que nadie deje la escuela por falta de dinero."),
        (
            "Escuelas con agua y baños dignos",
            "Un programa de mantenimiento para que cada escuela pública tenga agua, baños y techo seguro.",
        ),
    ],
    "salud": [
        (
            "Centros de salud abiertos de noche",
            "Ampliar horarios y surtir medicamentos básicos en clínicas de barrio.",
        ),
        (
            "Ambulancias para las comunidades lejanas",
            "Una ambulancia equipada por zona rural, con tiempo de llegada publicado cada mes.",
        ),
    ],
    "medio-ambiente-y-agua": [
        (
            "Agua todos los días",
            "Reparar fugas y coordinar tandeos públicos para que cada colonia sepa cuándo llega.",
        ),
        (
            "Separación de basura con recolección diferenciada",
            "Días distintos para orgánicos e inorgánicos y centros de acopio de reciclables.",
        ),
    ],
    "igualdad-de-genero": [
        (
            "Transporte seguro para mujeres",
            "Botones de auxilio y rutas vigiladas en el transporte concesionado.",
        ),
        (
            "Guarderías de horario extendido",
            "Estancias infantiles abiertas hasta la noche para madres y padres que trabajan.",
        ),
    ],
    "combate-a-la-corrupcion": [
        (
            "Compras públicas en línea",
            "Publicar cada contrato, su monto y la empresa ganadora el mismo día en que se firma.",
        ),
        (
            "Declaraciones patrimoniales abiertas",
            "Que todo el gabinete publique su declaración patrimonial y de conflicto de intereses.",
        ),
    ],
    "movilidad-y-transporte": [
        (
            "Banquetas y cruces seguros",
            "Rampas, banquetas sin obstáculos y semáforos peatonales cerca de escuelas y mercados.",
        ),
        (
            "Rutas de transporte con horario fijo",
            "Concesiones con horarios publicados y unidades accesibles para personas con discapacidad.",
        ),
    ],
    "servicios-publicos": [
        (
            "Más alumbrado público",
            "Cambiar a luminarias LED las calles sin luz, empezando por las rutas a escuelas.",
        ),
        (
            "Calles sin baches",
            "Un reporte en línea de baches con plazo de reparación y seguimiento público.",
        ),
        (
            "Parques limpios",
            "Rescatar espacios públicos con las vecinas y vecinos, con mantenimiento permanente.",
        ),
    ],
    "desarrollo-social": [
        (
            "Comedores comunitarios",
            "Comida caliente a bajo costo en las colonias con más carencias, con padrón abierto.",
        ),
        (
            "Apoyo a personas cuidadoras",
            "Un apoyo mensual y talleres para quienes cuidan a personas mayores o con discapacidad.",
        ),
    ],
    "campo": [
        (
            "Semillas y fertilizante a tiempo",
            "Entregar los insumos antes de la siembra, con padrón de productores publicado.",
        ),
        (
            "Caminos saca cosechas",
            "Rehabilitar los caminos rurales para que las cosechas lleguen a los mercados.",
        ),
    ],
    "cultura-y-deporte": [
        (
            "Unidades deportivas con entrenadores",
            "Canchas iluminadas y entrenadoras o entrenadores gratuitos por las tardes en cada unidad.",
        ),
        (
            "Casas de cultura abiertas los fines de semana",
            "Talleres gratuitos de música, danza y lectura para niñas, niños y jóvenes.",
        ),
    ],
    "gobierno-abierto-y-participacion": [
        (
            "Presupuesto participativo",
            "Que cada colonia decida en asamblea en qué se gasta una parte de la obra pública.",
        ),
        (
            "Cabildo abierto cada mes",
            "Sesiones públicas transmitidas en línea, con un turno para que la ciudadanía pregunte.",
        ),
    ],
}
IDEAS = [(slug, titulo, texto) for slug, ideas in IDEAS_POR_TEMA.items() for titulo, texto in ideas]
TEMA_DE_LA_IDEA = {titulo: slug for slug, titulo, _texto in IDEAS}


def generar_demo_plataformas():
    """Crea plataformas (con propuestas) y bloques para el proceso de demostración. Devuelve el
    proceso, o `None` si no hay uno. Si ya tiene plataformas, sólo pone cada propuesta de
    demostración bajo el tema que le corresponde (una base creada antes del issue 14 las tenía al azar)."""
    proceso = (
        ProcesoElectoral.objects.filter(es_demostracion=True).order_by("-predeterminado", "-anio").first()
    )
    if proceso is None:
        return None
    temas = {tema.slug: tema for tema in Tema.objects.all()}
    if PlataformaElectoral.objects.filter(proceso=proceso).exists():
        corregir_temas(proceso, temas)
        return proceso
    azar = random.Random(2027)
    ideas = [idea for idea in IDEAS if idea[0] in temas]
    actores = list(
        ActorPolitico.objects.filter(candidaturas__eleccion__proceso=proceso).distinct().order_by("orden")
    )
    tipos = [PlataformaElectoral.Tipo.LEGISLATIVA, PlataformaElectoral.Tipo.MUNICIPAL]
    if Eleccion.objects.filter(proceso=proceso, tipo=Eleccion.Tipo.GUBERNATURA).exists():
        tipos.insert(0, PlataformaElectoral.Tipo.GUBERNATURA)
    with transaction.atomic():
        for actor in actores:
            for tipo in tipos:
                plataforma = PlataformaElectoral.objects.create(
                    proceso=proceso,
                    actor=actor,
                    tipo=tipo,
                    resumen=(
                        f"Plataforma {tipo} ficticia de {actor.nombre}, creada para demostrar el portal. "
                        "No corresponde a ningún documento registrado ante el IEEM."
                    ),
                )
                Propuesta.objects.bulk_create(
                    Propuesta(
                        plataforma=plataforma, titulo=titulo, texto=texto, tema=temas[slug], orden=orden
                    )
                    for orden, (slug, titulo, texto) in enumerate(azar.sample(ideas, 6), start=1)
                )
            _bloques(proceso, actor, azar)
    return proceso


def corregir_temas(proceso, temas):
    """Pone bajo su tema las propuestas de demostración de `proceso` cuyo título es del catálogo de
    ideas; las demás (capturadas a mano) no se tocan. Devuelve cuántas cambió."""
    cambiadas = []
    for propuesta in Propuesta.objects.filter(plataforma__proceso=proceso, titulo__in=TEMA_DE_LA_IDEA):
        tema = temas.get(TEMA_DE_LA_IDEA[propuesta.titulo])
        if tema is not None and propuesta.tema_id != tema.pk:
            propuesta.tema = tema
            cambiadas.append(propuesta)
    Propuesta.objects.bulk_update(cambiadas, ["tema"])
    return len(cambiadas)


def _bloques(proceso, actor, azar):
    elecciones = Eleccion.objects.filter(proceso=proceso, candidaturas__actor=actor).distinct()
    for tipo, campo, relacion in (
        (BloqueCompetitividad.Tipo.MUNICIPAL, "municipio_id", "municipios"),
        (BloqueCompetitividad.Tipo.LEGISLATIVA, "distrito_local_id", "distritos"),
    ):
        lugares = sorted({i for i in elecciones.values_list(campo, flat=True) if i})
        if not lugares:
            continue
        azar.shuffle(lugares)
        tercio = -(-len(lugares) // 3)
        for indice, nivel in enumerate(BloqueCompetitividad.Nivel.values):
            bloque = BloqueCompetitividad.objects.create(proceso=proceso, actor=actor, tipo=tipo, nivel=nivel)
            getattr(bloque, relacion).set(lugares[indice * tercio : (indice + 1) * tercio])
