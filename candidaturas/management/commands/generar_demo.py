from django.core.management.base import BaseCommand, CommandError

from candidaturas.demo import GeografiaFaltante, generar_demo


class Command(BaseCommand):
    help = (
        "Crea, una sola vez y siempre igual, un proceso ordinario ficticio completo y una elección "
        "extraordinaria sobre la geografía real (corre antes cargar_geografia)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipios", type=int, default=None, help="Sólo los primeros N municipios (para pruebas)."
        )
        parser.add_argument(
            "--distritos",
            type=int,
            default=None,
            help="Sólo los primeros N distritos locales (para pruebas).",
        )

    def handle(self, *args, municipios, distritos, **options):
        for nombre, valor in (("--municipios", municipios), ("--distritos", distritos)):
            if valor is not None and valor < 1:
                raise CommandError(f"{nombre} debe ser un número mayor que cero.")
        try:
            resultado = generar_demo(municipios=municipios, distritos=distritos)
        except GeografiaFaltante as error:
            raise CommandError(str(error)) from error
        procesos = ", ".join(p.nombre for p in (resultado.ordinario, resultado.extraordinario) if p)
        if resultado.creado:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Datos de demostración creados: {resultado.candidaturas} candidaturas en {procesos} "
                    f"({resultado.segundos:.1f} s)."
                )
            )
        else:
            self.stdout.write(
                f"Los datos de demostración ya existían ({resultado.candidaturas} candidaturas "
                f"en {procesos}); no se cambió nada."
            )
