"""PostgreSQL con sentencias preparadas: el motor de Django más un tope al tamaño de los lotes.

Con `server_side_binding` y `prepare_threshold` (ver `decide/settings.py`), psycopg prepara en el
servidor cada consulta que una conexión repite: PostgreSQL la planea una vez y no en cada petición.
Las consultas de las páginas públicas unen hasta 8 tablas (candidatura, persona, elección, proceso,
distrito, municipio, actor…) y planearlas costaba más que ejecutarlas: 1.5–3.8 ms de planeación
contra 0.5 ms de ejecución por perfil (EXPLAIN ANALYZE, docs/rendimiento.md).

Con parámetros del lado del servidor, una sentencia admite a lo más 65,535 parámetros (el protocolo
los cuenta en 16 bits). Django 5.2 no pone tope a los lotes de `bulk_update` (ni de `bulk_create`
cuando no puede usar UNNEST) en PostgreSQL (lo corrige Django más adelante, ticket #36822); aquí
cada lote cabe en ese límite.
"""

from django.db.backends.postgresql import base, operations

MAXIMO_DE_PARAMETROS = 2**16 - 1


class DatabaseOperations(operations.DatabaseOperations):
    def bulk_batch_size(self, fields, objs):
        if not self.connection.features.uses_server_side_binding:
            return super().bulk_batch_size(fields, objs)
        # `bulk_update` pasa `["pk", "pk", *campos]` pero manda 2 parámetros por campo y fila (CASE WHEN
        # pk = … THEN …) más el del IN: contar 2 por campo alcanza para los dos usos.
        return max(1, min(len(objs), MAXIMO_DE_PARAMETROS // (2 * max(1, len(fields)))))


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
