"""Plataformas y bloques ficticios para el proceso de demostración (deterministas)."""

import random

from django.db import transaction

from candidaturas.models import ActorPolitico, Eleccion, ProcesoElectoral
from plataformas.models import BloqueCompetitividad, PlataformaElectoral, Propuesta, Tema

IDEAS = [
    (
        "Más alumbrado público",
        "Cambiar a luminarias LED las calles sin luz, empezando por las rutas a escuelas.",
    ),
    (
        "Agua todos los días",
        "Reparar fugas y coordinar tandeos públicos para que cada colonia sepa cuándo llega.",
    ),
    (
        "Centros de salud abiertos de noche",
        "Ampliar horarios y surtir medicamentos básicos en clínicas de barrio.",
    ),
    ("Becas para secundaria", "Apoyos mensuales para que nadie deje la escuela por falta de dinero."),
    ("Transporte seguro para mujeres", "Botones de auxilio y rutas vigiladas en el transporte concesionado."),
    (
        "Presupuesto participativo",
        "Que cada colonia decida en asamblea en qué se gasta una parte de la obra pública.",
    ),
    ("Mercados y empleo local", "Créditos pequeños y ferias para productores y comercios de la zona."),
    (
        "Parques limpios",
        "Rescatar espacios públicos con las vecinas y vecinos, con mantenimiento permanente.",
    ),
]


def generar_demo_plataformas():
    """Crea plataformas (con propuestas) y bloques para el proceso de demostración. Devuelve el
    proceso, o `None` si no hay uno. Si ya tiene plataformas, no hace nada."""
    proceso = (
        ProcesoElectoral.objects.filter(es_demostracion=True).order_by("-predeterminado", "-anio").first()
    )
    if proceso is None or PlataformaElectoral.objects.filter(proceso=proceso).exists():
        return proceso
    azar = random.Random(2027)
    temas = list(Tema.objects.all())
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
                        plataforma=plataforma,
                        titulo=titulo,
                        texto=texto,
                        tema=azar.choice(temas),
                        orden=orden,
                    )
                    for orden, (titulo, texto) in enumerate(azar.sample(IDEAS, 6), start=1)
                )
            _bloques(proceso, actor, azar)
    return proceso


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
