"""Plazo de captura de cada proceso electoral."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlazoDeCaptura(models.Model):
    """Ventana en que las candidaturas de un proceso pueden capturar y enviar sus cuestionarios."""

    proceso = models.OneToOneField(
        "candidaturas.ProcesoElectoral",
        models.CASCADE,
        related_name="plazo_de_captura",
        verbose_name=_("proceso electoral"),
    )
    inicio = models.DateTimeField(_("inicio de la captura"))
    fin = models.DateTimeField(_("fin de la captura"))

    class Meta:
        verbose_name = _("plazo de captura")
        verbose_name_plural = _("plazos de captura")
        constraints = [
            models.CheckConstraint(condition=Q(fin__gt=models.F("inicio")), name="plazo_termina_despues")
        ]

    def __str__(self):
        return str(self.proceso)

    def abierto(self, momento=None):
        momento = momento or timezone.now()
        return self.inicio <= momento <= self.fin
