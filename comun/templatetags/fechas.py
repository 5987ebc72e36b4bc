"""Fechas para máquinas: el atributo `datetime` de `<time>`."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def fecha_iso(valor):
    """ISO 8601 sin microsegundos («2027-05-02T10:30:00-06:00»), en la zona horaria del portal.

    `|date:'c'` escribe los microsegundos (seis decimales) y HTML admite a lo más tres en
    `<time datetime>`; el validador de Nu lo marca como error."""
    if isinstance(valor, datetime.datetime):
        if timezone.is_aware(valor):
            valor = timezone.localtime(valor)
        return valor.replace(microsecond=0).isoformat()
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return ""
