"""Reglas que comparten la captura y el flujo: qué campos edita la persona, en qué estados y dentro de
qué plazo, y el movimiento básico de estado (con su `Transicion`)."""

from django.utils.translation import gettext as _

from cuestionarios.models import PARTES_CURRICULARES, Estado, Transicion

CAMPOS_EDITABLES = [campo for parte in PARTES_CURRICULARES.values() for campo in parte if campo != "foto"] + [
    "correo_aclaraciones"
]
ESTADOS_EDITABLES = {Estado.EN_CAPTURA, Estado.CON_OBSERVACIONES, Estado.PUBLICADO}


def plazo_abierto(proceso):
    plazo = getattr(proceso, "plazo_de_captura", None)
    return plazo is None or plazo.abierto()


def puede_editar(cuestionario) -> bool:
    return cuestionario.estado in ESTADOS_EDITABLES and plazo_abierto(cuestionario.proceso)


def _mover(cuestionario, hacia, usuario, comentario=""):
    transicion = Transicion.objects.create(
        cuestionario=cuestionario,
        desde=cuestionario.estado,
        hacia=hacia,
        usuario=usuario,
        comentario=comentario,
    )
    cuestionario.estado = hacia
    cuestionario.save(update_fields=["estado", "modificado_en"])
    return transicion


def _volver_a_captura_si_publicado(cuestionario, usuario):
    if cuestionario.estado == Estado.PUBLICADO:
        _mover(
            cuestionario,
            Estado.EN_CAPTURA,
            usuario,
            _("Edición después de publicar: vuelve a validación y revisión."),
        )
