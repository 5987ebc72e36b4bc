"""Avance de la captura por paso, para el tablero de la persona candidata (issue 14).

Cada paso (aviso, curricular, identidad, envío) tiene un estado legible —sin empezar, borrador
guardado, enviado, con observaciones, publicado— y el tablero dice qué falta.
"""

from django.utils.translation import gettext_lazy as _

from cuestionarios.models import Estado
from cuestionarios.models.flujo import ParteDelCuestionario
from cuestionarios.services.reglas import CAMPOS_EDITABLES

SIN_EMPEZAR = "sin_empezar"
BORRADOR = "borrador"
ENVIADO = "enviado"
CON_OBSERVACIONES = "con_observaciones"
PUBLICADO = "publicado"
HECHO = "hecho"

ETIQUETAS = {
    SIN_EMPEZAR: _("Sin empezar"),
    BORRADOR: _("Borrador guardado"),
    ENVIADO: _("Enviado"),
    CON_OBSERVACIONES: _("Con observaciones"),
    PUBLICADO: _("Publicado"),
    HECHO: _("Hecho"),
}

EN_REVISION = {Estado.ENVIADO, Estado.VALIDADO_PARTIDO, Estado.EN_REVISION, Estado.CORREGIDO}


def _estado_del_paso(cuestionario, tiene_algo, observado):
    if cuestionario is None:
        return SIN_EMPEZAR
    if cuestionario.estado in EN_REVISION:
        return ENVIADO
    if cuestionario.estado == Estado.PUBLICADO:
        return PUBLICADO
    if cuestionario.estado == Estado.CON_OBSERVACIONES:
        return CON_OBSERVACIONES if observado else ENVIADO
    if observado:
        # En captura con observaciones por atender: la representación del partido se la devolvió.
        return CON_OBSERVACIONES
    return BORRADOR if tiene_algo else SIN_EMPEZAR


def avance(consentimiento, cuestionario, respuestas_identidad):
    """{"pasos": {clave: (estado, etiqueta)}, "falta": [texto…]} de una persona en un proceso.

    `cuestionario` es el curricular (o None), con `por_atender` precargado; `respuestas_identidad`
    cuántas respuestas de identidad tiene en captura. Sin consultas.
    """
    por_atender = getattr(cuestionario, "por_atender", []) if cuestionario else []
    obs_identidad = any(o.parte == ParteDelCuestionario.IDENTIDAD for o in por_atender)
    obs_curricular = any(o.parte != ParteDelCuestionario.IDENTIDAD for o in por_atender)
    tiene_curricular = bool(
        cuestionario
        and (
            cuestionario.borrador
            or cuestionario.foto
            or any(getattr(cuestionario, c, "") for c in CAMPOS_EDITABLES)
        )
    )
    aviso = HECHO if consentimiento and consentimiento.autoriza_tratamiento else SIN_EMPEZAR
    curricular = _estado_del_paso(cuestionario, tiene_curricular, obs_curricular)
    identidad = _estado_del_paso(cuestionario, respuestas_identidad > 0, obs_identidad)
    if cuestionario is not None and cuestionario.estado == Estado.EN_CAPTURA and por_atender:
        envio = CON_OBSERVACIONES  # devuelta por la representación del partido
    elif cuestionario is None or cuestionario.estado == Estado.EN_CAPTURA:
        envio = SIN_EMPEZAR
    elif cuestionario.estado == Estado.CON_OBSERVACIONES:
        envio = CON_OBSERVACIONES
    elif cuestionario.estado == Estado.PUBLICADO:
        envio = PUBLICADO
    else:
        envio = ENVIADO

    falta = []
    if aviso != HECHO:
        falta.append(_("Leer el aviso de privacidad y dar tu autorización."))
    if curricular in (SIN_EMPEZAR, BORRADOR):
        falta.append(_("Completar el cuestionario curricular."))
    if cuestionario is None or not (cuestionario.foto or cuestionario.foto_pendiente):
        falta.append(_("Subir tu fotografía."))
    if identidad == SIN_EMPEZAR:
        falta.append(_("Contestar el cuestionario de identidad."))
    if envio == SIN_EMPEZAR:
        falta.append(_("Revisar la vista previa y enviar tu captura."))
    if envio == CON_OBSERVACIONES:
        falta.append(_("Atender las observaciones y volver a enviar."))

    def par(estado):
        return (estado, ETIQUETAS[estado])

    return {
        "pasos": {
            "aviso": par(aviso),
            "curricular": par(curricular),
            "identidad": par(identidad),
            "envio": par(envio),
        },
        "falta": falta,
    }
