from django.apps import AppConfig
from django.db import connections, models
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ComunConfig(AppConfig):
    """Sin tablas: se registra como app para que Django encuentre sus etiquetas de plantilla y para
    dar a los campos de texto la búsqueda sin acentos del admin (`comun.admin.SinAcentos`)."""

    name = "comun"
    verbose_name = _("Piezas comunes")

    def ready(self):
        from comun.admin import SinAcentos, registrar_en_sqlite

        models.CharField.register_lookup(SinAcentos)
        models.TextField.register_lookup(SinAcentos)
        connection_created.connect(registrar_en_sqlite, dispatch_uid="comun_sin_acentos_sqlite")
        for conexion in connections.all(initialized_only=True):
            if conexion.connection is not None:
                registrar_en_sqlite(None, conexion)
