"""Contenido del portal que edita el personal del IEEM (P2, P3, P9, P10) y los conteos de visitas (P11)."""

import re
import secrets
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Candidatura, Eleccion
from comun.texto import normalizar, raiz

# Código propio: con "invalid" el formulario cambiaría este mensaje por el genérico de URLField.
validar_https = URLValidator(
    schemes=["https"], message=_("Escribe una dirección completa que empiece con https://."), code="sin_https"
)


def _nombre_aleatorio(carpeta, nombre_original):
    """Nombre de archivo imposible de adivinar; conserva sólo la extensión (jpg o png)."""
    extension = nombre_original.rsplit(".", 1)[-1].lower() if "." in nombre_original else "jpg"
    return f"{carpeta}/{secrets.token_hex(16)}.{extension}"


def ruta_miniatura(instancia, nombre):
    return _nombre_aleatorio("recursos/miniaturas", nombre)


def ruta_infografia(instancia, nombre):
    return _nombre_aleatorio("recursos/infografias", nombre)


# --- Atribuciones (P2) --------------------------------------------------------------------------


# Qué cargos se votan en cada tipo de elección: así un proceso extraordinario de ayuntamiento
# muestra sólo presidencia, sindicatura y regidurías.
CARGOS_POR_TIPO_DE_ELECCION = {
    Eleccion.Tipo.GUBERNATURA: [Candidatura.Cargo.GUBERNATURA],
    Eleccion.Tipo.DIPUTACION_MR: [Candidatura.Cargo.DIPUTACION],
    Eleccion.Tipo.DIPUTACION_RP: [Candidatura.Cargo.DIPUTACION],
    Eleccion.Tipo.AYUNTAMIENTO: [
        Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        Candidatura.Cargo.SINDICATURA,
        Candidatura.Cargo.REGIDURIA,
    ],
}


class Organo(models.TextChoices):
    """El órgano que integra cada cargo; agrupa la página de atribuciones."""

    EJECUTIVO = "ejecutivo", _("Gubernatura: el Poder Ejecutivo del Estado")
    LEGISLATURA = "legislatura", _("Legislatura: el Poder Legislativo del Estado")
    AYUNTAMIENTO = "ayuntamiento", _("Ayuntamiento: el gobierno de tu municipio")


ORGANO_DEL_CARGO = {
    Candidatura.Cargo.GUBERNATURA: Organo.EJECUTIVO,
    Candidatura.Cargo.DIPUTACION: Organo.LEGISLATURA,
    Candidatura.Cargo.PRESIDENCIA_MUNICIPAL: Organo.AYUNTAMIENTO,
    Candidatura.Cargo.SINDICATURA: Organo.AYUNTAMIENTO,
    Candidatura.Cargo.REGIDURIA: Organo.AYUNTAMIENTO,
}


class AtribucionQuerySet(models.QuerySet):
    def publicadas(self):
        return self.filter(publicada=True)

    def para_proceso(self, proceso, cargos=None):
        """Las de `proceso` (o generales) de los `cargos` dados, sin consultar más de una vez.

        Para cada cargo, si el personal escribió atribuciones propias del proceso, éstas sustituyen
        a las generales; si no, se muestran las generales (las que no tienen proceso). Devuelve una
        lista ya ordenada. Sin `cargos` (un proceso sin elecciones cargadas todavía) entran todos.
        """
        filas = self.publicadas()
        filas = (
            filas.filter(Q(proceso__isnull=True) | Q(proceso=proceso))
            if proceso
            else filas.filter(proceso__isnull=True)
        )
        if cargos is not None:
            filas = filas.filter(cargo__in=cargos)
        filas = list(filas)
        cargos_con_propias = {a.cargo for a in filas if a.proceso_id is not None}
        return [a for a in filas if a.proceso_id is not None or a.cargo not in cargos_con_propias]


