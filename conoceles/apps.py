from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConocelesConfig(AppConfig):
    name = "conoceles"
    verbose_name = _("Conóceles")
