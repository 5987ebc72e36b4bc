"""Cuestionario curricular (C3, C5, C6; spec §4.2): límites, catálogos de estudios, partes con fecha
de publicación propia y el modelo con su versión publicada y sus cambios en revisión."""

import uuid

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cuestionarios.models.flujo import Estado

# --- Límites del cuestionario curricular (spec §4.2). Cuentan todos los caracteres, espacios incluidos.
MINIMO_TEXTO_LARGO = 280
MAXIMO_TEXTO_LARGO = 5000
MAXIMO_PROPUESTA = 1600
MAXIMO_OTRA_FORMACION = 250
MAXIMO_REGISTROS_OTRA_FORMACION = 10


def ruta_aleatoria_de_foto(instancia, nombre_original):
    """Nombre aleatorio: el nombre del archivo original no se guarda ni se publica."""
    return f"fotos/{uuid.uuid4().hex}.jpg"


class GradoDeEstudios(models.TextChoices):
    # Lista de IEEN 2024 (C1), la más reciente; spec §4.2 #3. Ordenada de menor a mayor.
    SIN_ESTUDIOS = "sin_estudios", _("Sin estudios")
    PRIMARIA = "primaria", _("Primaria")
    SECUNDARIA = "secundaria", _("Secundaria")
    PREPARATORIA = "preparatoria", _("Preparatoria")
    TECNICA = "tecnica", _("Técnica")
    LICENCIATURA = "licenciatura", _("Licenciatura")
    ESPECIALIDAD = "especialidad", _("Especialidad")
    MAESTRIA = "maestria", _("Maestría")
    DOCTORADO = "doctorado", _("Doctorado")
    POSTDOCTORADO = "postdoctorado", _("Postdoctorado")


class EstatusDeEstudios(models.TextChoices):
    # Lista de IEEN 2024 (C1); spec §4.2 #4.
    RECONOCIMIENTO = "reconocimiento", _("Reconocimiento")
    CARTA_PASANTE = "carta_pasante", _("Carta pasante")
    CONSTANCIA = "constancia", _("Constancia")
    CERTIFICADO = "certificado", _("Certificado")
    TITULO = "titulo", _("Título")
    CEDULA = "cedula", _("Cédula")


PARTES_CURRICULARES = {
    "foto": ("foto",),
    "contacto": (
        "facebook",
        "x_twitter",
        "youtube",
        "instagram",
        "tiktok",
        "otra_red",
        "pagina_web",
        "correo_publico",
        "telefono_publico",
        "domicilio_campana",
    ),
    "formacion": ("grado_estudios", "estatus_estudios", "otra_formacion"),
    "historia": ("historia_profesional",),
    "trayectoria": ("trayectoria_politica",),
    "motivacion": ("por_que_quiero_el_cargo",),
    "propuestas": ("propuesta_1", "propuesta_2", "propuesta_genero"),
}
"""Partes del cuestionario que el perfil público fecha por separado, y sus campos."""

CAMPO_FECHA_DE_PARTE = {
    "foto": "foto_actualizada_en",
    "contacto": "contacto_actualizado_en",
    "formacion": "formacion_actualizada_en",
    "historia": "historia_actualizada_en",
    "trayectoria": "trayectoria_actualizada_en",
    "motivacion": "motivacion_actualizada_en",
    "propuestas": "propuestas_actualizadas_en",
}
"""Campo que guarda cuándo se publicó por última vez cada parte."""


class CuestionarioCurricularQuerySet(models.QuerySet):
    def publicados(self):
        """Los que el público puede ver. Sus campos son SIEMPRE la última versión publicada:
        las ediciones posteriores esperan en `pendiente` hasta que el personal vuelva a publicar."""
        return self.filter(publicado_en__isnull=False)

    def del_proceso(self, proceso):
        return self.filter(proceso=proceso)

    def para_revision(self):
        return self.select_related("persona", "proceso", "proceso__plazo_de_captura")


