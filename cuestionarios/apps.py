from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CuestionariosConfig(AppConfig):
    name = "cuestionarios"
    verbose_name = _("Cuestionarios Conóceles")
