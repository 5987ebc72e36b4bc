from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConocelesConfig(AppConfig):
    name = "conoceles"
    verbose_name = _("Conóceles")

    def ready(self):
        from comun.cambios import cambio_en_lo_publicado
        from conoceles.tareas import al_cambiar_lo_publicado

        # Cada cambio público de un proceso encola la regeneración de sus datos abiertos.
        cambio_en_lo_publicado.connect(al_cambiar_lo_publicado, dispatch_uid="conoceles_datos_abiertos")