class CuestionarioCurricular(models.Model):
    """Cuestionario curricular de una persona en un proceso (spec §4.2), con su foto y su estado.

    Mientras no se ha publicado nunca, la persona edita directamente estos campos. Una vez
    publicado, los campos guardan la versión publicada y las ediciones de la persona se guardan en
    `pendiente` (y la foto nueva en `foto_pendiente`) hasta la siguiente publicación.
    `borrador` guarda el texto tal cual se escribió en el último envío que no pasó la validación,
    para que nada se pierda.
    """

    persona = models.ForeignKey(
        "candidaturas.Persona",
        models.PROTECT,
        related_name="cuestionarios_curriculares",
        verbose_name=_("persona"),
    )
    proceso = models.ForeignKey(
        "candidaturas.ProcesoElectoral",
        models.PROTECT,
        related_name="cuestionarios_curriculares",
        verbose_name=_("proceso electoral"),
    )

    foto = models.ImageField(_("fotografía"), upload_to=ruta_aleatoria_de_foto, blank=True)
    foto_pendiente = models.ImageField(
        _("fotografía nueva en revisión"), upload_to=ruta_aleatoria_de_foto, blank=True
    )

    # Medios de contacto públicos (etiquetas de IEEN 2024, spec §4.2 #2).
    facebook = models.URLField(_("Facebook"), blank=True)
    x_twitter = models.URLField(_("X (antes Twitter)"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    tiktok = models.URLField(_("Tik Tok"), blank=True)
    otra_red = models.URLField(_("Otra red social"), blank=True)
    pagina_web = models.URLField(_("Página web"), blank=True)
    correo_publico = models.EmailField(_("Correo electrónico público"), blank=True)
    telefono_publico = models.CharField(_("Teléfono público de contacto"), max_length=20, blank=True)
    domicilio_campana = models.CharField(_("Domicilio de casa de campaña"), max_length=300, blank=True)

    grado_estudios = models.CharField(
        _("Grado máximo de estudios"), max_length=20, choices=GradoDeEstudios.choices, blank=True
    )
    estatus_estudios = models.CharField(
        _("Estatus"), max_length=20, choices=EstatusDeEstudios.choices, blank=True
    )
    otra_formacion = models.TextField(
        _("Otra formación académica"),
        blank=True,
        help_text=_("Cursos, diplomados, seminarios, entre otros. Un registro por renglón."),
    )
    historia_profesional = models.TextField(
        _("Historia profesional y/o laboral"),
        blank=True,
        validators=[MaxLengthValidator(MAXIMO_TEXTO_LARGO)],
    )
    trayectoria_politica = models.TextField(
        _(
            "Trayectoria política y/o participación social en organizaciones ciudadanas o de la "
            "sociedad civil"
        ),
        blank=True,
        validators=[MaxLengthValidator(MAXIMO_TEXTO_LARGO)],
    )
    por_que_quiero_el_cargo = models.TextField(
        _("¿Por qué quiero ocupar un cargo público?"),
        blank=True,
        validators=[MaxLengthValidator(MAXIMO_TEXTO_LARGO)],
    )
    propuesta_1 = models.TextField(
        _("Propuesta 1"), blank=True, validators=[MaxLengthValidator(MAXIMO_PROPUESTA)]
    )
    propuesta_2 = models.TextField(
        _("Propuesta 2"), blank=True, validators=[MaxLengthValidator(MAXIMO_PROPUESTA)]
    )
    propuesta_genero = models.TextField(
        _(
            "Propuesta en materia de género o, en su caso, del grupo en situación de discriminación "
            "que representa"
        ),
        blank=True,
        validators=[MaxLengthValidator(MAXIMO_PROPUESTA)],
    )
    correo_aclaraciones = models.EmailField(
        _("Correo para aclaraciones"),
        blank=True,
        help_text=_("Este correo no se publica, es para aclaraciones."),
    )

    estado = models.CharField(_("estado"), max_length=20, choices=Estado.choices, default=Estado.EN_CAPTURA)
    borrador = models.JSONField(_("texto sin validar"), default=dict, blank=True, editable=False)
    pendiente = models.JSONField(_("cambios en revisión"), default=dict, blank=True, editable=False)

    creado_en = models.DateTimeField(_("creado"), auto_now_add=True)
    modificado_en = models.DateTimeField(_("última modificación"), auto_now=True)
    enviado_en = models.DateTimeField(_("último envío"), null=True, blank=True)
    publicado_en = models.DateTimeField(_("última publicación"), null=True, blank=True, db_index=True)
    primera_publicacion_en = models.DateTimeField(_("primera publicación"), null=True, blank=True)
    # Fecha en que se publicó el contenido vigente de cada parte (lo que muestra el perfil público).
    foto_actualizada_en = models.DateTimeField(_("fotografía publicada el"), null=True, blank=True)
    contacto_actualizado_en = models.DateTimeField(
        _("medios de contacto publicados el"), null=True, blank=True
    )
    formacion_actualizada_en = models.DateTimeField(_("formación publicada el"), null=True, blank=True)
    historia_actualizada_en = models.DateTimeField(
        _("historia profesional publicada el"), null=True, blank=True
    )
    trayectoria_actualizada_en = models.DateTimeField(_("trayectoria publicada el"), null=True, blank=True)
    motivacion_actualizada_en = models.DateTimeField(_("motivación publicada el"), null=True, blank=True)
    propuestas_actualizadas_en = models.DateTimeField(_("propuestas publicadas el"), null=True, blank=True)

    objects = CuestionarioCurricularQuerySet.as_manager()

    class Meta:
        ordering = ["proceso", "persona"]
        verbose_name = _("cuestionario curricular")
        verbose_name_plural = _("cuestionarios curriculares")
        permissions = [
            ("revisar_cuestionario", _("Puede revisar cuestionarios y hacer observaciones")),
            ("publicar_cuestionario", _("Puede publicar cuestionarios")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["persona", "proceso"], name="un_curricular_por_persona_y_proceso")
        ]
        indexes = [
            # Cola de revisión y tablero de avance: cuestionarios de un proceso por estado.
            models.Index(fields=["proceso", "estado"], name="curricular_estado_idx"),
        ]

    def __str__(self):
        return _("Cuestionario curricular de %(persona)s") % {"persona": self.persona}

    @property
    def esta_publicado(self):
        return self.publicado_en is not None

    @property
    def tiene_cambios_pendientes(self):
        return bool(self.pendiente) or bool(self.foto_pendiente)

    def fecha_de_parte(self, parte):
        """Fecha de publicación del contenido vigente de una parte ("foto", "contacto", …)."""
        return getattr(self, CAMPO_FECHA_DE_PARTE[parte])

    @property
    def fechas_por_parte(self):
        return {parte: self.fecha_de_parte(parte) for parte in PARTES_CURRICULARES}

    @property
    def lista_otra_formacion(self):
        return [linea.strip() for linea in self.otra_formacion.splitlines() if linea.strip()]
