"""Plataformas electorales (P4) y bloques de competitividad (P5)."""

import secrets

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plataformas.validadores import validar_pdf


def ruta_del_documento(instancia, nombre):
    """Nombre aleatorio: el nombre original no se conserva (issue 12); se descarga con uno legible."""
    return f"plataformas/{secrets.token_hex(16)}.pdf"


class Tema(models.Model):
    """Un tema de política pública bajo el que se agrupan las propuestas para compararlas entre actores.

    Es un catálogo en la base de datos (sembrado por una migración) para que el personal lo ajuste
    sin tocar el código.
    """

    nombre = models.CharField(_("nombre"), max_length=80, unique=True)
    slug = models.SlugField(_("identificador en la URL"), max_length=80, unique=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)

    class Meta:
        ordering = ["orden", "nombre"]
        verbose_name = _("tema")
        verbose_name_plural = _("temas")

    def __str__(self):
        return self.nombre


class PlataformaElectoralQuerySet(models.QuerySet):
    def publicadas(self):
        return self.filter(publicada=True)

    def del_proceso(self, proceso):
        return self.filter(proceso=proceso)

    def para_listado(self):
        """Lo que pinta la tarjeta de una plataforma: actor y número de propuestas, en una consulta."""
        return self.select_related("actor", "proceso").annotate(numero_propuestas=Count("propuestas"))

    def para_detalle(self):
        """La plataforma con sus propuestas (y el tema de cada una) en dos consultas."""
        return self.select_related("actor", "proceso").prefetch_related(
            Prefetch(
                "propuestas",
                queryset=Propuesta.objects.select_related("tema").order_by(
                    "tema__orden", "tema__nombre", "orden", "pk"
                ),
            )
        )


class PlataformaElectoral(models.Model):
    """La plataforma que un actor político registra para un tipo de elección en un proceso."""

    class Tipo(models.TextChoices):
        GUBERNATURA = "gubernatura", _("Gubernatura")
        LEGISLATIVA = "legislativa", _("Legislativa")
        MUNICIPAL = "municipal", _("Municipal")

    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral",
        models.PROTECT,
        related_name="plataformas",
        verbose_name=_("proceso electoral"),
    )
    actor = models.ForeignKey(
        "candidaturas.ActorPolitico",
        models.PROTECT,
        related_name="plataformas",
        verbose_name=_("actor político"),
    )
    tipo = models.CharField(_("tipo de plataforma"), max_length=20, choices=Tipo.choices)
    resumen = models.TextField(_("resumen"), max_length=3000, blank=True)
    documento = models.FileField(
        _("documento oficial (PDF)"),
        upload_to=ruta_del_documento,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validar_pdf],
        help_text=_("La plataforma tal como se registró ante el IEEM, en PDF de hasta 20 MB."),
    )
    publicada = models.BooleanField(_("publicada"), default=True)
    actualizada = models.DateTimeField(_("actualizada"), auto_now=True)

    objects = PlataformaElectoralQuerySet.as_manager()

    class Meta:
        ordering = ["proceso", "actor__orden", "actor__siglas", "tipo"]
        verbose_name = _("plataforma electoral")
        verbose_name_plural = _("plataformas electorales")
        constraints = [
            models.UniqueConstraint(
                fields=["proceso", "actor", "tipo"], name="una_plataforma_por_actor_y_tipo"
            ),
        ]

    def __str__(self):
        return _("Plataforma %(tipo)s de %(actor)s") % {
            "tipo": self.get_tipo_display().lower(),
            "actor": self.actor.siglas,
        }

    def get_absolute_url(self):
        return reverse("plataformas:detalle", args=[self.proceso.slug, self.actor.slug, self.tipo])

    def url_del_documento(self):
        """La descarga del PDF por `plataformas.views.documento` (nunca la ruta de MEDIA)."""
        if not self.documento:
            return ""
        return reverse("plataformas:documento", args=[self.proceso.slug, self.actor.slug, self.tipo])

    @property
    def nombre_de_descarga(self):
        return f"plataforma-{self.tipo}-{self.actor.slug}-{self.proceso.slug}.pdf"


