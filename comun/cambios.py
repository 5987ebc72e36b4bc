"""Aviso de que cambió lo que se publica de un proceso electoral.

Las apps de abajo (candidaturas, cuestionarios) no pueden importar a las de arriba (conoceles), así
que avisan con una señal y quien necesita rehacer algo la escucha: hoy, los datos abiertos de
Conóceles (`conoceles.tareas`), que encolan su regeneración. El aviso sale al confirmarse la
transacción: si se deshace, no hubo cambio.
"""

from django.db import transaction
from django.dispatch import Signal

cambio_en_lo_publicado = Signal()
"""Argumento `proceso_id`: el proceso cuyo contenido público cambió; None si pueden ser todos."""


def avisar_cambio_publico(proceso_id=None):
    """Manda `cambio_en_lo_publicado` al confirmarse la transacción en curso (o en el acto)."""
    transaction.on_commit(lambda: cambio_en_lo_publicado.send(sender=None, proceso_id=proceso_id))
