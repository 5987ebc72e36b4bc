"""Consentimiento (C2): las tres autorizaciones y su bitácora."""

from django.db import transaction
from django.utils import timezone

from candidaturas.models import Persona, ProcesoElectoral
from comun.cache_publica import invalidar_paginas_publicas
from cuestionarios.models import (
    AvisoDePrivacidad,
    Consentimiento,
    EventoDeConsentimiento,
)


@transaction.atomic
def registrar_consentimiento(
    *,
    persona: Persona,
    proceso: ProcesoElectoral,
    aviso: AvisoDePrivacidad,
    tratamiento: bool,
    publicacion: bool,
    estadistica: bool,
    usuario,
) -> Consentimiento:
    """Guarda las tres autorizaciones; cada cambio (otorgar o retirar) queda en la bitácora."""
    consentimiento = Consentimiento.objects.filter(persona=persona, proceso=proceso).first()
    if consentimiento is None:
        consentimiento = Consentimiento(persona=persona, proceso=proceso, aviso=aviso)
    ahora = timezone.now()
    eventos = []
    for clave, valor in (
        ("tratamiento", tratamiento),
        ("publicacion", publicacion),
        ("estadistica", estadistica),
    ):
        anterior = getattr(consentimiento, f"autoriza_{clave}")
        if anterior != valor or (valor and consentimiento.aviso_id != aviso.pk):
            setattr(consentimiento, f"autoriza_{clave}", valor)
            setattr(consentimiento, f"{clave}_en", ahora)
            eventos.append(clave)
    consentimiento.aviso = aviso
    consentimiento.save()
    if eventos:
        # Retirar u otorgar la publicación cambia lo que muestran el perfil, la búsqueda y los datos.
        transaction.on_commit(invalidar_paginas_publicas)
    EventoDeConsentimiento.objects.bulk_create(
        EventoDeConsentimiento(
            consentimiento=consentimiento,
            autorizacion=clave,
            otorgada=getattr(consentimiento, f"autoriza_{clave}"),
            aviso=aviso,
            usuario=usuario,
            fecha=ahora,
        )
        for clave in eventos
    )
    return consentimiento
