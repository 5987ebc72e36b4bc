"""Mensajes (django.contrib.messages) que se muestran junto a lo que la persona acaba de usar.

Un mensaje con la etiqueta extra `junto-a-<clave>` (p. ej. `junto-a-propuesta-12`) no sale arriba
de la página, donde queda fuera de la vista tras volver a un ancla lejana, sino donde la plantilla
pinta `mensajes|junto_a:clave` (issue 14: confirmar un comentario o un reporte donde la persona mira).
"""

from django import template

register = template.Library()

PREFIJO = "junto-a-"


def etiqueta_junto_a(clave):
    """La etiqueta extra para `messages.success(..., extra_tags=etiqueta_junto_a(clave))`."""
    return f"{PREFIJO}{clave}"


def _etiquetas(mensaje):
    return (getattr(mensaje, "extra_tags", "") or "").split()


@register.filter
def generales(mensajes):
    """Los mensajes que no van junto a nada: los de arriba de la página."""
    return [m for m in mensajes or [] if not any(e.startswith(PREFIJO) for e in _etiquetas(m))]


@register.filter
def junto_a(mensajes, clave):
    """Los mensajes que van junto al bloque identificado por `clave`."""
    return [m for m in mensajes or [] if etiqueta_junto_a(clave) in _etiquetas(m)]
