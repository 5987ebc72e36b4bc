"""Índice trigram (pg_trgm) sobre el nombre normalizado de las personas, para la búsqueda por nombre
de Conóceles (`nombre_normalizado LIKE '%palabra%'`). Sólo en PostgreSQL: en SQLite la búsqueda
sigue igual, sin índice. `nombre_normalizado` ya está sin acentos ni mayúsculas (comun.texto), así
que no hace falta `unaccent`."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDICE = "candidaturas_persona_nombre_trgm"


def crear_indice(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDICE} ON candidaturas_persona "
            "USING gin (nombre_normalizado gin_trgm_ops)"
        )


def borrar_indice(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDICE}")


class Migration(migrations.Migration):
    dependencies = [("candidaturas", "0003_nombres_claros")]

    operations = [
        # CreateExtension no hace nada fuera de PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(crear_indice, borrar_indice, elidable=False),
    ]
