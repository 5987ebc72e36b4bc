from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

ALCANCE = "plataformas"
"""Alcance de la caché de páginas públicas de todo lo que muestra plataformas, propuestas, temas y
bloques (comun/cache_publica.py): cambiar cualquiera de ellos refresca sólo esas páginas."""


def _invalidar_paginas(sender, **kwargs):
    from comun.cache_publica import invalidar_al_confirmar

    invalidar_al_confirmar(ALCANCE)


class PlataformasConfig(AppConfig):
    name = "plataformas"
    verbose_name = _("Plataformas electorales")

    def ready(self):
        for nombre in ("Tema", "PlataformaElectoral", "Propuesta", "BloqueCompetitividad"):
            modelo = self.get_model(nombre)
            post_save.connect(_invalidar_paginas, sender=modelo, dispatch_uid=f"paginas-{nombre}")
            post_delete.connect(_invalidar_paginas, sender=modelo, dispatch_uid=f"paginas-{nombre}-borrado")
