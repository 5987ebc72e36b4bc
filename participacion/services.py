"""Escrituras de la participación: reacciones, comentarios, reportes y moderación.

Las reglas contra el abuso (issue 16, números en docs/participacion.md):

- Una reacción por token y objetivo (restricción única).
- A lo más `PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO` reacciones **contadas** por huella de IP y
  objetivo en `PARTICIPACION_VENTANA_POR_IP_Y_OBJETO` segundos. Las de más se guardan con
  `contada=False`: quien reacciona recibe la respuesta normal, el personal las ve marcadas y no
  suman en `Conteo`, ni en los reportes a partidos, ni en las estadísticas.
- Un comentario publicado se oculta por reportes sólo si vienen de K huellas de IP distintas.
- Cada marca de formulario de comentario sirve una vez (`Comentario.marca` única).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from participacion.models import AjusteParticipacion, Comentario, Conteo, Reaccion, ReporteComentario
from participacion.objetivos import Objetivo


@dataclass
class ResultadoReaccion:
    conteo: Conteo
    contada: bool


def _conteo_bloqueado(filtro):
    """La fila de `Conteo` del objetivo, creada si falta y bloqueada hasta el fin de la transacción:
    todas las escrituras sobre un mismo objetivo pasan de una en una por aquí, así que el tope por IP
    se cuenta sin carreras (una transacción corta; la actualización con F() ya tomaba este candado)."""
    try:
        with transaction.atomic():
            Conteo.objects.get_or_create(**filtro)
    except IntegrityError:  # otra petición lo creó a la vez
        pass
    return Conteo.objects.select_for_update().get(**filtro)


def _cabe_en_el_tope(ip, filtro):
    desde = timezone.now() - timedelta(seconds=settings.PARTICIPACION_VENTANA_POR_IP_Y_OBJETO)
    contadas = Reaccion.objects.filter(ip=ip, contada=True, creada__gte=desde, **filtro).count()
    return contadas < settings.PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO


def reaccionar(*, token: str, objetivo: Objetivo, valor: str | None, ip: str = "") -> ResultadoReaccion:
    """Deja la reacción de `token` sobre `objetivo` en `valor` (`None` la retira) y devuelve los
    totales y si la reacción de este token cuenta.

    Repetir la misma no cambia nada, cambiarla mueve un voto de un total al otro (si cuenta). Una
    reacción nueva cuenta sólo si su huella de IP tiene menos del tope de reacciones contadas en este
    objetivo dentro de la ventana; si no, se guarda marcada (`contada=False`). Los totales se
    ajustan con F() en la misma transacción, con la fila del conteo bloqueada.
    """
    filtro = objetivo.filtro
    with transaction.atomic():
        conteo = _conteo_bloqueado(filtro)
        existente = Reaccion.objects.select_for_update().filter(token=token, **filtro).first()
        anterior, contada = None, True
        if existente is None and valor is not None:
            contada = _cabe_en_el_tope(ip, filtro)
            Reaccion.objects.create(token=token, valor=valor, ip=ip, contada=contada, **filtro)
        elif existente is not None:
            anterior, contada = existente.valor, existente.contada
            if valor is None:
                existente.delete()
            elif valor != anterior:
                existente.valor = valor
                existente.save(update_fields=["valor", "actualizada"])
        cambios = {"me_gusta": 0, "no_me_gusta": 0}
        if contada:
            if anterior is not None:
                cambios[anterior] -= 1
            if valor is not None:
                cambios[valor] += 1
        if any(cambios.values()):
            Conteo.objects.filter(pk=conteo.pk).update(
                me_gusta=F("me_gusta") + cambios["me_gusta"],
                no_me_gusta=F("no_me_gusta") + cambios["no_me_gusta"],
            )
            conteo.refresh_from_db(fields=["me_gusta", "no_me_gusta"])
    return ResultadoReaccion(conteo=conteo, contada=contada)


class MarcaUsada(Exception):
    """La marca del formulario ya sirvió para otro comentario."""


def recibir_comentario(
    *,
    token: str,
    objetivo: Objetivo,
    texto: str,
    nombre: str,
    motivo_revision: str,
    ip: str = "",
    marca: str | None = None,
) -> Comentario:
    """Guarda un comentario. Se publica al momento sólo si el proceso modera después de publicar y
    el filtro automático no encontró nada que revisar; si no, queda en revisión. Si la `marca` ya
    se usó (dos envíos a la vez con la misma), lanza `MarcaUsada`."""
    ajuste = AjusteParticipacion.del_proceso(objetivo.proceso)
    publicar = ajuste.moderacion == AjusteParticipacion.Moderacion.POSTERIOR and not motivo_revision
    comentario = Comentario(
        token=token,
        ip=ip,
        marca=marca,
        texto=texto,
        nombre=nombre,
        motivo_revision=motivo_revision,
        estado=Comentario.Estado.PUBLICADO if publicar else Comentario.Estado.PENDIENTE,
        **objetivo.filtro,
    )
    comentario.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            comentario.save()
    except IntegrityError as error:
        raise MarcaUsada from error
    return comentario


def reportar_comentario(*, token: str, comentario: Comentario, ip: str = "") -> bool:
    """Registra el reporte de `token` (uno por token). Si los reportes vienen de K huellas de IP
    distintas (K = `reportes_para_ocultar` del proceso, 3 por omisión), un comentario publicado que
    nadie del personal haya confirmado se oculta hasta revisarlo; con menos, sigue publicado y
    aparece en la cola del personal (filtro «Con reportes» del admin). Devuelve si se ocultó."""
    with transaction.atomic():
        comentario = Comentario.objects.select_for_update().get(pk=comentario.pk)
        ReporteComentario.objects.get_or_create(comentario=comentario, token=token, defaults={"ip": ip})
        if comentario.estado != Comentario.Estado.PUBLICADO or comentario.revisado_en is not None:
            return False
        umbral = AjusteParticipacion.del_proceso(_proceso_de(comentario)).reportes_para_ocultar
        conexiones = comentario.reportes.values("ip").distinct().count()
        if conexiones < umbral:
            return False
        comentario.estado = Comentario.Estado.OCULTO
        comentario.motivo_revision = _("Reportado desde %(n)s conexiones distintas.") % {"n": conexiones}
        comentario.save(update_fields=["estado", "motivo_revision"])
        return True


def _proceso_de(comentario):
    if comentario.propuesta_id:
        return comentario.propuesta.plataforma.proceso
    return comentario.cuestionario.proceso


def moderar_comentarios(*, comentarios, estado: str, usuario) -> int:
    """Publica o rechaza comentarios en lote, anotando quién y cuándo. Un comentario publicado
    así ya no se oculta por reportes: alguien del personal lo leyó."""
    return comentarios.update(estado=estado, revisado_por=usuario, revisado_en=timezone.now())
