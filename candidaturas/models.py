"""Registro electoral: geografía, procesos, elecciones, actores políticos, personas y candidaturas."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from comun.texto import normalizar

# --- Geografía electoral ------------------------------------------------------------------------

SECCION_MAXIMA = 9999
"""Las secciones electorales se numeran con hasta cuatro dígitos dentro de cada entidad."""


class Municipio(models.Model):
    """Uno de los 125 municipios del Estado de México, con sus dos sistemas de claves."""

    clave_ieem = models.PositiveSmallIntegerField(
        _("clave IEEM"), unique=True, help_text=_("Número de municipio que usan el IEEM y el INE (1 a 125).")
    )
    clave_inegi = models.CharField(
        _("clave INEGI"),
        max_length=5,
        unique=True,
        validators=[RegexValidator(r"^15\d{3}$", _("La clave INEGI tiene cinco dígitos y empieza con 15."))],
    )
    nombre = models.CharField(_("nombre"), max_length=100)
    nombre_ieem = models.CharField(_("nombre como lo publica el IEEM"), max_length=100)
    nombre_normalizado = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["nombre"]
        verbose_name = _("municipio")
        verbose_name_plural = _("municipios")

    def __str__(self):
        return self.nombre

    def save(self, *args, **kwargs):
        self.nombre_normalizado = normalizar(self.nombre)
        super().save(*args, **kwargs)


class DistritoLocal(models.Model):
    """Distrito electoral local (45 en la demarcación vigente): elige una diputación de mayoría."""

    numero = models.PositiveSmallIntegerField(_("número"), unique=True)
    cabecera = models.CharField(_("cabecera"), max_length=120)
    municipios = models.ManyToManyField(
        Municipio, related_name="distritos_locales", blank=True, verbose_name=_("municipios")
    )

    class Meta:
        ordering = ["numero"]
        verbose_name = _("distrito local")
        verbose_name_plural = _("distritos locales")

    def __str__(self):
        return _("Distrito local %(numero)s (%(cabecera)s)") % {
            "numero": self.numero,
            "cabecera": self.cabecera_legible,
        }

    @property
    def cabecera_legible(self):
        """La cabecera viene en mayúsculas en las fuentes del IEEM; se muestra en tipo oración."""
        return self.cabecera.title().replace(" De ", " de ").replace(" La ", " la ").replace(" Del ", " del ")


class DistritoFederal(models.Model):
    """Distrito electoral federal (distritación 2023). Sólo se cargan los que tienen fuente."""

    numero = models.PositiveSmallIntegerField(_("número"), unique=True)
    cabecera = models.CharField(_("cabecera"), max_length=120)
    municipios = models.ManyToManyField(
        Municipio, related_name="distritos_federales", blank=True, verbose_name=_("municipios")
    )
    lista_municipios_completa = models.BooleanField(_("lista de municipios completa"), default=True)

    class Meta:
        ordering = ["numero"]
        verbose_name = _("distrito federal")
        verbose_name_plural = _("distritos federales")

    def __str__(self):
        return _("Distrito federal %(numero)s (%(cabecera)s)") % {
            "numero": self.numero,
            "cabecera": self.cabecera.title(),
        }


class SeccionElectoralQuerySet(models.QuerySet):
    def para_consulta(self):
        """Trae municipio y distritos de la sección en una sola consulta (página Mi sección)."""
        return self.select_related("municipio", "distrito_local", "distrito_federal")


class SeccionElectoral(models.Model):
    """Sección electoral: la unidad que aparece en la credencial para votar."""

    numero = models.PositiveSmallIntegerField(
        _("número"),
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(SECCION_MAXIMA)],
    )
    municipio = models.ForeignKey(
        Municipio, models.PROTECT, related_name="secciones", verbose_name=_("municipio")
    )
    distrito_local = models.ForeignKey(
        DistritoLocal, models.PROTECT, related_name="secciones", verbose_name=_("distrito local")
    )
    distrito_federal = models.ForeignKey(
        DistritoFederal,
        models.PROTECT,
        related_name="secciones",
        null=True,
        blank=True,
        verbose_name=_("distrito federal"),
        help_text=_("Vacío cuando no hay una fuente que lo confirme; nunca se deduce."),
    )
    casillas = models.PositiveSmallIntegerField(_("casillas en 2023"), default=0)
    lista_nominal = models.PositiveIntegerField(_("lista nominal 2023"), default=0)

    objects = SeccionElectoralQuerySet.as_manager()

    class Meta:
        ordering = ["numero"]
        verbose_name = _("sección electoral")
        verbose_name_plural = _("secciones electorales")
        constraints = [
            models.CheckConstraint(
                condition=Q(numero__gte=1) & Q(numero__lte=SECCION_MAXIMA), name="seccion_numero_valido"
            )
        ]

    def __str__(self):
        return _("Sección %(numero)04d") % {"numero": self.numero}


# --- Procesos y elecciones --------------------------------------------------------------------


class ProcesoElectoralQuerySet(models.QuerySet):
    def abiertos(self):
        return self.filter(archivado=False)

    def archivados(self):
        return self.filter(archivado=True)


class ProcesoElectoral(models.Model):
    """Un proceso electoral local, ordinario o extraordinario. Puede haber varios a la vez."""

    class Tipo(models.TextChoices):
        ORDINARIO = "ordinario", _("Ordinario")
        EXTRAORDINARIO = "extraordinario", _("Extraordinario")

    nombre = models.CharField(_("nombre"), max_length=200)
    slug = models.SlugField(_("identificador en la URL"), max_length=80, unique=True)
    anio = models.PositiveSmallIntegerField(_("año de la jornada"))
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices, default=Tipo.ORDINARIO)
    fecha_jornada = models.DateField(_("fecha de la jornada electoral"), null=True, blank=True)
    inicio_campanas = models.DateField(_("inicio de campañas"), null=True, blank=True)
    fin_campanas = models.DateField(_("fin de campañas"), null=True, blank=True)
    predeterminado = models.BooleanField(
        _("proceso predeterminado"),
        default=False,
        help_text=_("El que se muestra cuando una página no indica ?proceso=. Sólo uno a la vez."),
    )
    archivado = models.BooleanField(
        _("archivado"), default=False, help_text=_("Concluido: sigue consultable en el archivo.")
    )
    es_demostracion = models.BooleanField(
        _("datos de demostración"),
        default=False,
        help_text=_("Sus candidaturas son ficticias; las páginas lo advierten."),
    )
    descripcion = models.TextField(_("descripción"), blank=True)

    objects = ProcesoElectoralQuerySet.as_manager()

    class Meta:
        ordering = ["-anio", "nombre"]
        verbose_name = _("proceso electoral")
        verbose_name_plural = _("procesos electorales")
        constraints = [
            models.UniqueConstraint(
                fields=["predeterminado"],
                condition=Q(predeterminado=True),
                name="un_solo_proceso_predeterminado",
            ),
            models.CheckConstraint(
                condition=Q(fin_campanas__isnull=True)
                | Q(inicio_campanas__isnull=True)
                | Q(fin_campanas__gte=models.F("inicio_campanas")),
                name="campanas_terminan_despues_de_empezar",
            ),
        ]

    def __str__(self):
        return self.nombre


class EleccionQuerySet(models.QuerySet):
    def con_ambito(self):
        """Trae lo que necesita `nombre` y `ambito` (distrito o municipio) en el mismo JOIN."""
        return self.select_related("proceso", "distrito_local", "municipio")

    def en_la_boleta(self, seccion):
        """Las contiendas que aparecen en la boleta de `seccion`: las de todo el estado, la
        diputación de mayoría de su distrito local y el ayuntamiento de su municipio."""
        return self.filter(
            Q(tipo__in=[Eleccion.Tipo.GUBERNATURA, Eleccion.Tipo.DIPUTACION_RP])
            | Q(tipo=Eleccion.Tipo.DIPUTACION_MR, distrito_local_id=seccion.distrito_local_id)
            | Q(tipo=Eleccion.Tipo.AYUNTAMIENTO, municipio_id=seccion.municipio_id)
        )

    def con_encabezados(self):
        """Precarga, por contienda, el primer lugar propietario vigente de cada actor: quien
        encabeza la fórmula, la planilla o la lista (y su persona y actor)."""
        encabezados = (
            Candidatura.objects.vigentes()
            .filter(
                numero=1,
                calidad=Candidatura.Calidad.PROPIETARIA,
                cargo__in=[
                    Candidatura.Cargo.GUBERNATURA,
                    Candidatura.Cargo.DIPUTACION,
                    Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
                ],
            )
            .select_related("persona", "actor")
            .order_by("actor__orden", "actor__siglas")
        )
        return self.prefetch_related(
            models.Prefetch("candidaturas", queryset=encabezados, to_attr="encabezados")
        )

    def en_orden_de_boleta(self):
        """Gubernatura, diputación de mayoría, lista RP y ayuntamiento: el orden de las boletas."""
        orden = models.Case(
            *(models.When(tipo=tipo, then=posicion) for posicion, tipo in enumerate(ORDEN_DE_BOLETA)),
            default=len(ORDEN_DE_BOLETA),
        )
        return self.order_by(orden, "distrito_local__numero", "municipio__nombre")


class Eleccion(models.Model):
    """Una contienda dentro de un proceso: un cargo en un ámbito (estado, distrito o municipio)."""

    class Tipo(models.TextChoices):
        GUBERNATURA = "gubernatura", _("Gubernatura")
        DIPUTACION_MR = "diputacion_mr", _("Diputación local de mayoría relativa")
        DIPUTACION_RP = "diputacion_rp", _("Diputación local de representación proporcional")
        AYUNTAMIENTO = "ayuntamiento", _("Ayuntamiento")

    proceso = models.ForeignKey(
        ProcesoElectoral, models.PROTECT, related_name="elecciones", verbose_name=_("proceso electoral")
    )
    tipo = models.CharField(_("tipo de elección"), max_length=20, choices=Tipo.choices)
    distrito_local = models.ForeignKey(
        DistritoLocal,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="elecciones",
        verbose_name=_("distrito local"),
    )
    municipio = models.ForeignKey(
        Municipio,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="elecciones",
        verbose_name=_("municipio"),
    )

    objects = EleccionQuerySet.as_manager()

    class Meta:
        ordering = ["proceso", "tipo", "distrito_local__numero", "municipio__nombre"]
        verbose_name = _("elección")
        verbose_name_plural = _("elecciones")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(tipo="diputacion_mr", distrito_local__isnull=False, municipio__isnull=True)
                    | Q(tipo="ayuntamiento", distrito_local__isnull=True, municipio__isnull=False)
                    | Q(
                        tipo__in=["gubernatura", "diputacion_rp"],
                        distrito_local__isnull=True,
                        municipio__isnull=True,
                    )
                ),
                name="eleccion_ambito_segun_tipo",
            ),
            models.UniqueConstraint(
                fields=["proceso", "tipo"],
                condition=Q(tipo__in=["gubernatura", "diputacion_rp"]),
                name="una_eleccion_estatal_por_tipo",
            ),
            models.UniqueConstraint(
                fields=["proceso", "distrito_local"],
                condition=Q(tipo="diputacion_mr"),
                name="una_diputacion_mr_por_distrito",
            ),
            models.UniqueConstraint(
                fields=["proceso", "municipio"],
                condition=Q(tipo="ayuntamiento"),
                name="un_ayuntamiento_por_municipio",
            ),
        ]

    def __str__(self):
        return self.nombre

    @property
    def ambito(self):
        """El lugar que elige: un distrito, un municipio o el estado entero."""
        if self.tipo == self.Tipo.DIPUTACION_MR:
            return _("Distrito %(numero)s, %(cabecera)s") % {
                "numero": self.distrito_local.numero,
                "cabecera": self.distrito_local.cabecera_legible,
            }
        if self.tipo == self.Tipo.AYUNTAMIENTO:
            return self.municipio.nombre
        return _("Estado de México")

    @property
    def filtros_en_listado(self):
        """Los parámetros de /candidaturas/ que muestran sólo esta contienda."""
        filtros = {"proceso": self.proceso.slug, "tipo": self.tipo}
        if self.distrito_local_id:
            filtros["distrito"] = self.distrito_local.numero
        if self.municipio_id:
            filtros["municipio"] = self.municipio.clave_ieem
        return filtros

    @property
    def url_en_listado(self):
        return reverse("candidaturas:lista") + "?" + urlencode(self.filtros_en_listado)

    @property
    def nombre(self):
        if self.tipo == self.Tipo.DIPUTACION_MR:
            return _("Diputación local, distrito %(numero)s") % {"numero": self.distrito_local.numero}
        if self.tipo == self.Tipo.AYUNTAMIENTO:
            return _("Ayuntamiento de %(municipio)s") % {"municipio": self.municipio.nombre}
        return self.get_tipo_display()


ORDEN_DE_BOLETA = [
    Eleccion.Tipo.GUBERNATURA,
    Eleccion.Tipo.DIPUTACION_MR,
    Eleccion.Tipo.DIPUTACION_RP,
    Eleccion.Tipo.AYUNTAMIENTO,
]


# --- Actores políticos y personas -------------------------------------------------------------


class ActorPolitico(models.Model):
    """Quien postula: un partido, una coalición, una candidatura común o una candidatura independiente."""

    class Tipo(models.TextChoices):
        PARTIDO = "partido", _("Partido político")
        COALICION = "coalicion", _("Coalición")
        CANDIDATURA_COMUN = "candidatura_comun", _("Candidatura común")
        INDEPENDIENTE = "independiente", _("Candidatura independiente")

    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices, default=Tipo.PARTIDO)
    siglas = models.CharField(_("siglas"), max_length=40)
    nombre = models.CharField(_("nombre"), max_length=200)
    slug = models.SlugField(_("identificador en la URL"), max_length=80, unique=True)
    color = models.CharField(
        _("color"),
        max_length=7,
        default="#5b5b5b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Escribe el color como #RRGGBB."))],
        help_text=_("Color de referencia para gráficas; no es el color oficial del partido."),
    )
    logo = models.ImageField(_("logotipo"), upload_to="actores/", blank=True)
    proceso = models.ForeignKey(
        ProcesoElectoral,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="actores",
        verbose_name=_("proceso electoral"),
        help_text=_(
            "Vacío para partidos con registro permanente; coaliciones e independientes son de un proceso."
        ),
    )
    integrantes = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="coaliciones",
        verbose_name=_("partidos integrantes"),
        limit_choices_to={"tipo": "partido"},
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)

    class Meta:
        ordering = ["orden", "siglas"]
        verbose_name = _("actor político")
        verbose_name_plural = _("actores políticos")

    def __str__(self):
        return self.siglas


class Persona(models.Model):
    """Una persona, con un único registro a lo largo de todos los procesos en que compita."""

    class Sexo(models.TextChoices):
        MUJER = "mujer", _("Mujer")
        HOMBRE = "hombre", _("Hombre")
        NO_BINARIA = "no_binaria", _("Persona no binaria")

    nombre = models.CharField(_("nombre(s)"), max_length=120)
    primer_apellido = models.CharField(_("primer apellido"), max_length=120)
    segundo_apellido = models.CharField(_("segundo apellido"), max_length=120, blank=True)
    nombre_normalizado = models.CharField(max_length=400, editable=False, db_index=True)
    sexo = models.CharField(_("sexo"), max_length=12, choices=Sexo.choices)
    fecha_nacimiento = models.DateField(_("fecha de nacimiento"), null=True, blank=True)
    edad_registrada = models.PositiveSmallIntegerField(
        _("edad al registro"),
        null=True,
        blank=True,
        validators=[MinValueValidator(18), MaxValueValidator(120)],
        help_text=_("Sólo cuando el registro da la edad y no la fecha de nacimiento."),
    )
    correo = models.EmailField(
        _("correo electrónico del registro"),
        blank=True,
        help_text=_("Para enviar la invitación a Conóceles. No se publica."),
    )

    class Meta:
        ordering = ["primer_apellido", "segundo_apellido", "nombre"]
        verbose_name = _("persona")
        verbose_name_plural = _("personas")

    def __str__(self):
        return self.nombre_completo

    def save(self, *args, **kwargs):
        self.nombre_normalizado = normalizar(self.nombre_completo)
        super().save(*args, **kwargs)

    @property
    def nombre_completo(self):
        return " ".join(p for p in (self.nombre, self.primer_apellido, self.segundo_apellido) if p)

    def edad_en(self, fecha):
        """Edad cumplida en `fecha`; la edad registrada si no hay fecha de nacimiento."""
        if self.fecha_nacimiento is None or fecha is None:
            return self.edad_registrada
        nacimiento = self.fecha_nacimiento
        return fecha.year - nacimiento.year - ((fecha.month, fecha.day) < (nacimiento.month, nacimiento.day))


# --- Candidaturas ---------------------------------------------------------------------------------


class CandidaturaQuerySet(models.QuerySet):
    def vigentes(self):
        """Las que siguen en la boleta: ni sustituidas ni canceladas."""
        return self.filter(estado=Candidatura.Estado.REGISTRADA)

    def del_proceso(self, proceso):
        return self.filter(eleccion__proceso=proceso)

    def visibles(self):
        """Lo que muestra el listado público: las vigentes y las canceladas. Las sustituidas se
        ven a través de su reemplazo ("sustituye a…")."""
        return self.exclude(estado=Candidatura.Estado.SUSTITUIDA)

    def con_filtros(self, *, tipo=None, municipio=None, distrito=None, actor=None, sexo=None):
        """Los filtros del listado público y sus descargas (P6).

        `municipio` (clave IEEM) deja su ayuntamiento y las diputaciones de los distritos que lo
        incluyen; `distrito` (número) deja su diputación y los ayuntamientos de sus municipios.
        Las contiendas de todo el estado no tienen municipio ni distrito, así que esos dos
        filtros las dejan fuera.
        """
        candidaturas = self
        if tipo:
            candidaturas = candidaturas.filter(eleccion__tipo=tipo)
        if municipio:
            candidaturas = candidaturas.filter(
                Q(eleccion__tipo=Eleccion.Tipo.AYUNTAMIENTO, eleccion__municipio__clave_ieem=municipio)
                | Q(
                    eleccion__tipo=Eleccion.Tipo.DIPUTACION_MR,
                    eleccion__distrito_local__in=DistritoLocal.objects.filter(
                        municipios__clave_ieem=municipio
                    ),
                )
            )
        if distrito:
            candidaturas = candidaturas.filter(
                Q(eleccion__tipo=Eleccion.Tipo.DIPUTACION_MR, eleccion__distrito_local__numero=distrito)
                | Q(
                    eleccion__tipo=Eleccion.Tipo.AYUNTAMIENTO,
                    eleccion__municipio__in=Municipio.objects.filter(distritos_locales__numero=distrito),
                )
            )
        if actor:
            candidaturas = candidaturas.filter(actor__slug=actor)
        if sexo:
            candidaturas = candidaturas.filter(persona__sexo=sexo)
        return candidaturas

    def en_orden_de_listado(self):
        """El orden del listado y sus descargas: contienda (como en la boleta), actor y lugar."""
        orden_eleccion = models.Case(
            *(models.When(eleccion__tipo=tipo, then=n) for n, tipo in enumerate(ORDEN_DE_BOLETA)),
            default=len(ORDEN_DE_BOLETA),
        )
        orden_cargo = models.Case(
            models.When(cargo=Candidatura.Cargo.SINDICATURA, then=1),
            models.When(cargo=Candidatura.Cargo.REGIDURIA, then=2),
            default=0,
        )
        return self.order_by(
            orden_eleccion,
            "eleccion__distrito_local__numero",
            "eleccion__municipio__nombre",
            "actor__orden",
            "actor__siglas",
            orden_cargo,
            "numero",
            "calidad",
            "pk",
        )

    def para_listado(self):
        """Lo que pinta una fila del listado (persona, actor, elección y su ámbito, y a quién
        sustituye) en un JOIN."""
        return self.para_ficha().select_related("sustituye__persona")

    def para_ficha(self):
        """Lo que pinta una tarjeta o un perfil de Conóceles (persona, actor, elección y su ámbito)
        en un JOIN de 6 tablas: dos menos que `para_listado`, que PostgreSQL planea en la mitad."""
        return self.select_related(
            "persona",
            "actor",
            "eleccion__proceso",
            "eleccion__distrito_local",
            "eleccion__municipio",
        )


class Candidatura(models.Model):
    """El registro de una persona en un lugar de una fórmula, planilla o lista.

    Su `id` es el identificador público y estable: aparece en las URL y en los datos abiertos y
    nunca cambia. Una sustitución crea una candidatura nueva que apunta a la sustituida.
    """

    class Cargo(models.TextChoices):
        GUBERNATURA = "gubernatura", _("Gubernatura")
        DIPUTACION = "diputacion", _("Diputación")
        PRESIDENCIA_MUNICIPAL = "presidencia_municipal", _("Presidencia municipal")
        SINDICATURA = "sindicatura", _("Sindicatura")
        REGIDURIA = "regiduria", _("Regiduría")

    class Calidad(models.TextChoices):
        PROPIETARIA = "propietaria", _("Propietaria")
        SUPLENTE = "suplente", _("Suplente")

    class Estado(models.TextChoices):
        REGISTRADA = "registrada", _("Registrada")
        SUSTITUIDA = "sustituida", _("Sustituida")
        CANCELADA = "cancelada", _("Cancelada")

    class AccionAfirmativa(models.TextChoices):
        # El catálogo oficial de acciones afirmativas no se encontró (spec §5.4); se usan los grupos
        # que nombran las fuentes y se puede ampliar sin tocar la base de datos.
        INDIGENA = "indigena", _("Persona indígena")
        AFROMEXICANA = "afromexicana", _("Persona afromexicana")
        DISCAPACIDAD = "discapacidad", _("Persona con discapacidad")
        DIVERSIDAD_SEXUAL = "diversidad_sexual", _("Persona de la diversidad sexual")
        MIGRANTE = "migrante", _("Persona migrante")
        JOVEN = "joven", _("Persona joven")
        MAYOR = "mayor", _("Persona adulta mayor")

    persona = models.ForeignKey(
        Persona, models.PROTECT, related_name="candidaturas", verbose_name=_("persona")
    )
    eleccion = models.ForeignKey(
        Eleccion, models.PROTECT, related_name="candidaturas", verbose_name=_("elección")
    )
    actor = models.ForeignKey(
        ActorPolitico, models.PROTECT, related_name="candidaturas", verbose_name=_("actor político")
    )
    cargo = models.CharField(_("cargo"), max_length=24, choices=Cargo.choices)
    numero = models.PositiveSmallIntegerField(
        _("número"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Sindicatura o regiduría número n, o lugar en la lista de representación proporcional."),
    )
    calidad = models.CharField(
        _("calidad"), max_length=12, choices=Calidad.choices, default=Calidad.PROPIETARIA
    )
    accion_afirmativa = models.CharField(
        _("acción afirmativa"),
        max_length=20,
        choices=AccionAfirmativa.choices,
        blank=True,
        help_text=_("Sólo si el registro se hizo bajo una acción afirmativa."),
    )
    estado = models.CharField(_("estado"), max_length=12, choices=Estado.choices, default=Estado.REGISTRADA)
    sustituye = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="sustituida_por",
        verbose_name=_("candidatura que sustituye"),
    )
    fecha_cambio = models.DateField(_("fecha de la sustitución o cancelación"), null=True, blank=True)
    acuerdo_cambio = models.CharField(_("acuerdo"), max_length=120, blank=True)
    motivo_cambio = models.TextField(_("motivo"), blank=True)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    actualizada = models.DateTimeField(_("actualizada"), auto_now=True)

    objects = CandidaturaQuerySet.as_manager()

    class Meta:
        ordering = ["eleccion", "actor__orden", "actor__siglas", "cargo", "numero", "calidad"]
        verbose_name = _("candidatura")
        verbose_name_plural = _("candidaturas")
        constraints = [
            models.UniqueConstraint(
                fields=["eleccion", "actor", "cargo", "numero", "calidad"],
                condition=Q(estado="registrada"),
                name="una_candidatura_vigente_por_lugar",
                violation_error_message=_(
                    "Ese lugar (elección, actor, cargo, número y calidad) ya tiene una candidatura "
                    "registrada. Para cambiar a la persona usa la sustitución."
                ),
            ),
            models.CheckConstraint(condition=Q(numero__gte=1), name="candidatura_numero_positivo"),
            models.CheckConstraint(
                condition=~Q(sustituye=models.F("id")), name="candidatura_no_se_sustituye_a_si_misma"
            ),
        ]
        indexes = [
            # Listado y búsqueda: candidaturas vigentes de una elección, por actor.
            models.Index(fields=["eleccion", "estado", "actor"], name="candidatura_listado_idx"),
        ]

    def __str__(self):
        return f"{self.persona} · {self.etiqueta_cargo} · {self.actor}"

    def get_absolute_url(self):
        """Su perfil público de Conóceles: la dirección estable que citan los datos abiertos."""
        return reverse("conoceles:perfil", args=[self.pk])

    @property
    def etiqueta_cargo(self):
        """ "Regiduría 3", "Sindicatura 1", "Diputación (lista RP, lugar 2)"…"""
        # `Cargo(...).label` en vez de get_cargo_display(): éste traduce todas las opciones en cada
        # llamada y en un listado de cientos de lugares se nota.
        cargo = self.Cargo(self.cargo).label
        if self.cargo in (self.Cargo.SINDICATURA, self.Cargo.REGIDURIA):
            return _("%(cargo)s %(numero)s") % {"cargo": cargo, "numero": self.numero}
        if self.cargo == self.Cargo.DIPUTACION and self.eleccion.tipo == Eleccion.Tipo.DIPUTACION_RP:
            return _("Diputación RP, lugar %(numero)s") % {"numero": self.numero}
        return cargo

    @property
    def etiqueta_calidad(self):
        """ "Propietaria", "Propietario" o "Persona propietaria" según el sexo registrado; "Suplente"
        no cambia. Sin sexo conocido, la forma incluyente "Propietaria o propietario"."""
        if self.es_suplente:
            return _("Suplente")
        sexo = self.persona.sexo if self.persona_id else ""
        if sexo == Persona.Sexo.MUJER:
            return _("Propietaria")
        if sexo == Persona.Sexo.HOMBRE:
            return _("Propietario")
        if sexo == Persona.Sexo.NO_BINARIA:
            return _("Persona propietaria")
        return _("Propietaria o propietario")

    @property
    def es_suplente(self):
        return self.calidad == self.Calidad.SUPLENTE

    @property
    def vigente(self):
        return self.estado == self.Estado.REGISTRADA

    @property
    def orden_en_planilla(self):
        """Clave para ordenar los lugares de una planilla: presidencia, sindicaturas, regidurías."""
        rango = {
            self.Cargo.GUBERNATURA: 0,
            self.Cargo.DIPUTACION: 0,
            self.Cargo.PRESIDENCIA_MUNICIPAL: 0,
            self.Cargo.SINDICATURA: 1,
            self.Cargo.REGIDURIA: 2,
        }[self.cargo]
        return (rango, self.numero, self.calidad != self.Calidad.PROPIETARIA)


# --- Trabajos en segundo plano ---------------------------------------------------------------------


class TrabajoEnSegundoPlano(models.Model):
    """Un trabajo largo del personal que corre en la cola de tareas (una importación, invitaciones o
    movimientos del flujo de revisión sobre miles de registros) y su avance, para la página de avance.

    Vive aquí porque `candidaturas` es la app más baja que lo usa (la importación del registro) y
    `comun` no tiene tablas; `cuentas` y `cuestionarios` lo usan desde arriba (docs/decisiones.md).
    Lo ve quien lo pidió y el personal con `permiso`; nadie más (404).
    """

    class Estado(models.TextChoices):
        EN_COLA = "en_cola", _("En espera")
        EN_CURSO = "en_curso", _("En curso")
        REVISADO = "revisado", _("Revisado: falta confirmar")
        TERMINADO = "terminado", _("Terminado")
        CON_ERRORES = "con_errores", _("No se guardó: hay errores")
        FALLIDO = "fallido", _("Falló")

    TERMINALES = (Estado.TERMINADO, Estado.CON_ERRORES, Estado.FALLIDO)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tipo = models.CharField(_("tipo"), max_length=60)
    titulo = models.CharField(_("título"), max_length=300)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="trabajos_en_segundo_plano",
        verbose_name=_("quién lo pidió"),
    )
    permiso = models.CharField(
        _("permiso para verlo"), max_length=100, blank=True, help_text=_("Además de quien lo pidió.")
    )
    estado = models.CharField(_("estado"), max_length=20, choices=Estado.choices, default=Estado.EN_COLA)
    total = models.PositiveIntegerField(_("total"), default=0)
    procesados = models.PositiveIntegerField(_("procesados"), default=0)
    archivo = models.CharField(_("archivo privado"), max_length=255, blank=True, editable=False)
    nombre_del_archivo = models.CharField(_("nombre del archivo"), max_length=255, blank=True)
    parametros = models.JSONField(_("parámetros"), default=dict, blank=True)
    resultado = models.JSONField(_("resultado"), default=dict, blank=True)
    url_de_regreso = models.CharField(_("dirección de regreso"), max_length=300, blank=True)
    creado_en = models.DateTimeField(_("creado"), auto_now_add=True)
    terminado_en = models.DateTimeField(_("terminado"), null=True, blank=True)

    class Meta:
        ordering = ["-creado_en"]
        verbose_name = _("trabajo en segundo plano")
        verbose_name_plural = _("trabajos en segundo plano")

    def __str__(self):
        return self.titulo

    @property
    def terminado(self):
        return self.estado in self.TERMINALES

    def puede_verlo(self, usuario):
        if not usuario.is_authenticated or not usuario.is_staff:
            return False
        if self.usuario_id == usuario.pk:
            return True
        return bool(self.permiso) and usuario.has_perm(self.permiso)