class Atribucion(models.Model):
    """Lo que hace un cargo de elección popular, explicado en palabras sencillas."""

    cargo = models.CharField(_("cargo"), max_length=24, choices=Candidatura.Cargo.choices)
    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="atribuciones",
        verbose_name=_("proceso electoral"),
        help_text=_(
            "Déjalo vacío para que valga en todos los procesos. Si eliges un proceso, este texto "
            "sustituye al general de ese cargo sólo en ese proceso."
        ),
    )
    titulo = models.CharField(_("título"), max_length=120)
    resumen = models.TextField(_("en pocas palabras"), max_length=600)
    funciones = models.TextField(
        _("qué hace"), help_text=_("Una función por renglón; se muestran como lista.")
    )
    como_se_elige = models.TextField(_("cómo se elige"), blank=True)
    periodo = models.CharField(_("duración del cargo"), max_length=120, blank=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)
    publicada = models.BooleanField(_("publicada"), default=True)

    objects = AtribucionQuerySet.as_manager()

    class Meta:
        ordering = ["orden", "titulo"]
        verbose_name = _("atribución de un cargo")
        verbose_name_plural = _("atribuciones de los cargos")

    def __str__(self):
        return self.titulo

    @property
    def organo(self):
        return ORGANO_DEL_CARGO[self.cargo]

    @property
    def lista_de_funciones(self):
        return [renglon.strip(" -•\t") for renglon in self.funciones.splitlines() if renglon.strip(" -•\t")]

    @property
    def ancla(self):
        return slugify(self.get_cargo_display())


# --- Quita Dudas Electoral (P3) ---------------------------------------------------------------


class PreguntaFrecuenteQuerySet(models.QuerySet):
    def publicadas(self):
        return self.filter(publicada=True)

    def buscar(self, texto):
        """Las que contienen todas las palabras de `texto` o palabras de su misma raíz («votación» encuentra
        «votar»; «candidatos», «candidata»), sin distinguir acentos ni mayúsculas.

        Cada palabra se reduce a una raíz aproximada (`comun.texto.raiz`) que debe estar en el texto
        normalizado; en PostgreSQL también vale la búsqueda de texto con la configuración `spanish`
        (la raíz como prefijo de los lexemas).
        """
        raices = [raiz(p) for p in re.findall(r"[a-z0-9ñ]+", normalizar(texto))]
        if not raices:
            return self
        filas = self
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchVector

            filas = filas.annotate(documento_busqueda=SearchVector("texto_normalizado", config="spanish"))
        for r in raices:
            coincide = Q(texto_normalizado__contains=r)
            if connection.vendor == "postgresql":
                # La raíz como prefijo de los lexemas en español; las palabras vacías («como», «de»)
                # no tienen lexema y quedan cubiertas por la coincidencia directa.
                coincide |= Q(documento_busqueda=SearchQuery(f"{r}:*", search_type="raw", config="spanish"))
            filas = filas.filter(coincide)
        return filas


class PreguntaFrecuente(models.Model):
    """Una pregunta del Quita Dudas Electoral con su respuesta, dentro de una categoría."""

    class Categoria(models.TextChoices):
        VOTO = "voto", _("El voto")
        CREDENCIAL = "credencial", _("La credencial para votar")
        CASILLA = "casilla", _("La casilla")
        CARGOS = "cargos", _("Los cargos que se eligen")
        CANDIDATURAS = "candidaturas", _("Las candidaturas")
        CONOCELES = "conoceles", _("Conóceles")
        RESULTADOS = "resultados", _("Los resultados")

    categoria = models.CharField(_("categoría"), max_length=20, choices=Categoria.choices)
    pregunta = models.CharField(_("pregunta"), max_length=250)
    respuesta = models.TextField(_("respuesta"), help_text=_("Separa los párrafos con un renglón en blanco."))
    slug = models.SlugField(
        _("ancla"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "Identificador del enlace directo a la pregunta (#ancla). Se llena solo si lo dejas vacío."
        ),
    )
    texto_normalizado = models.TextField(editable=False, default="")
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)
    publicada = models.BooleanField(_("publicada"), default=True)

    objects = PreguntaFrecuenteQuerySet.as_manager()

    class Meta:
        ordering = ["orden", "pk"]
        verbose_name = _("pregunta frecuente")
        verbose_name_plural = _("preguntas frecuentes (Quita Dudas)")

    def __str__(self):
        return self.pregunta

    def save(self, *args, **kwargs):
        # Columna derivada para la búsqueda sin acentos (igual en SQLite y PostgreSQL).
        self.texto_normalizado = normalizar(f"{self.pregunta} {self.respuesta}")
        if not self.slug:
            self.slug = slugify(self.pregunta)[:100] or secrets.token_hex(4)
            if PreguntaFrecuente.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
                self.slug = f"{self.slug[:110]}-{secrets.token_hex(3)}"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return f"{reverse('decide:quita_dudas')}#{self.slug}"


