"""Reacciones y comentarios ficticios sobre las propuestas del proceso de demostración."""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from candidaturas.models import ProcesoElectoral
from participacion.models import Comentario, Conteo, Reaccion
from plataformas.models import Propuesta

COMENTARIOS = [
    "Me parece bien, pero ¿de dónde saldrá el dinero?",
    "Ojalá lo cumplan; en mi colonia llevamos años esperando.",
    "Falta decir cómo se va a medir si funciona.",
    "Buena idea, que incluya a las comunidades más lejanas.",
]


def generar_demo_participacion():
    """Devuelve el proceso de demostración con participación, o `None` si no hay uno."""
    proceso = (
        ProcesoElectoral.objects.filter(es_demostracion=True).order_by("-predeterminado", "-anio").first()
    )
    if proceso is None:
        return None
    propuestas = list(Propuesta.objects.filter(plataforma__proceso=proceso))
    if not propuestas or Reaccion.objects.filter(propuesta__in=propuestas).exists():
        return proceso
    azar = random.Random(2027)
    tokens = [uuid.UUID(int=azar.getrandbits(128)).hex for _i in range(60)]
    hoy = timezone.now()
    reacciones, conteos, comentarios = [], [], []
    for propuesta in propuestas:
        quienes = azar.sample(tokens, azar.randint(0, 25))
        valores = [azar.choice(["me_gusta", "me_gusta", "no_me_gusta"]) for _q in quienes]
        reacciones += [
            Reaccion(token=t, propuesta=propuesta, valor=v) for t, v in zip(quienes, valores, strict=True)
        ]
        conteos.append(
            Conteo(
                propuesta=propuesta,
                me_gusta=valores.count("me_gusta"),
                no_me_gusta=valores.count("no_me_gusta"),
            )
        )
        for _c in range(azar.randint(0, 2)):
            comentarios.append(
                Comentario(
                    propuesta=propuesta,
                    token=azar.choice(tokens),
                    texto=azar.choice(COMENTARIOS),
                    estado=Comentario.Estado.PUBLICADO,
                )
            )
    with transaction.atomic():
        Reaccion.objects.bulk_create(reacciones)
        Conteo.objects.bulk_create(conteos)
        creados = Comentario.objects.bulk_create(comentarios)
        # Fechas repartidas en las últimas dos semanas para que la gráfica por día tenga forma.
        for comentario in creados:
            comentario.creado = hoy - datetime.timedelta(days=azar.randint(0, 14))
        Comentario.objects.bulk_update(creados, ["creado"])
    return proceso
