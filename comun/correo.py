"""Correo saliente por la cola de tareas (issue 12): nunca dentro de la petición ni de su transacción.

`encolar_correo` se llama dentro del movimiento atómico y sólo encola al confirmarse
(`transaction.on_commit`): si el movimiento se deshace no sale ningún correo, y si el servidor de
correo está caído el movimiento no se entera. La tarea `enviar_correo` la atiende `db_worker`; si el
SMTP falla, programa otro intento con espera creciente (`run_after`: 1, 2, 4, 8… minutos) hasta
`INTENTOS_MAXIMOS`; el último intento fallido queda como tarea fallida (lo cuenta `/salud/`).
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

registro = logging.getLogger(__name__)

INTENTOS_MAXIMOS = 8
ESPERA_INICIAL = timedelta(minutes=1)
NOMBRE_DE_LA_TAREA = "comun.correo.enviar_correo"


def espera_antes_del_intento(intento: int) -> timedelta:
    """Espera antes del intento `intento` (2, 3, …): 1, 2, 4, 8… minutos."""
    return ESPERA_INICIAL * 2 ** (intento - 2)


@task()
def enviar_correo(asunto: str, cuerpo: str, destinatarios: list[str], intento: int = 1) -> str:
    try:
        send_mail(asunto, cuerpo, None, destinatarios)
    except (OSError, smtplib.SMTPException) as error:
        if intento >= INTENTOS_MAXIMOS or not enviar_correo.get_backend().supports_defer:
            registro.error("Correo «%s» sin enviar tras %s intentos: %s", asunto, intento, error)
            raise
        siguiente = intento + 1
        registro.warning("Correo «%s» sin enviar (intento %s); se reintenta: %s", asunto, intento, error)
        enviar_correo.using(run_after=timezone.now() + espera_antes_del_intento(siguiente)).enqueue(
            asunto, cuerpo, destinatarios, siguiente
        )
        return "reintento programado"
    return "enviado"


def encolar_correo(asunto, cuerpo, destinatarios) -> None:
    """Encola el correo cuando la transacción en curso se confirme (o en el acto si no hay una)."""
    argumentos = (str(asunto), str(cuerpo), list(destinatarios))
    transaction.on_commit(lambda: enviar_correo.enqueue(*argumentos))
