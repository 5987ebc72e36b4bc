"""Conóceles: cuentas de captura, aviso y consentimientos, cuestionarios curricular y de identidad,
y el flujo de validación, revisión y publicación (DESIGN.md C1–C6; spec/conoceles.md §4–§6, §8).

Una persona llena UN cuestionario curricular y UN cuestionario de identidad por proceso electoral,
aunque tenga dos candidaturas en él (p. ej. mayoría relativa y representación proporcional): los dos
cuestionarios cuelgan de (persona, proceso), no de la candidatura.

Lo que ve el público sale siempre de los métodos de QuerySet de este módulo:
`CuestionarioCurricular.objects.publicados()`, `RespuestaIdentidad.objects.publicables()` y
`RespuestaIdentidad.objects.para_estadistica()`.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Candidatura

# --- Límites del cuestionario curricular (spec §4.2). Cuentan todos los caracteres, espacios incluidos.
MINIMO_TEXTO_LARGO = 280
MAXIMO_TEXTO_LARGO = 5000
MAXIMO_PROPUESTA = 1600
MAXIMO_OTRA_FORMACION = 250
MAXIMO_REGISTROS_OTRA_FORMACION = 10


def ruta_aleatoria_de_foto(instancia, nombre_original):
    """Nombre aleatorio: el nombre del archivo original no se guarda ni se publica."""
    return f"fotos/{uuid.uuid4().hex}.jpg"


# --- Cuentas (C1) ---------------------------------------------------------------------------------


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


# --- Plazos -----------------------------------------------------------------------------------


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


# --- Aviso de privacidad y consentimientos (C2) -------------------------------------------------


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


# --- Cuestionario curricular (C3, C5, C6) ---------------------------------------------------------


class Estado(models.TextChoices):
    """Flujo de la captura de una persona en un proceso (aplica a los dos cuestionarios)."""

    EN_CAPTURA = "en_captura", _("En captura")
    ENVIADO = "enviado", _("Enviado")
    VALIDADO_PARTIDO = "validado_partido", _("Validado por el partido")
    EN_REVISION = "en_revision", _("En revisión")
    CON_OBSERVACIONES = "con_observaciones", _("Con observaciones")
    CORREGIDO = "corregido", _("Corregido")
    PUBLICADO = "publicado", _("Publicado")


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


# --- Cuestionario de identidad (C4) ----------------------------------------------------------------


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


# --- Flujo de revisión (C6) -------------------------------------------------------------------------


class Transicion(models.Model):
    """Cada cambio de estado de una captura: quién, cuándo, de dónde a dónde y por qué."""

    cuestionario = models.ForeignKey(
        CuestionarioCurricular, models.CASCADE, related_name="transiciones", verbose_name=_("cuestionario")
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
        # Texto literal de IEEN (spec §6), con sus erratas.
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
        SEXISTA = "sexista", _("Hacer uso de lenguage sexista, ofensivo o discriminatorio.")
        OTRA_CANDIDATURA = (
            "otra_candidatura",
            _("Publicar información o imágenes relacioanadas con otra candidatura."),
        )
        ALUSIONES = "alusiones", _("Hacer alusiones o menciones a otro partido político o candidatura")
        RESTRINGIDO = (
            "restringido",
            _("Publicar contenidos restringidos por la legislación electoral federal y local."),
        )
        LEMAS = "lemas", _("Utilizar lemas o imágenes de campaña en sus contenidos.")
        OTRO = "otro", _("Otro motivo (se explica en el texto)")

    cuestionario = models.ForeignKey(
        CuestionarioCurricular, models.CASCADE, related_name="observaciones", verbose_name=_("cuestionario")
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


class CandidaturaParaInvitar(Candidatura):
    """Vista del registro en el admin de cuestionarios: de aquí salen las cuentas e invitaciones (C1).

    Es un proxy: no crea tabla ni escribe en `candidaturas`.
    """

    class Meta:
        proxy = True
        verbose_name = _("candidatura por invitar")
        verbose_name_plural = _("cuentas: crear e invitar desde candidaturas")
