"""El motor de PostgreSQL con sentencias preparadas (comun/postgresql/base.py)."""

import pytest
from django.db import connection

from candidaturas.models import Persona
from comun.postgresql.base import MAXIMO_DE_PARAMETROS

en_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="sólo PostgreSQL prepara sentencias en el servidor"
)


@en_postgresql
def test_las_consultas_repetidas_se_preparan_en_el_servidor(db):
    assert connection.features.uses_server_side_binding
    for _ in range(7):
        list(Persona.objects.filter(primer_apellido="Nadie").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] > 0


@en_postgresql
def test_los_lotes_caben_en_los_parametros_del_protocolo(db):
    campos = [f for f in Persona._meta.concrete_fields if not f.primary_key]
    assert connection.ops.bulk_batch_size(campos, range(100_000)) * len(campos) <= MAXIMO_DE_PARAMETROS

    # bulk_update manda dos parámetros por fila y campo (CASE WHEN pk = … THEN …) más el del IN: con
    # 2 campos y 14,000 filas son 70,000, más de los 65,535 del protocolo; sin el tope, PostgreSQL
    # responde «number of parameters must be between 0 and 65535».
    # (bulk_create de Django 5.2 usa UNNEST en PostgreSQL: un parámetro por columna.)
    Persona.objects.bulk_create(
        Persona(nombre=f"Persona {i}", primer_apellido="Lote", nombre_normalizado="lote", sexo="mujer")
        for i in range(14_000)
    )
    personas = list(Persona.objects.filter(primer_apellido="Lote"))
    for persona in personas:
        persona.segundo_apellido = "Corregido"
        persona.nombre_normalizado = "corregido"
    Persona.objects.bulk_update(personas, ["segundo_apellido", "nombre_normalizado"])
    assert (
        Persona.objects.filter(segundo_apellido="Corregido", nombre_normalizado="corregido").count() == 14_000
    )
