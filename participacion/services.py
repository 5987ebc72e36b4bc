"""Escrituras de la participación: reacciones, comentarios, reportes y moderación."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from participacion.models import AjusteParticipacion, Comentario, Conteo, Reaccion, ReporteComentario
from participacion.objetivos import Objetivo


def reaccionar(*, token: str, objetivo: Objetivo, valor: str | None) -> Conteo:
    """Deja la reacción de `token` sobre `objetivo` en `valor` (`None` la retira) y devuelve los totales.

    Una reacción por token y objetivo (restricción única): repetir la misma no cambia nada,
    cambiarla mueve un voto de un total al otro. Los totales se ajustan con expresiones F() en la
    misma transacción que la reacción, así que peticiones simultáneas (incluso del mismo token en
    dos procesos) nunca dejan un total distinto del número de reacciones guardadas.
    """
    filtro = objetivo.filtro
    with transaction.atomic():
        conteo, _creado = Conteo.objects.get_or_create(**filtro)
        existente = Reaccion.objects.select_for_update().filter(token=token, **filtro).first()
        anterior = None
        if existente is None and valor is not None:
            try:
                with transaction.atomic():
                    Reaccion.objects.create(token=token, valor=valor, **filtro)
            except IntegrityError:
                # Otra petición del mismo token la creó primero: se toma la suya, ya confirmada.
                existente = Reaccion.objects.select_for_update().get(token=token, **filtro)
        if existente is not None:
            anterior = existente.valor
            if valor is None:
                existente.delete()
            elif valor != anterior:
                existente.valor = valor
                existente.save(update_fields=["valor", "actualizada"])
        cambios = {"me_gusta": 0, "no_me_gusta": 0}
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
    return conteo


def recibir_comentario(
    *, token: str, objetivo: Objetivo, texto: str, nombre: str, motivo_revision: str
) -> Comentario:
    """Guarda un comentario. Se publica al momento sólo si el proceso modera después de publicar y
    el filtro automático no encontró nada que revisar; si no, queda en revisión."""
    ajuste = AjusteParticipacion.del_proceso(objetivo.proceso)
    publicar = ajuste.moderacion == AjusteParticipacion.Moderacion.POSTERIOR and not motivo_revision
    comentario = Comentario(
        token=token,
        texto=texto,
        nombre=nombre,
        motivo_revision=motivo_revision,
        estado=Comentario.Estado.PUBLICADO if publicar else Comentario.Estado.PENDIENTE,
        **objetivo.filtro,
    )
    comentario.full_clean()
    comentario.save()
    return comentario


def reportar_comentario(*, token: str, comentario: Comentario) -> bool:
    """Registra el reporte de `token` (uno por persona). Con K reportes distintos, un comentario
    publicado que nadie del personal haya confirmado se oculta hasta revisarlo. Devuelve si se ocultó."""
    with transaction.atomic():
        comentario = Comentario.objects.select_for_update().get(pk=comentario.pk)
        ReporteComentario.objects.get_or_create(comentario=comentario, token=token)
        if comentario.estado != Comentario.Estado.PUBLICADO or comentario.revisado_en is not None:
            return False
        umbral = AjusteParticipacion.del_proceso(_proceso_de(comentario)).reportes_para_ocultar
        reportes = comentario.reportes.count()
        if reportes < umbral:
            return False
        comentario.estado = Comentario.Estado.OCULTO
        comentario.motivo_revision = f"Reportado por {reportes} personas."
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
