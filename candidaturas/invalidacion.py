"""Qué páginas públicas en caché deja de servir un cambio en el registro o en la captura.

Cada candidatura cambiada invalida su perfil (`candidatura:<id>`, también la comparación que la
muestra), su contienda (`contienda:<id>`) y las páginas de su proceso (búsqueda, listado,
estadísticas, datos: `proceso:<slug>`); nunca las de contenido ni las de otro proceso. Ver
comun/cache_publica.py.
"""

from comun.cache_publica import alcance_de_proceso, invalidar_al_confirmar


def alcances_de_candidaturas(candidaturas):
    """Los alcances de un queryset de candidaturas (una consulta)."""
    alcances = set()
    for pk, eleccion_id, slug in candidaturas.values_list("pk", "eleccion_id", "eleccion__proceso__slug"):
        alcances |= {f"candidatura:{pk}", f"contienda:{eleccion_id}", alcance_de_proceso(slug)}
    return alcances


def invalidar_candidaturas(candidaturas, *, proceso=None):
    """Al confirmarse la transacción, invalida las páginas de `candidaturas` (queryset) y, si se da,
    las de `proceso` aunque no tenga candidaturas entre ellas."""
    alcances = alcances_de_candidaturas(candidaturas)
    if proceso is not None:
        alcances.add(alcance_de_proceso(proceso.slug))
    if alcances:
        invalidar_al_confirmar(*alcances)


def invalidar_persona_en_proceso(*, persona_id, proceso):
    """Lo público de una persona en un proceso (su captura o su consentimiento): los perfiles y
    comparaciones de sus candidaturas y las páginas del proceso; no las de contenido ni otros procesos."""
    from candidaturas.models import Candidatura

    invalidar_candidaturas(
        Candidatura.objects.filter(persona_id=persona_id, eleccion__proceso=proceso), proceso=proceso
    )
