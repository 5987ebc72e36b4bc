from django.core.management.base import BaseCommand

from decide.demo import generar_demo_recursos


class Command(BaseCommand):
    help = (
        "Crea infografías de demostración para «Videos e infografías» "
        "(sólo si hay un proceso de demostración)."
    )

    def handle(self, *args, **options):
        resultado = generar_demo_recursos()
        if resultado is None:
            self.stdout.write(
                "No hay un proceso de demostración (corre antes generar_demo); no se creó nada."
            )
            return
        creadas, existentes = resultado
        self.stdout.write(
            f"Videos e infografías de demostración: {creadas} creadas, {existentes} ya existían."
        )