class PropuestaQuerySet(models.QuerySet):
    def publicadas(self):
        return self.filter(plataforma__publicada=True)

    def para_detalle(self):
        return self.select_related("plataforma__actor", "plataforma__proceso", "tema")


class Propuesta(models.Model):
    """Una propuesta (un punto) de una plataforma: la unidad a la que la ciudadanía reacciona."""

    plataforma = models.ForeignKey(
        PlataformaElectoral, models.CASCADE, related_name="propuestas", verbose_name=_("plataforma")
    )
    titulo = models.CharField(_("título"), max_length=200)
    texto = models.TextField(_("texto"), max_length=2000)
    tema = models.ForeignKey(Tema, models.PROTECT, related_name="propuestas", verbose_name=_("tema"))
    orden = models.PositiveSmallIntegerField(_("orden"), default=1)

    objects = PropuestaQuerySet.as_manager()

    class Meta:
        ordering = ["plataforma", "orden", "pk"]
        verbose_name = _("propuesta de plataforma")
        verbose_name_plural = _("propuestas de plataforma")
        indexes = [
            # Comparación por tema: propuestas de un tema en las plataformas de un proceso.
            models.Index(fields=["tema", "plataforma"], name="propuesta_tema_idx"),
        ]

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return reverse("plataformas:propuesta", args=[self.pk])


class BloqueCompetitividadQuerySet(models.QuerySet):
    def para_pagina(self):
        return self.select_related("actor", "proceso").prefetch_related(
            Prefetch("municipios", queryset=_municipios()),
            Prefetch("distritos", queryset=_distritos()),
        )


def _municipios():
    from candidaturas.models import Municipio

    return Municipio.objects.order_by("nombre")


def _distritos():
    from candidaturas.models import DistritoLocal

    return DistritoLocal.objects.order_by("numero")


class BloqueCompetitividad(models.Model):
    """Bloque de competitividad de un actor (alta, media o baja votación previa).

    Existe para la paridad: un partido no puede postular mujeres sólo donde tiene menos votos. Agrupa
    municipios (elección de ayuntamientos) o distritos locales (diputaciones de mayoría).
    """

    class Nivel(models.TextChoices):
        ALTA = "alta", _("Competitividad alta")
        MEDIA = "media", _("Competitividad media")
        BAJA = "baja", _("Competitividad baja")

    class Tipo(models.TextChoices):
        MUNICIPAL = "municipal", _("Ayuntamientos")
        LEGISLATIVA = "legislativa", _("Diputaciones locales")

    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral",
        models.PROTECT,
        related_name="bloques",
        verbose_name=_("proceso electoral"),
    )
    actor = models.ForeignKey(
        "candidaturas.ActorPolitico", models.PROTECT, related_name="bloques", verbose_name=_("actor político")
    )
    tipo = models.CharField(_("elección"), max_length=20, choices=Tipo.choices)
    nivel = models.CharField(_("nivel"), max_length=10, choices=Nivel.choices)
    municipios = models.ManyToManyField(
        "candidaturas.Municipio", blank=True, related_name="bloques", verbose_name=_("municipios")
    )
    distritos = models.ManyToManyField(
        "candidaturas.DistritoLocal", blank=True, related_name="bloques", verbose_name=_("distritos locales")
    )

    objects = BloqueCompetitividadQuerySet.as_manager()

    class Meta:
        ordering = ["proceso", "actor__orden", "tipo", "nivel"]
        verbose_name = _("bloque de competitividad")
        verbose_name_plural = _("bloques de competitividad")
        constraints = [
            models.UniqueConstraint(fields=["proceso", "actor", "tipo", "nivel"], name="un_bloque_por_nivel"),
            models.CheckConstraint(
                condition=Q(nivel__in=["alta", "media", "baja"]), name="bloque_nivel_valido"
            ),
        ]

    def __str__(self):
        return f"{self.actor.siglas} · {self.get_tipo_display()} · {self.get_nivel_display()}"

    @property
    def orden_nivel(self):
        return {"alta": 0, "media": 1, "baja": 2}[self.nivel]
