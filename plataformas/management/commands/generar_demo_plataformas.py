from django.core.management.base import BaseCommand

from plataformas.demo import generar_demo_plataformas


class Command(BaseCommand):
    help = "Crea plataformas y bloques de competitividad ficticios para el proceso de demostración."

    def handle(self, *args, **options):
        proceso = generar_demo_plataformas()
        if proceso is None:
            self.stdout.write(
                "No hay un proceso de demostración (corre antes generar_demo); no se creó nada."
            )
        else:
            self.stdout.write(f"Plataformas de demostración listas en «{proceso}».")
