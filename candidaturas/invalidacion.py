"""Qué páginas públicas en caché deja de servir un cambio en el registro o en la captura.

Cada candidatura cambiada invalida su perfil (`candidatura:<id>`, también la comparación que la
muestra), su contienda (`contienda:<id>`) y las páginas de su proceso (búsqueda, listado,
estadísticas, datos: `proceso:<slug>`); nunca las de contenido ni las de otro proceso. Ver
comun/cache_publica.py.

Los servicios lo piden al cambiar algo (publicar, sustituir, cancelar, el consentimiento). Lo que se
edita directo en el admin, en el shell o en una importación lo piden las señales de abajo, que
`CandidaturasConfig.ready` conecta: cada guardado o borrado invalida, al confirmarse la transacción,
sólo lo que muestra ese registro. Dentro de una transacción todo se junta en una sola invalidación
(`invalidar_al_confirmar`), y si ya va a invalidarse todo (una importación, la demostración), las
señales no consultan nada.
"""

from comun.cache_publica import alcance_de_proceso, invalidacion_total_pendiente, invalidar_al_confirmar


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


# --- Señales: lo que se edita directo en el modelo ---------------------------------------------------


def _alcances_de_contienda(eleccion_id):
    """La contienda y su proceso (una consulta)."""
    from candidaturas.models import Eleccion

    slug = Eleccion.objects.filter(pk=eleccion_id).values_list("proceso__slug", flat=True).first()
    alcances = {f"contienda:{eleccion_id}"}
    if slug is not None:
        alcances.add(alcance_de_proceso(slug))
    return alcances


def _sin_consultas(raw):
    """¿Se salta el cálculo de alcances? Con `raw` (loaddata: las filas relacionadas pueden faltar)
    se pide todo; si ya va todo, no hace falta nada más."""
    if raw:
        invalidar_al_confirmar()
        return True
    return invalidacion_total_pendiente()


def candidatura_por_cambiar(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: si una candidatura cambia de elección, la contienda y el proceso de antes también
    dejan de mostrarla (una consulta al corregir una candidatura; ninguna al crearla)."""
    if instance._state.adding or (update_fields is not None and "eleccion" not in update_fields):
        return
    if _sin_consultas(raw):
        return
    anterior = sender.objects.filter(pk=instance.pk).values_list("eleccion_id", flat=True).first()
    if anterior is not None and anterior != instance.eleccion_id:
        invalidar_al_confirmar(*_alcances_de_contienda(anterior))


def candidatura_cambiada(sender, instance, raw=False, **kwargs):
    """post_save y post_delete: su perfil y su comparación, su contienda y su proceso."""
    if _sin_consultas(raw):
        return
    invalidar_al_confirmar(f"candidatura:{instance.pk}", *_alcances_de_contienda(instance.eleccion_id))


def persona_cambiada(sender, instance, raw=False, created=False, **kwargs):
    """post_save: los alcances de todas sus candidaturas (una consulta). Una persona recién creada
    todavía no sale en ninguna página."""
    if created or _sin_consultas(raw):
        return
    from candidaturas.models import Candidatura

    invalidar_candidaturas(Candidatura.objects.filter(persona_id=instance.pk))


def eleccion_por_cambiar(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: si una elección cambia de proceso, el de antes también."""
    if instance._state.adding or (update_fields is not None and "proceso" not in update_fields):
        return
    if _sin_consultas(raw):
        return
    slug = sender.objects.filter(pk=instance.pk).values_list("proceso__slug", flat=True).first()
    if slug is not None:
        invalidar_al_confirmar(alcance_de_proceso(slug))


def eleccion_cambiada(sender, instance, raw=False, **kwargs):
    """post_save y post_delete: la contienda, su proceso y los perfiles de sus candidaturas (muestran
    el distrito o el municipio de la elección); dos consultas."""
    if _sin_consultas(raw):
        return
    from candidaturas.models import Candidatura

    alcances = _alcances_de_contienda(instance.pk)
    alcances |= alcances_de_candidaturas(Candidatura.objects.filter(eleccion_id=instance.pk))
    invalidar_al_confirmar(*alcances)


def actor_cambiado(sender, instance, raw=False, created=False, **kwargs):
    """post_save y post_delete. Sus siglas, nombre, color y logotipo salen en el perfil y la
    comparación de cada una de sus candidaturas (miles: un alcance por cada una), en las plataformas y
    en los filtros de cada proceso donde compite: al corregirlo o borrarlo, todas las páginas (un
    incremento de `portal` cuesta menos que calcular esos alcances). Recién creado sólo puede salir
    en su proceso (las páginas lo muestran por sus candidaturas y plataformas, que invalidan al
    crearse); sin proceso, en ninguna."""
    if not created or raw:
        invalidar_al_confirmar()
    elif instance.proceso_id is not None and not invalidacion_total_pendiente():
        invalidar_al_confirmar(alcance_de_proceso(instance.proceso.slug))


def todo_cambiado(sender, **kwargs):
    """post_save y post_delete de lo que cambia la navegación o sale en casi toda página: todas.

    - ProcesoElectoral: cuál es el predeterminado, el selector de proceso y el archivo.
    - La geografía: sólo la cambia `cargar_geografia`, y sale en Mi sección y en toda contienda.
    """
    invalidar_al_confirmar()


MODELOS_QUE_INVALIDAN_TODO = (
    "ProcesoElectoral",
    "Municipio",
    "DistritoLocal",
    "DistritoFederal",
    "SeccionElectoral",
)
