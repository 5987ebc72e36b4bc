"""Qué proceso electoral muestra una página pública (P15).

Todas las páginas públicas sirven el proceso predeterminado y cualquier otro con `?proceso=<slug>`.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from candidaturas.models import ProcesoElectoral


def proceso_de_la_peticion(request):
    """Devuelve `(proceso, procesos_abiertos)`.

    `proceso` es el que nombra `?proceso=` (404 si no existe), o el predeterminado, o el más
    reciente de los abiertos; `None` si aún no hay ninguno. `procesos_abiertos` alimenta el
    selector de proceso (sólo se muestra si hay más de uno). Dos consultas como máximo.
    """
    abiertos = list(ProcesoElectoral.objects.abiertos())
    slug = request.GET.get("proceso", "").strip()
    if slug:
        proceso = next((p for p in abiertos if p.slug == slug), None)
        if proceso is None:
            proceso = ProcesoElectoral.objects.filter(slug=slug).first()
        if proceso is None:
            raise Http404(_("No existe el proceso electoral «%(slug)s».") % {"slug": slug})
        return proceso, abiertos
    proceso = next((p for p in abiertos if p.activo), None) or (abiertos[0] if abiertos else None)
    return proceso, abiertos