# --- Videos e infografías (P9) ------------------------------------------------------------------


class RecursoQuerySet(models.QuerySet):
    def publicados(self):
        return self.filter(publicado=True)


class Recurso(models.Model):
    """Un video (enlace a donde está alojado, miniatura y transcripción) o una infografía (imagen y
    descripción larga) sobre cómo usar el portal."""

    class Tipo(models.TextChoices):
        VIDEO = "video", _("Video")
        INFOGRAFIA = "infografia", _("Infografía")

    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices)
    titulo = models.CharField(_("título"), max_length=160)
    resumen = models.TextField(_("de qué trata"), max_length=500)
    url_video = models.URLField(
        _("dirección del video"),
        blank=True,
        validators=[validar_https],
        help_text=_("Sólo videos: la página donde está alojado (por ejemplo, YouTube). No se incrusta."),
    )
    duracion = models.CharField(_("duración"), max_length=20, blank=True, help_text=_("Por ejemplo: 3:20"))
    miniatura = models.ImageField(
        _("miniatura"),
        upload_to=ruta_miniatura,
        blank=True,
        width_field="miniatura_ancho",
        height_field="miniatura_alto",
        help_text=_("Sólo videos. JPG o PNG de hasta 1 MB."),
    )
    miniatura_ancho = models.PositiveIntegerField(null=True, blank=True, editable=False)
    miniatura_alto = models.PositiveIntegerField(null=True, blank=True, editable=False)
    transcripcion = models.TextField(
        _("transcripción completa"),
        blank=True,
        help_text=_(
            "Sólo videos: todo lo que se dice y se muestra, para quien no puede ver o escuchar el video."
        ),
    )
    imagen = models.ImageField(
        _("imagen de la infografía"),
        upload_to=ruta_infografia,
        blank=True,
        width_field="imagen_ancho",
        height_field="imagen_alto",
        help_text=_("Sólo infografías. JPG o PNG de hasta 5 MB."),
    )
    imagen_ancho = models.PositiveIntegerField(null=True, blank=True, editable=False)
    imagen_alto = models.PositiveIntegerField(null=True, blank=True, editable=False)
    texto_alternativo = models.CharField(
        _("texto alternativo"),
        max_length=250,
        blank=True,
        help_text=_("Sólo infografías: una frase que diga qué muestra la imagen."),
    )
    descripcion_larga = models.TextField(
        _("descripción completa"),
        blank=True,
        help_text=_("Sólo infografías: todo el texto y la información de la imagen, en orden."),
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)
    publicado = models.BooleanField(_("publicado"), default=True)

    objects = RecursoQuerySet.as_manager()

    class Meta:
        ordering = ["orden", "titulo"]
        verbose_name = _("video o infografía")
        verbose_name_plural = _("videos e infografías")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(tipo="video") & ~Q(url_video="") & ~Q(transcripcion="")
                    | Q(tipo="infografia") & ~Q(imagen="") & ~Q(descripcion_larga="")
                ),
                name="recurso_completo_segun_tipo",
            )
        ]

    def __str__(self):
        return self.titulo

    def clean(self):
        errores = {}
        if self.tipo == self.Tipo.VIDEO:
            if not self.url_video:
                errores["url_video"] = _("Un video necesita la dirección donde está alojado.")
            if not self.transcripcion.strip():
                errores["transcripcion"] = _("Un video necesita su transcripción completa.")
            if not self.miniatura:
                errores["miniatura"] = _("Un video necesita una miniatura.")
        elif self.tipo == self.Tipo.INFOGRAFIA:
            if not self.imagen:
                errores["imagen"] = _("Una infografía necesita su imagen.")
            if not self.texto_alternativo.strip():
                errores["texto_alternativo"] = _("Una infografía necesita su texto alternativo.")
            if not self.descripcion_larga.strip():
                errores["descripcion_larga"] = _("Una infografía necesita su descripción completa.")
        if errores:
            raise ValidationError(errores)

    @property
    def sitio_del_video(self):
        """El dominio al que lleva el enlace ("youtube.com"), para avisar que sale del portal."""
        return urlsplit(self.url_video).hostname.removeprefix("www.") if self.url_video else ""


