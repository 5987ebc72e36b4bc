from django.core.management.base import BaseCommand

from participacion.demo import generar_demo_participacion


class Command(BaseCommand):
    help = "Crea reacciones y comentarios ficticios sobre las plataformas del proceso de demostración."

    def handle(self, *args, **options):
        proceso = generar_demo_participacion()
        if proceso is None:
            self.stdout.write("No hay un proceso de demostración; no se creó nada.")
        else:
            self.stdout.write(f"Participación de demostración lista en «{proceso}».")
