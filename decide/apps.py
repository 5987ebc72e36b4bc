from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecideConfig(AppConfig):
    name = "decide"
    verbose_name = _("Portal Decide IEEM")

    def ready(self):
        from decide import checks  # noqa: F401 (registra las revisiones de check --deploy)
