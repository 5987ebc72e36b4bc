"""Extensión `unaccent` de PostgreSQL para la búsqueda del admin sin acentos ni mayúsculas
(`comun.admin.SinAcentos`: `LOWER(UNACCENT(campo))`). Va en `candidaturas`, la app más baja con
campos de texto que se buscan sin columna normalizada (procesos, actores políticos). En SQLite no hace
nada: ahí la misma búsqueda usa una función de Python."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("candidaturas", "0004_indice_trigram_de_nombres")]

    operations = [UnaccentExtension()]
