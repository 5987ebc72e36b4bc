from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
