"""Cuestionario de identidad (C4; spec §5): catálogo de preguntas y opciones, y las respuestas
(datos sensibles), con los QuerySet que deciden qué se publica y qué entra a las estadísticas."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from cuestionarios.models.consentimiento import Consentimiento


class Pregunta(models.Model):
    """Pregunta del cuestionario de identidad (spec §5). Catálogo en datos, editable por el personal.

    Cada cambio de redacción sube `version`; las respuestas guardan la versión que contestaron.
    """

    class Tipo(models.TextChoices):
        UNA = "una", _("Una opción")
        VARIAS = "varias", _("Varias opciones")

    numero = models.PositiveSmallIntegerField(_("número"), unique=True)
    texto = models.TextField(_("texto de la pregunta"))
    dimension = models.CharField(
        _("dimensión"), max_length=60, help_text=_("Para agrupar estadísticas: indígenas, discapacidad…")
    )
    tipo = models.CharField(_("tipo"), max_length=8, choices=Tipo.choices, default=Tipo.UNA)
    depende_de = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="condicionadas",
        verbose_name=_("se muestra según la pregunta"),
    )
    opcion_que_habilita = models.ForeignKey(
        "Opcion",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sólo si se respondió"),
    )
    version = models.PositiveIntegerField(_("versión"), default=1)
    activa = models.BooleanField(_("activa"), default=True)

    class Meta:
        ordering = ["numero"]
        verbose_name = _("pregunta de identidad")
        verbose_name_plural = _("preguntas de identidad")
        constraints = [
            models.CheckConstraint(
                condition=Q(depende_de__isnull=True, opcion_que_habilita__isnull=True)
                | Q(depende_de__isnull=False, opcion_que_habilita__isnull=False),
                name="condicion_completa",
            )
        ]

    def __str__(self):
        return f"{self.numero}. {self.texto}"


class Opcion(models.Model):
    """Opción de respuesta. `padre` señala subopciones (p. ej. «Sensorial» → «La audición»)."""

    pregunta = models.ForeignKey(
        Pregunta, models.CASCADE, related_name="opciones", verbose_name=_("pregunta")
    )
    padre = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="subopciones",
        verbose_name=_("subopción de"),
    )
    clave = models.SlugField(_("clave"), max_length=60)
    texto = models.CharField(_("texto"), max_length=200)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    pide_texto = models.BooleanField(_("pide especificar"), default=False)
    es_no_contesto = models.BooleanField(_("es «Prefiero no contestar»"), default=False)

    class Meta:
        ordering = ["pregunta__numero", "orden", "id"]
        verbose_name = _("opción de respuesta")
        verbose_name_plural = _("opciones de respuesta")
        constraints = [
            models.UniqueConstraint(fields=["pregunta", "clave"], name="opcion_clave_unica_por_pregunta")
        ]

    def __str__(self):
        return self.texto


class CuestionarioIdentidadQuerySet(models.QuerySet):
    def del_proceso(self, proceso):
        return self.filter(proceso=proceso)


class CuestionarioIdentidad(models.Model):
    """Las respuestas de identidad de una persona en un proceso cuelgan de aquí (datos sensibles)."""

    persona = models.ForeignKey(
        "candidaturas.Persona",
        models.PROTECT,
        related_name="cuestionarios_identidad",
        verbose_name=_("persona"),
    )
    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral",
        models.PROTECT,
        related_name="cuestionarios_identidad",
        verbose_name=_("proceso electoral"),
    )
    modificado_en = models.DateTimeField(_("última modificación"), null=True, blank=True)
    publicado_en = models.DateTimeField(_("última publicación"), null=True, blank=True)

    objects = CuestionarioIdentidadQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuestionario de identidad")
        verbose_name_plural = _("cuestionarios de identidad")
        constraints = [
            models.UniqueConstraint(fields=["persona", "proceso"], name="un_identidad_por_persona_y_proceso")
        ]

    def __str__(self):
        return _("Cuestionario de identidad de %(persona)s") % {"persona": self.persona}


class RespuestaIdentidadQuerySet(models.QuerySet):
    def en_captura(self):
        """Lo que la persona contestó (puede no estar publicado todavía)."""
        return self.filter(publicada=False)

    def publicadas(self):
        return self.filter(publicada=True)

    def publicables(self):
        """Respuestas que el público puede ver: publicadas y con autorización de publicación vigente.

        La condición se evalúa en cada consulta: retirar la autorización las oculta al instante.
        """
        return self.publicadas().filter(
            Exists(
                Consentimiento.objects.filter(
                    persona=OuterRef("cuestionario__persona"),
                    proceso=OuterRef("cuestionario__proceso"),
                    autoriza_publicacion=True,
                )
            )
        )

    def para_estadistica(self):
        """Respuestas publicadas de personas con autorización estadística vigente."""
        return self.publicadas().filter(
            Exists(
                Consentimiento.objects.filter(
                    persona=OuterRef("cuestionario__persona"),
                    proceso=OuterRef("cuestionario__proceso"),
                    autoriza_estadistica=True,
                )
            )
        )

    def con_catalogo(self):
        return self.select_related("pregunta", "opcion", "opcion__padre")


class RespuestaIdentidad(models.Model):
    """Una opción elegida (o el texto de «Otra»). Las preguntas de varias opciones tienen una fila por opción.

    Cada respuesta existe en captura (`publicada=False`) y, tras publicar, en una copia publicada
    (`publicada=True`): el público sigue viendo la versión publicada mientras la persona corrige.
    """

    cuestionario = models.ForeignKey(
        CuestionarioIdentidad, models.CASCADE, related_name="respuestas", verbose_name=_("cuestionario")
    )
    pregunta = models.ForeignKey(
        Pregunta, models.PROTECT, related_name="respuestas", verbose_name=_("pregunta")
    )
    opcion = models.ForeignKey(Opcion, models.PROTECT, related_name="respuestas", verbose_name=_("opción"))
    texto = models.CharField(_("especificación"), max_length=120, blank=True)
    version_pregunta = models.PositiveIntegerField(_("versión de la pregunta contestada"))
    publicada = models.BooleanField(_("copia publicada"), default=False)

    objects = RespuestaIdentidadQuerySet.as_manager()

    class Meta:
        ordering = ["pregunta__numero", "opcion__orden"]
        verbose_name = _("respuesta de identidad")
        verbose_name_plural = _("respuestas de identidad")
        constraints = [
            models.UniqueConstraint(
                fields=["cuestionario", "opcion", "publicada"], name="una_respuesta_por_opcion"
            )
        ]

    def __str__(self):
        # Nunca el contenido: esto puede aparecer en registros o en el admin.
        return _("Respuesta a la pregunta %(numero)s") % {"numero": self.pregunta.numero}
