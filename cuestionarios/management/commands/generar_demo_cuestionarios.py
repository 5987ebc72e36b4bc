from django.core.management.base import BaseCommand

from cuestionarios import demo


class Command(BaseCommand):
    help = "Llena cuestionarios ficticios y deterministas para el proceso de demostración."

    def handle(self, *args, **options):
        resumen = demo.generar()
        if resumen is None:
            self.stdout.write("No hay un proceso de demostración; no se generó nada.")
            return
        self.stdout.write(
            f"Cuestionarios de demostración: {resumen['publicados']} publicados, "
            f"{resumen['enviados']} enviados, {resumen['sin_capturar']} sin capturar."
        )
