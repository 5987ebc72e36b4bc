"""Vuelca a la base las visitas acumuladas en la caché compartida (P11). Para cron, cada minuto o cinco."""

from django.core.management.base import BaseCommand

from decide import visitas


class Command(BaseCommand):
    help = "Pasa las visitas acumuladas en la caché compartida a la tabla de visitas por día."

    def handle(self, *args, **opciones):
        volcadas = visitas.volcar_visitas()
        if volcadas is None:
            self.stdout.write("Otro proceso está volcando las visitas en este momento; no se hizo nada.")
        else:
            self.stdout.write(f"Visitas volcadas: {volcadas}.")
