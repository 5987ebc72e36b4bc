from django.core.management.base import BaseCommand

from cuestionarios import demo


class Command(BaseCommand):
    help = "Llena cuestionarios ficticios y deterministas para el proceso de demostración."

    def handle(self, *args, **options):
        resumen = demo.generar()
        if resumen is None:
            self.stdout.write("No hay un proceso de demostración; no se generó nada.")
            return
        cifras = (
            f"{resumen['publicados']} publicados, {resumen['enviados']} enviados, "
            f"{resumen['sin_capturar']} sin capturar"
        )
        if resumen["ya_existian"]:
            self.stdout.write(f"Los cuestionarios de demostración ya existían ({cifras}); no se cambió nada.")
        else:
            self.stdout.write(f"Cuestionarios de demostración: {cifras}.")
