"""Carga de propuestas de plataforma por el personal con django-import-export (vista previa).

Una fila de la hoja es una propuesta: el actor (siglas), el tipo de plataforma, el tema del
catálogo, título, texto y orden. El proceso electoral se elige en el formulario de importación; la
plataforma (actor + tipo en ese proceso) se crea si aún no existe. Todo o nada: si una sola fila
tiene errores no se guarda ninguna y la vista previa lista cada fila con su número y columna.
Columnas y ejemplo: docs/importacion.md y fixtures/muestras/propuestas_plataforma.csv.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources

from candidaturas.models import ActorPolitico
from comun.importacion import ErroresDeFila, ImportacionTodoONadaMixin, entero_de_celda, texto_de_celda
from comun.texto import normalizar
from plataformas.models import PlataformaElectoral, Propuesta, Tema

COLUMNAS = ["actor", "plataforma", "tema", "titulo", "texto", "orden"]
"""Encabezados de la primera fila (sin importar acentos ni mayúsculas)."""
COLUMNAS_OBLIGATORIAS = ("actor", "plataforma", "tema", "titulo", "texto")
FILAS_MAXIMAS = 2000


def _texto_largo(valor):
    """Título y texto: sin espacios a los lados, pero conservando los saltos de párrafo."""
    return "" if valor is None else str(valor).strip()


class PropuestaResource(ImportacionTodoONadaMixin, resources.ModelResource):
    """Cada fila crea una propuesta nueva en la plataforma de su actor y tipo en `proceso`."""

    columnas_obligatorias = COLUMNAS
    normalizar_encabezados = True
    filas_maximas = FILAS_MAXIMAS

    actor = fields.Field(column_name="actor")
    plataforma = fields.Field(column_name="plataforma")
    tema = fields.Field(column_name="tema")
    titulo = fields.Field(attribute="titulo", column_name="titulo")
    texto = fields.Field(attribute="texto", column_name="texto")
    orden = fields.Field(attribute="orden", column_name="orden")

    class Meta:
        model = Propuesta
        fields = COLUMNAS
        import_order = COLUMNAS
        force_init_instance = True  # nunca corrige una propuesta existente: siempre agrega
        use_transactions = True
        clean_model_instances = True

    def __init__(self, proceso=None, **kwargs):
        super().__init__(**kwargs)
        self.proceso = proceso

    # --- Lo que muestra la vista previa de cada fila ------------------------------------------------

    def dehydrate_actor(self, propuesta):
        return propuesta.plataforma.actor.siglas if propuesta.plataforma_id else ""

    def dehydrate_plataforma(self, propuesta):
        return propuesta.plataforma.get_tipo_display() if propuesta.plataforma_id else ""

    def dehydrate_tema(self, propuesta):
        return propuesta.tema.nombre if propuesta.tema_id else ""

    # --- Importación ------------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        if self.proceso is None:
            raise ValueError(_("Elige el proceso electoral de las propuestas."))
        super().before_import(dataset, **kwargs)
        if not len(dataset):
            raise ValueError(_("La hoja no tiene filas con propuestas."))
        # Tres consultas para todo el archivo, no por fila.
        self._actores = {}
        actores = ActorPolitico.objects.filter(Q(proceso__isnull=True) | Q(proceso=self.proceso))
        for actor in actores.order_by("pk"):
            self._actores.setdefault(normalizar(actor.siglas), []).append(actor)
        self._temas = {}
        for tema in Tema.objects.all():
            self._temas[normalizar(tema.nombre)] = tema
            self._temas.setdefault(tema.slug, tema)
        self._tipos = {normalizar(str(e)): v for v, e in PlataformaElectoral.Tipo.choices}
        self._tipos.update({v: v for v in PlataformaElectoral.Tipo.values})
        self._plataformas = {
            (p.actor_id, p.tipo): p
            for p in PlataformaElectoral.objects.filter(proceso=self.proceso).select_related("actor")
        }

    def import_instance(self, instance, row, **kwargs):
        """Junta todos los errores de la fila por columna antes de crear la plataforma."""
        error = ErroresDeFila()
        error.revisar_fila(row, COLUMNAS_OBLIGATORIAS)

        actor = None
        siglas = texto_de_celda(row.get("actor"))
        if siglas:
            encontrados = self._actores.get(normalizar(siglas), [])
            if not encontrados:
                error(
                    "actor",
                    _("No hay un actor político con siglas «%(siglas)s» en este proceso.")
                    % {"siglas": siglas},
                )
            elif len(encontrados) > 1:
                error(
                    "actor",
                    _("Hay más de un actor político con siglas «%(siglas)s»; corrígelo en el admin.")
                    % {"siglas": siglas},
                )
            else:
                actor = encontrados[0]

        tipo = None
        valor = texto_de_celda(row.get("plataforma"))
        if valor:
            tipo = self._tipos.get(normalizar(valor))
            if tipo is None:
                error(
                    "plataforma",
                    _("La plataforma debe ser legislativa, municipal o gubernatura, no «%(valor)s».")
                    % {"valor": valor},
                )

        tema = None
        valor = texto_de_celda(row.get("tema"))
        if valor:
            tema = self._temas.get(normalizar(valor))
            if tema is None:
                error("tema", _("El tema «%(valor)s» no está en el catálogo.") % {"valor": valor})

        try:
            orden = entero_de_celda(row.get("orden"))
        except ValueError:
            orden = 0
        if orden is None:
            orden = 1
        if orden < 1:
            error("orden", _("El orden debe ser un número entero positivo."))

        error.lanzar_si_hay()

        instance.plataforma = self._plataforma(actor, tipo)
        instance.tema = tema
        instance.titulo = _texto_largo(row.get("titulo"))
        instance.texto = _texto_largo(row.get("texto"))
        instance.orden = orden

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Como import-export, pero sin volver a buscar en la base la plataforma y el tema que la
        fila ya resolvió: dos consultas menos por fila."""
        errores = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=[*errores, "plataforma", "tema"], validate_unique=validate_unique)
        except ValidationError as error:
            errores = error.update_error_dict(errores)
        if errores:
            raise ValidationError(errores)

    def _plataforma(self, actor, tipo):
        """La plataforma del actor y tipo en el proceso; se crea la primera vez (y se deshace con la
        importación si ésta no se confirma)."""
        clave = (actor.pk, tipo)
        if clave not in self._plataformas:
            self._plataformas[clave] = PlataformaElectoral.objects.create(
                proceso=self.proceso, actor=actor, tipo=tipo
            )
        return self._plataformas[clave]
