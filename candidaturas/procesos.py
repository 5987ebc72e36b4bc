"""Qué proceso electoral muestra una página pública (P15).

Todas las páginas públicas sirven el proceso predeterminado y cualquier otro con `?proceso=<slug>`.
"""

import re

from django.http import Http404
from django.utils.translation import gettext as _

from candidaturas.models import Eleccion, ProcesoElectoral

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def proceso_de_la_peticion(request):
    """Devuelve `(proceso, procesos_abiertos)`.

    `proceso` es el que nombra `?proceso=` (404 si no existe), o el predeterminado, o el más
    reciente de los abiertos; `None` si aún no hay ninguno. `procesos_abiertos` alimenta el
    selector de proceso (sólo se muestra si hay más de uno). Dos consultas como máximo.
    """
    abiertos = list(ProcesoElectoral.objects.abiertos())
    slug = request.GET.get("proceso", "").strip()
    if slug and not SLUG.fullmatch(slug):
        # Ni siquiera es un identificador posible (p. ej. trae un carácter nulo, que PostgreSQL rechaza).
        raise Http404(_("No existe el proceso electoral «%(slug)s».") % {"slug": slug[:80]})
    if slug:
        proceso = next((p for p in abiertos if p.slug == slug), None)
        if proceso is None:
            proceso = ProcesoElectoral.objects.filter(slug=slug).first()
        if proceso is None:
            raise Http404(_("No existe el proceso electoral «%(slug)s».") % {"slug": slug})
        return proceso, abiertos
    proceso = next((p for p in abiertos if p.predeterminado), None) or (abiertos[0] if abiertos else None)
    return proceso, abiertos


def otros_procesos_en_la_seccion(seccion, proceso, procesos_abiertos):
    """Los procesos abiertos, distintos de `proceso`, que también votan en `seccion` (p. ej. una
    elección extraordinaria en su municipio). Una consulta, sólo si hay otros procesos abiertos."""
    otros = [p for p in procesos_abiertos if p.pk != proceso.pk]
    if not otros:
        return []
    con_boleta = set(
        Eleccion.objects.filter(proceso__in=otros).en_la_boleta(seccion).values_list("proceso_id", flat=True)
    )
    return [p for p in otros if p.pk in con_boleta]
