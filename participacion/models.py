"""Participación ciudadana sin cuenta: reacciones (P12), comentarios moderados (P13) y sus reportes.

Cada reacción o comentario apunta a exactamente un objetivo: una propuesta de plataforma
(`plataformas.Propuesta`) o una de las tres propuestas de un cuestionario curricular publicado
(`cuestionarios.CuestionarioCurricular` + `cual`). La base de datos lo garantiza con una
restricción de verificación.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LARGO_TOKEN = 32
"""El token de cliente es un UUID4 en hexadecimal: seudónimo, no identifica a nadie."""
LARGO_HUELLA = 32
"""La huella de la IP: HMAC-SHA256 con una llave derivada de SECRET_KEY (nunca la IP en claro)."""


def _huella():
    return models.CharField(
        _("huella de la IP"),
        max_length=LARGO_HUELLA,
        blank=True,
        help_text=_("HMAC de la dirección IP: permite agrupar sin guardar la IP."),
    )


class AjusteParticipacion(models.Model):
    """Cómo se modera la participación de un proceso. Sin fila, valen los valores por omisión."""

    class Moderacion(models.TextChoices):
        PREVIA = "previa", _("Revisar cada comentario antes de publicarlo")
        POSTERIOR = "posterior", _("Publicar al momento y revisar después")

    proceso = models.OneToOneField(
        "candidaturas.ProcesoElectoral",
        models.CASCADE,
        related_name="ajuste_participacion",
        verbose_name=_("proceso electoral"),
    )
    moderacion = models.CharField(
        _("moderación de comentarios"), max_length=12, choices=Moderacion.choices, default=Moderacion.PREVIA
    )
    reportes_para_ocultar = models.PositiveSmallIntegerField(
        _("reportes para ocultar un comentario"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Con este número de reportes de personas distintas, el comentario se oculta hasta revisarlo."
        ),
    )
    recibe_participacion = models.BooleanField(
        _("recibe reacciones y comentarios"),
        default=True,
        help_text=_(
            "Desactívalo al cerrar el proceso: lo recibido sigue visible, pero ya no se aceptan nuevos."
        ),
    )

    class Meta:
        verbose_name = _("ajuste de participación")
        verbose_name_plural = _("ajustes de participación")
        permissions = [
            (
                "descargar_reportes",
                _("Puede descargar el reporte de participación de cualquier actor político"),
            ),
        ]

    def __str__(self):
        return str(self.proceso)

    @classmethod
    def del_proceso(cls, proceso):
        """El ajuste guardado o, si no hay, uno sin guardar con los valores por omisión."""
        return cls.objects.filter(proceso=proceso).first() or cls(proceso=proceso)


class Valor(models.TextChoices):
    ME_GUSTA = "me_gusta", _("Me gusta")
    NO_ME_GUSTA = "no_me_gusta", _("No me gusta")


class PropuestaDeCandidatura(models.TextChoices):
    """Cuál de las propuestas del cuestionario curricular (spec §4.2)."""

    PROPUESTA_1 = "propuesta_1", _("Propuesta 1")
    PROPUESTA_2 = "propuesta_2", _("Propuesta 2")
    PROPUESTA_GENERO = (
        "propuesta_genero",
        _("Propuesta en materia de género o de grupos en situación de discriminación"),
    )


def _un_objetivo():
    return Q(propuesta__isnull=False, cuestionario__isnull=True, cual="") | Q(
        propuesta__isnull=True, cuestionario__isnull=False, cual__in=PropuestaDeCandidatura.values
    )


def _cuestionario(related_name):
    return models.ForeignKey(
        "cuestionarios.CuestionarioCurricular",
        models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=_("cuestionario curricular"),
    )


def _cual():
    return models.CharField(
        _("propuesta de la candidatura"), max_length=20, choices=PropuestaDeCandidatura.choices, blank=True
    )


class Reaccion(models.Model):
    """Me gusta o No me gusta de un navegador (token) sobre un objetivo. La última cuenta."""

    token = models.CharField(_("token de cliente"), max_length=LARGO_TOKEN)
    propuesta = models.ForeignKey(
        "plataformas.Propuesta",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="reacciones",
        verbose_name=_("propuesta de plataforma"),
    )
    cuestionario = _cuestionario("reacciones")
    cual = _cual()
    valor = models.CharField(_("reacción"), max_length=12, choices=Valor.choices)
    ip = _huella()
    contada = models.BooleanField(
        _("contada"),
        default=True,
        help_text=_(
            "Falso si llegó cuando su IP ya tenía el tope de reacciones contadas en esta propuesta: "
            "se guarda marcada para el personal y no suma en los totales."
        ),
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    actualizada = models.DateTimeField(_("actualizada"), auto_now=True)

    class Meta:
        verbose_name = _("reacción")
        verbose_name_plural = _("reacciones")
        constraints = [
            models.CheckConstraint(condition=_un_objetivo(), name="reaccion_un_objetivo"),
            models.UniqueConstraint(
                fields=["token", "propuesta"],
                condition=Q(propuesta__isnull=False),
                name="una_reaccion_por_token_y_propuesta",
            ),
            models.UniqueConstraint(
                fields=["token", "cuestionario", "cual"],
                condition=Q(cuestionario__isnull=False),
                name="una_reaccion_por_token_y_propuesta_de_candidatura",
            ),
        ]
        indexes = [
            # Estadísticas por día.
            models.Index(fields=["creada"], name="reaccion_creada_idx"),
            # Tope por IP y propuesta en la ventana; patrones raros para el personal.
            models.Index(fields=["ip", "creada"], name="reaccion_ip_idx"),
        ]

    def __str__(self):
        return f"{self.get_valor_display()} · {self.propuesta or self.get_cual_display()}"


class Conteo(models.Model):
    """Totales de reacciones de un objetivo, actualizados con expresiones F() en cada cambio."""

    propuesta = models.OneToOneField(
        "plataformas.Propuesta",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="conteo",
        verbose_name=_("propuesta de plataforma"),
    )
    cuestionario = models.ForeignKey(
        "cuestionarios.CuestionarioCurricular",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="conteos",
        verbose_name=_("cuestionario curricular"),
    )
    cual = _cual()
    me_gusta = models.PositiveIntegerField(_("me gusta"), default=0)
    no_me_gusta = models.PositiveIntegerField(_("no me gusta"), default=0)

    class Meta:
        verbose_name = _("conteo de reacciones")
        verbose_name_plural = _("conteos de reacciones")
        constraints = [
            models.CheckConstraint(condition=_un_objetivo(), name="conteo_un_objetivo"),
            models.CheckConstraint(
                condition=Q(me_gusta__gte=0, no_me_gusta__gte=0), name="conteo_no_negativo"
            ),
            models.UniqueConstraint(
                fields=["cuestionario", "cual"],
                condition=Q(cuestionario__isnull=False),
                name="un_conteo_por_propuesta_de_candidatura",
            ),
        ]

    def __str__(self):
        return f"{self.propuesta or self.get_cual_display()}: {self.me_gusta} / {self.no_me_gusta}"


class ComentarioQuerySet(models.QuerySet):
    def publicados(self):
        return self.filter(estado=Comentario.Estado.PUBLICADO)

    def con_numero_de_reportes(self):
        return self.annotate(numero_reportes=models.Count("reportes"))

    def para_moderacion(self):
        return self.select_related(
            "propuesta__plataforma__actor", "propuesta__plataforma__proceso", "revisado_por"
        )


class Comentario(models.Model):
    """Una idea, propuesta o comentario de una persona sin cuenta. Se publica sólo texto, fecha y
    (si lo escribió) un nombre libre; nunca datos personales."""

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("En revisión")
        PUBLICADO = "publicado", _("Publicado")
        OCULTO = "oculto", _("Oculto por reportes, en revisión")
        RECHAZADO = "rechazado", _("Rechazado")

    propuesta = models.ForeignKey(
        "plataformas.Propuesta",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="comentarios",
        verbose_name=_("propuesta de plataforma"),
    )
    cuestionario = _cuestionario("comentarios")
    cual = _cual()
    texto = models.TextField(_("texto"), max_length=1500)
    nombre = models.CharField(_("nombre con el que firma"), max_length=60, blank=True)
    token = models.CharField(_("token de cliente"), max_length=LARGO_TOKEN)
    ip = _huella()
    marca = models.CharField(
        _("marca del formulario"),
        max_length=LARGO_TOKEN,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Número de un solo uso del formulario con que se envió: no se puede reutilizar."),
    )
    estado = models.CharField(_("estado"), max_length=12, choices=Estado.choices, default=Estado.PENDIENTE)
    motivo_revision = models.CharField(
        _("por qué requiere revisión"),
        max_length=200,
        blank=True,
        help_text=_("Lo anota el filtro automático (enlaces, texto repetido) o quien modera."),
    )
    creado = models.DateTimeField(_("recibido"), auto_now_add=True)
    revisado_en = models.DateTimeField(_("revisado"), null=True, blank=True)
    revisado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revisado por"),
    )

    objects = ComentarioQuerySet.as_manager()

    class Meta:
        ordering = ["-creado"]
        verbose_name = _("comentario")
        verbose_name_plural = _("comentarios")
        constraints = [
            models.CheckConstraint(condition=_un_objetivo(), name="comentario_un_objetivo"),
        ]
        indexes = [
            # Página de una propuesta: sus comentarios publicados, del más reciente al más antiguo.
            models.Index(fields=["propuesta", "estado", "creado"], name="comentario_propuesta_idx"),
            # Cola de moderación.
            models.Index(fields=["estado", "creado"], name="comentario_estado_idx"),
            # Perfil de una candidatura: comentarios publicados de cada propuesta.
            models.Index(fields=["cuestionario", "cual", "estado"], name="comentario_cuestionario_idx"),
        ]

    def __str__(self):
        return self.texto[:60]


class ReporteComentario(models.Model):
    """Alguien (un token) avisó que un comentario es inapropiado. Uno por token y comentario."""

    comentario = models.ForeignKey(
        Comentario, models.CASCADE, related_name="reportes", verbose_name=_("comentario")
    )
    token = models.CharField(_("token de cliente"), max_length=LARGO_TOKEN)
    ip = _huella()
    creado = models.DateTimeField(_("recibido"), auto_now_add=True)

    class Meta:
        verbose_name = _("reporte de comentario")
        verbose_name_plural = _("reportes de comentarios")
        constraints = [
            models.UniqueConstraint(fields=["comentario", "token"], name="un_reporte_por_token"),
        ]

    def __str__(self):
        return str(self.comentario)
