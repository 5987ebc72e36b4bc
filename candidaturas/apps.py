from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidaturasConfig(AppConfig):
    name = "candidaturas"
    verbose_name = _("Candidaturas y registro electoral")
