from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlataformasConfig(AppConfig):
    name = "plataformas"
    verbose_name = _("Plataformas electorales")
