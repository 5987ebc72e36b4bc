"""Aviso de privacidad versionado, consentimientos y su bitácora (C2; spec §5.2)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AvisoDePrivacidadQuerySet(models.QuerySet):
    def vigente(self):
        """La versión publicada más reciente, o None."""
        return self.filter(vigente_desde__lte=timezone.now()).order_by("-vigente_desde").first()


class AvisoDePrivacidad(models.Model):
    """Texto versionado del aviso de privacidad integral de Conóceles, gestionado por el personal."""

    version = models.CharField(_("versión"), max_length=20, unique=True)
    titulo = models.CharField(_("título"), max_length=200)
    texto = models.TextField(_("texto íntegro"), help_text=_("Un párrafo por línea en blanco."))
    vigente_desde = models.DateTimeField(_("vigente desde"), default=timezone.now)

    objects = AvisoDePrivacidadQuerySet.as_manager()

    class Meta:
        ordering = ["-vigente_desde"]
        verbose_name = _("aviso de privacidad")
        verbose_name_plural = _("avisos de privacidad")

    def __str__(self):
        return _("%(titulo)s (versión %(version)s)") % {"titulo": self.titulo, "version": self.version}

    @property
    def parrafos(self):
        return [p.strip() for p in self.texto.split("\n\n") if p.strip()]


class ConsentimientoQuerySet(models.QuerySet):
    def con_publicacion_vigente(self):
        return self.filter(autoriza_publicacion=True)

    def con_estadistica_vigente(self):
        return self.filter(autoriza_estadistica=True)


class Consentimiento(models.Model):
    """Estado vigente de las tres autorizaciones de una persona para un proceso (spec §5.2).

    Cada otorgamiento y cada retiro queda además en `EventoDeConsentimiento`, con la versión del
    aviso leída. La autorización de publicación vale mientras no se retire; retirarla oculta de
    inmediato las respuestas de identidad en todas las páginas y descargas.
    """

    class Autorizacion(models.TextChoices):
        TRATAMIENTO = (
            "tratamiento",
            _(
                "Autorizo que mis datos personales sean tratados conforme a las finalidades específicas "
                "precisadas en el Aviso de Privacidad."
            ),
        )
        PUBLICACION = (
            "publicacion",
            _(
                "Autorizo la publicación y divulgación de mis datos sensibles capturados en el cuestionario "
                "de identidad para integrar el sistema."
            ),
        )
        ESTADISTICA = (
            "estadistica",
            _(
                "Autorizo que los datos generados por mi registro, sean parte de los informes que se "
                "elaboren con fines estadísticos."
            ),
        )

    persona = models.ForeignKey(
        "candidaturas.Persona", models.PROTECT, related_name="consentimientos", verbose_name=_("persona")
    )
    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral",
        models.PROTECT,
        related_name="consentimientos",
        verbose_name=_("proceso electoral"),
    )
    aviso = models.ForeignKey(
        AvisoDePrivacidad, models.PROTECT, related_name="consentimientos", verbose_name=_("aviso leído")
    )
    autoriza_tratamiento = models.BooleanField(_("autoriza el tratamiento"), default=False)
    tratamiento_en = models.DateTimeField(_("fecha de la autorización de tratamiento"), null=True, blank=True)
    autoriza_publicacion = models.BooleanField(_("autoriza publicar datos sensibles"), default=False)
    publicacion_en = models.DateTimeField(_("fecha de la autorización de publicación"), null=True, blank=True)
    autoriza_estadistica = models.BooleanField(_("autoriza el uso estadístico"), default=False)
    estadistica_en = models.DateTimeField(_("fecha de la autorización estadística"), null=True, blank=True)
    actualizado_en = models.DateTimeField(_("actualizado"), auto_now=True)

    objects = ConsentimientoQuerySet.as_manager()

    class Meta:
        verbose_name = _("consentimiento")
        verbose_name_plural = _("consentimientos")
        constraints = [
            models.UniqueConstraint(fields=["persona", "proceso"], name="un_consentimiento_por_proceso")
        ]

    def __str__(self):
        return _("Consentimiento de %(persona)s") % {"persona": self.persona}


class EventoDeConsentimiento(models.Model):
    """Bitácora inalterable: cada vez que se otorga o retira una autorización."""

    consentimiento = models.ForeignKey(
        Consentimiento, models.CASCADE, related_name="eventos", verbose_name=_("consentimiento")
    )
    autorizacion = models.CharField(_("autorización"), max_length=12, choices=Consentimiento.Autorizacion)
    otorgada = models.BooleanField(_("otorgada"), help_text=_("Falso cuando se retiró."))
    aviso = models.ForeignKey(AvisoDePrivacidad, models.PROTECT, related_name="+", verbose_name=_("aviso"))
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("usuario")
    )
    fecha = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-fecha", "-id"]
        verbose_name = _("movimiento de consentimiento")
        verbose_name_plural = _("movimientos de consentimiento")

    def __str__(self):
        return f"{self.get_autorizacion_display()} · {self.fecha:%Y-%m-%d %H:%M}"
