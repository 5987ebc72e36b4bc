"""Cuentas de captura de Conóceles (DESIGN.md C1): quién es la persona candidata o la representación
de partido detrás de cada usuario. Los roles (grupos y permisos) están en `cuentas/roles.py`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Candidatura


class CuentaDeCaptura(models.Model):
    """Vincula una cuenta de usuario con la persona candidata o con el actor político que representa.

    `candidaturas` no sabe nada de cuentas: el vínculo vive aquí. Una persona tiene a lo más una
    cuenta; un actor político puede tener varias representaciones.
    """

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="cuenta_de_captura", verbose_name=_("usuario")
    )
    persona = models.OneToOneField(
        "candidaturas.Persona",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="cuenta_de_captura",
        verbose_name=_("persona candidata"),
    )
    actor = models.ForeignKey(
        "candidaturas.ActorPolitico",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="representaciones",
        verbose_name=_("actor político que representa"),
    )
    invitacion_enviada_en = models.DateTimeField(_("última invitación enviada"), null=True, blank=True)
    creada_en = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        # La tabla conserva el nombre de cuando el modelo vivía en `cuestionarios` (sin copiar datos).
        db_table = "cuestionarios_cuentadecaptura"
        verbose_name = _("cuenta de captura")
        verbose_name_plural = _("cuentas de captura")
        constraints = [
            models.CheckConstraint(
                condition=(Q(persona__isnull=False) & Q(actor__isnull=True))
                | (Q(persona__isnull=True) & Q(actor__isnull=False)),
                name="cuenta_de_persona_o_de_actor",
            )
        ]

    def __str__(self):
        return str(self.persona or self.actor)

    @property
    def es_candidatura(self):
        return self.persona_id is not None

    @property
    def es_representacion(self):
        return self.actor_id is not None


class CandidaturaParaInvitar(Candidatura):
    """Vista del registro en el admin de cuentas: de aquí salen las cuentas e invitaciones (C1).

    Es un proxy: no crea tabla ni escribe en `candidaturas`.
    """

    class Meta:
        proxy = True
        verbose_name = _("candidatura por invitar")
        verbose_name_plural = _("cuentas: crear e invitar desde candidaturas")
