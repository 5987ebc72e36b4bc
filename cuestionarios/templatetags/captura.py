from django import template
from django.utils import timezone

from cuestionarios.services.reglas import ESTADOS_EDITABLES

register = template.Library()


@register.simple_tag
def motivo_de_bloqueo(cuestionario):
    """Por qué no se puede editar: {"motivo": "estado"|"antes"|"cerrado", "plazo": PlazoDeCaptura|None}."""
    plazo = getattr(cuestionario.proceso, "plazo_de_captura", None)
    if cuestionario.estado not in ESTADOS_EDITABLES:
        return {"motivo": "estado", "plazo": plazo}
    ahora = timezone.now()
    if plazo is not None and ahora < plazo.inicio:
        return {"motivo": "antes", "plazo": plazo}
    return {"motivo": "cerrado", "plazo": plazo}
