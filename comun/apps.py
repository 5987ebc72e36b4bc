from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComunConfig(AppConfig):
    """Sin tablas: se registra como app sólo para que Django encuentre sus etiquetas de plantilla."""

    name = "comun"
    verbose_name = _("Piezas comunes")
