"""La caché compartida en Redis, sin el costo fijo que Django suma a cada operación.

`django.core.cache.backends.redis.RedisCache` crea un cliente de redis-py nuevo en cada lectura o
escritura (y cada cliente arma de cero su tabla de ~170 funciones de respuesta), y revisa cada clave
con las reglas de memcached. En una página servida desde la caché eso era más de la mitad del tiempo
de la aplicación (~0.5 ms de ~0.9 ms, medido con cProfile; docs/rendimiento.md). Aquí el cliente se
crea una vez por pool de conexiones (redis-py es seguro entre hilos y vuelve a abrir sus conexiones
tras un fork) y las claves no se revisan: Redis acepta cualquier secuencia de bytes.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ClienteRedis(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clientes = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        cliente = self._clientes.get(id(pool))
        if cliente is None:
            cliente = self._clientes[id(pool)] = self._client(connection_pool=pool)
        return cliente


class CacheRedis(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ClienteRedis

    def validate_key(self, key):
        """Las reglas de memcached (250 caracteres, sin espacios) no aplican a Redis."""
