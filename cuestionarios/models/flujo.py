"""Flujo de validación, revisión y publicación (C6): estados, movimientos, observaciones del
personal e historial de cambios."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Estado(models.TextChoices):
    """Flujo de la captura de una persona en un proceso (aplica a los dos cuestionarios)."""

    EN_CAPTURA = "en_captura", _("En captura")
    ENVIADO = "enviado", _("Enviado")
    VALIDADO_PARTIDO = "validado_partido", _("Validado por el partido")
    EN_REVISION = "en_revision", _("En revisión")
    CON_OBSERVACIONES = "con_observaciones", _("Con observaciones")
    CORREGIDO = "corregido", _("Corregido")
    PUBLICADO = "publicado", _("Publicado")


class Transicion(models.Model):
    """Cada cambio de estado de una captura: quién, cuándo, de dónde a dónde y por qué."""

    cuestionario = models.ForeignKey(
        "cuestionarios.CuestionarioCurricular",
        models.CASCADE,
        related_name="transiciones",
        verbose_name=_("cuestionario"),
    )
    desde = models.CharField(_("desde"), max_length=20, choices=Estado.choices)
    hacia = models.CharField(_("hacia"), max_length=20, choices=Estado.choices)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("quién")
    )
    fecha = models.DateTimeField(_("cuándo"), default=timezone.now)
    comentario = models.TextField(_("comentario"), blank=True)

    class Meta:
        ordering = ["-fecha", "-id"]
        verbose_name = _("movimiento del flujo")
        verbose_name_plural = _("movimientos del flujo")

    def __str__(self):
        return f"{self.get_desde_display()} → {self.get_hacia_display()}"


class ParteDelCuestionario(models.TextChoices):
    """Parte del cuestionario a la que se refiere una observación del personal."""

    FOTO = "foto", _("Fotografía")
    CONTACTO = "contacto", _("Medios de contacto")
    FORMACION = "formacion", _("Formación académica")
    HISTORIA = "historia", _("Historia profesional y/o laboral")
    TRAYECTORIA = "trayectoria", _("Trayectoria política y/o participación social")
    MOTIVACION = "motivacion", _("¿Por qué quiero ocupar un cargo público?")
    PROPUESTAS = "propuestas", _("Propuestas")
    IDENTIDAD = "identidad", _("Cuestionario de identidad")


class Observacion(models.Model):
    """Observación del personal sobre una parte del cuestionario, con el supuesto de la spec §6 (IEEN, C1)."""

    class Supuesto(models.TextChoices):
        # Los supuestos de IEEN (spec §6), con la ortografía corregida: estos textos los lee la persona.
        COPIA = (
            "copia",
            _("Publicar información que sea copia íntegra de las propuestas de otras candidaturas."),
        )
        OFENSIVO = (
            "ofensivo",
            _(
                "Publicar contenidos ofensivos o discriminatorios respecto de otros partidos políticos o "
                "personas candidatas."
            ),
        )
        SEXISTA = "sexista", _("Hacer uso de lenguaje sexista, ofensivo o discriminatorio.")
        OTRA_CANDIDATURA = (
            "otra_candidatura",
            _("Publicar información o imágenes relacionadas con otra candidatura."),
        )
        ALUSIONES = "alusiones", _("Hacer alusiones o menciones a otro partido político o candidatura")
        RESTRINGIDO = (
            "restringido",
            _("Publicar contenidos restringidos por la legislación electoral federal y local."),
        )
        LEMAS = "lemas", _("Utilizar lemas o imágenes de campaña en sus contenidos.")
        OTRO = "otro", _("Otro motivo (se explica en el texto)")

    cuestionario = models.ForeignKey(
        "cuestionarios.CuestionarioCurricular",
        models.CASCADE,
        related_name="observaciones",
        verbose_name=_("cuestionario"),
    )
    transicion = models.ForeignKey(
        Transicion, models.CASCADE, related_name="observaciones", verbose_name=_("movimiento")
    )
    parte = models.CharField(_("parte del cuestionario"), max_length=20, choices=ParteDelCuestionario.choices)
    supuesto = models.CharField(_("supuesto"), max_length=20, choices=Supuesto.choices)
    texto = models.TextField(_("explicación"), blank=True)
    atendida = models.BooleanField(_("atendida"), default=False)

    class Meta:
        ordering = ["parte", "id"]
        verbose_name = _("observación")
        verbose_name_plural = _("observaciones")

    def __str__(self):
        return f"{self.get_parte_display()}: {self.get_supuesto_display()}"

    @property
    def de_partido(self):
        """¿La hizo la representación del partido al devolver la captura? Ese movimiento («devolver»
        en `services.flujo.MOVIMIENTOS`) es el único que va de «enviado» a «en captura»; las del
        personal salen de «en revisión». Precarga `transicion` al listar observaciones."""
        return self.transicion.desde == Estado.ENVIADO and self.transicion.hacia == Estado.EN_CAPTURA


class RegistroDeCambio(models.Model):
    """Historial de cambios de los dos cuestionarios, para el personal: quién cambió qué y cuándo.

    Del curricular se guardan los valores anterior y nuevo de cada campo. Del de identidad sólo los
    números de pregunta que cambiaron: las respuestas sensibles no se copian a la bitácora.
    """

    class Cuestionario(models.TextChoices):
        CURRICULAR = "curricular", _("Curricular")
        IDENTIDAD = "identidad", _("Identidad")

    persona = models.ForeignKey(
        "candidaturas.Persona", models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral", models.CASCADE, related_name="+", verbose_name=_("proceso")
    )
    cuestionario = models.CharField(_("cuestionario"), max_length=12, choices=Cuestionario.choices)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("quién")
    )
    fecha = models.DateTimeField(_("cuándo"), default=timezone.now)
    campos = models.JSONField(_("qué cambió"), default=list)
    detalle = models.JSONField(_("valores anterior y nuevo"), default=dict, blank=True)

    class Meta:
        ordering = ["-fecha", "-id"]
        verbose_name = _("cambio en un cuestionario")
        verbose_name_plural = _("historial de cambios")

    def __str__(self):
        return f"{self.get_cuestionario_display()} · {self.fecha:%Y-%m-%d %H:%M}"
