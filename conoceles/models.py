"""Modelos de Conóceles: el registro de los archivos de datos abiertos ya construidos."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from candidaturas.models import ProcesoElectoral


class CorteDeDatosAbiertos(models.Model):
    """Los archivos de datos abiertos vigentes de un proceso (uno por proceso).

    Los escribe la tarea `conoceles.tareas.generar_datos_abiertos` fuera de la petición; las
    descargas sólo los leen. `archivos` guarda, por clave (`xlsx`, `curricular`, `identidad`,
    `diccionario`), la ruta relativa a `DECIDE_DATOS_ABIERTOS_ROOT`, el tamaño en bytes y el SHA-256.
    `pendiente_desde` es el antirrebote: mientras haya una regeneración encolada, otro cambio no
    encola otra."""

    proceso = models.OneToOneField(
        ProcesoElectoral, on_delete=models.CASCADE, related_name="corte_de_datos_abiertos"
    )
    version = models.PositiveIntegerField(_("versión"), default=0)
    corte = models.DateTimeField(_("corte de los datos"), null=True, blank=True)
    generado_en = models.DateTimeField(_("generado en"), null=True, blank=True)
    archivos = models.JSONField(_("archivos"), default=dict, blank=True)
    pendiente_desde = models.DateTimeField(_("regeneración pendiente desde"), null=True, blank=True)

    class Meta:
        verbose_name = _("corte de datos abiertos")
        verbose_name_plural = _("cortes de datos abiertos")

    def __str__(self):
        return f"{self.proceso_id} v{self.version}"
