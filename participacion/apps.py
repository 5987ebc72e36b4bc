from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _invalidar_paginas(sender, **kwargs):
    """Si un proceso recibe reacciones y comentarios sale en los perfiles, las plataformas y las
    propuestas de ese proceso, y sin ajuste vale el de omisión: todas las páginas, al confirmarse."""
    from comun.cache_publica import invalidar_al_confirmar

    invalidar_al_confirmar()


class ParticipacionConfig(AppConfig):
    name = "participacion"
    verbose_name = _("Participación ciudadana")

    def ready(self):
        from comun.ganchos import Bloque, registrar_en_tablero_de_representacion

        def reportes_para_la_representacion(*, actor, procesos):
            """El tablero de la representación de partido ofrece el reporte de participación (P14)."""
            if not procesos:
                return None
            return Bloque(
                "participacion/_reportes_de_representacion.html", {"actor": actor, "procesos": procesos}
            )

        registrar_en_tablero_de_representacion(reportes_para_la_representacion)

        ajuste = self.get_model("AjusteParticipacion")
        post_save.connect(_invalidar_paginas, sender=ajuste, dispatch_uid="paginas-AjusteParticipacion")
        post_delete.connect(_invalidar_paginas, sender=ajuste, dispatch_uid="paginas-AjusteParticipacion-del")
