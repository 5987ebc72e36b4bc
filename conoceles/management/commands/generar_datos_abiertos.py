"""Construye los datos abiertos de Conóceles de cada proceso que aún no los tenga (o de todos con
--forzar), en este proceso y no en la cola. `make run` lo corre para que la demo tenga sus archivos;
en producción basta la cola (cada cambio encola la regeneración), pero sirve tras restaurar un
respaldo o perder el disco de archivos."""

from django.core.management.base import BaseCommand

from candidaturas.models import ProcesoElectoral
from conoceles import tareas
from conoceles.models import CorteDeDatosAbiertos


class Command(BaseCommand):
    help = "Construye los archivos de datos abiertos de Conóceles que falten (o todos con --forzar)."

    def add_arguments(self, parser):
        parser.add_argument("--forzar", action="store_true", help="Reconstruye aunque ya existan.")
        parser.add_argument(
            "--encolar", action="store_true", help="Los encola para el worker en vez de construirlos aquí."
        )

    def handle(self, *args, forzar=False, encolar=False, **opciones):
        cortes = {c.proceso_id: c for c in CorteDeDatosAbiertos.objects.all()}
        for proceso in ProcesoElectoral.objects.order_by("pk"):
            corte = cortes.get(proceso.pk)
            if not forzar and corte is not None and _completos(corte):
                continue
            if encolar:
                tareas.pedir_datos_abiertos(proceso.pk)
                self.stdout.write(f"{proceso.slug}: regeneración encolada")
                continue
            nuevo = tareas.construir_datos_abiertos(proceso)
            tamano = sum(a["tamano"] for a in nuevo.archivos.values())
            self.stdout.write(f"{proceso.slug}: versión {nuevo.version}, {tamano / 1e6:.1f} MB")


def _completos(corte):
    return set(corte.archivos) == set(tareas.ARCHIVOS) and all(
        (tareas.raiz() / a["ruta"]).is_file() for a in corte.archivos.values()
    )
