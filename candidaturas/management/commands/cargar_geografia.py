from django.core.management.base import BaseCommand, CommandError

from candidaturas.geografia import CARPETA_POR_OMISION, ErrorDeCarga, cargar_geografia


class Command(BaseCommand):
    help = "Carga municipios, distritos y secciones del Estado de México desde fixtures/edomex/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--carpeta",
            default=str(CARPETA_POR_OMISION),
            help="Carpeta con los CSV (por omisión, fixtures/edomex).",
        )

    def handle(self, *args, carpeta, **options):
        try:
            resumen = cargar_geografia(carpeta=carpeta)
        except ErrorDeCarga as error:
            raise CommandError(
                "No se cargó nada; corrige estos errores:\n" + "\n".join(f"  - {e}" for e in error.errores)
            ) from error
        if resumen.sin_cambios:
            self.stdout.write("La geografía ya estaba al día; no hubo cambios.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Geografía cargada. {resumen}"))