# --- Enlaces de interés (P10) ---------------------------------------------------------------------


class EnlaceDeInteresQuerySet(models.QuerySet):
    def publicados(self):
        return self.filter(publicado=True)


class EnlaceDeInteres(models.Model):
    """Un acceso directo a un sitio fuera del portal (resultados, PREP, Gobierno Abierto…)."""

    class Grupo(models.TextChoices):
        RESULTADOS = "resultados", _("Resultados electorales")
        CREDENCIAL_Y_CASILLA = "credencial_y_casilla", _("Tu credencial y tu casilla")
        PARTICIPACION = "participacion", _("Participación ciudadana")
        GOBIERNO_ABIERTO = "gobierno_abierto", _("Gobierno Abierto y transparencia")
        AUTORIDADES = "autoridades", _("Autoridades electorales")

    grupo = models.CharField(_("grupo"), max_length=24, choices=Grupo.choices)
    titulo = models.CharField(_("título"), max_length=160)
    url = models.URLField(_("dirección"), validators=[validar_https])
    descripcion = models.TextField(_("para qué sirve"), max_length=500)
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)
    publicado = models.BooleanField(_("publicado"), default=True)

    objects = EnlaceDeInteresQuerySet.as_manager()

    class Meta:
        ordering = ["orden", "titulo"]
        verbose_name = _("enlace de interés")
        verbose_name_plural = _("enlaces de interés")

    def __str__(self):
        return self.titulo

    @property
    def sitio(self):
        return urlsplit(self.url).hostname.removeprefix("www.")


# --- Visitas (P11) ------------------------------------------------------------------------------


class AreaDelPortal(models.TextChoices):
    """Partes del portal cuyas visitas se cuentan por separado (ver decide/visitas.py)."""

    INICIO = "inicio", _("Inicio")
    CONOCELES = "conoceles", _("Conóceles")
    MI_SECCION = "mi_seccion", _("Mi sección")
    CANDIDATURAS = "candidaturas", _("Candidaturas")
    PLATAFORMAS = "plataformas", _("Plataformas")
    ATRIBUCIONES = "atribuciones", _("Atribuciones")
    QUITA_DUDAS = "quita_dudas", _("Quita dudas")
    RECURSOS = "recursos", _("Videos e infografías")
    ENLACES = "enlaces", _("Enlaces")
    ESTADISTICAS = "estadisticas", _("Estadísticas")
    PROCESOS = "procesos", _("Procesos anteriores")
    OTRAS = "otras", _("Otras páginas")


class VisitaDiariaQuerySet(models.QuerySet):
    def totales_por_area(self):
        return self.values("area").annotate(total=models.Sum("cuenta")).order_by("-total", "area")

    def serie_diaria(self, desde):
        return (
            self.filter(fecha__gte=desde)
            .values("fecha")
            .annotate(total=models.Sum("cuenta"))
            .order_by("fecha")
        )


class VisitaDiaria(models.Model):
    """Cuántas páginas se vieron en una sección del portal en un día. Sólo conteos: ningún dato personal."""

    fecha = models.DateField(_("fecha"))
    area = models.CharField(_("área del portal"), max_length=20, choices=AreaDelPortal.choices)
    cuenta = models.PositiveBigIntegerField(_("páginas vistas"), default=0)

    objects = VisitaDiariaQuerySet.as_manager()

    class Meta:
        ordering = ["-fecha", "area"]
        verbose_name = _("visitas de un día")
        verbose_name_plural = _("visitas por día")
        constraints = [models.UniqueConstraint(fields=["fecha", "area"], name="una_cuenta_por_dia_y_area")]

    def __str__(self):
        return f"{self.fecha:%Y-%m-%d} · {self.get_area_display()}: {self.cuenta}"
