"""Utilidades de los benchmarks: base de datos PostgreSQL propia, gunicorn en 127.0.0.1 y un
generador de carga acotado (número de peticiones y tiempo máximo), que se detiene solo.

Las cifras son de una sola corrida en una máquina compartida: se reportan percentiles y razones,
no promedios sueltos.
"""

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

RAIZ = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def entorno(base_de_datos):
    """Variables de un despliegue de producción local (sin HTTPS, porque es loopback)."""
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{base_de_datos}",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECRET_KEY": "benchmark-" + "x" * 50,
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def crear_base(base_de_datos):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conexion:
        existe = conexion.execute("SELECT 1 FROM pg_database WHERE datname = %s", [base_de_datos]).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{base_de_datos}"')


def analizar(base_de_datos):
    """Estadísticas del planificador al día, como las deja el autovacuum en producción. Recién
    cargadas las tablas, PostgreSQL estima una fila por tabla y elige planes muy lentos."""
    import psycopg

    with psycopg.connect(
        f"postgresql://postgres@127.0.0.1:5432/{base_de_datos}", autocommit=True
    ) as conexion:
        conexion.execute("ANALYZE")


def manage(env, *argumentos):
    subprocess.run([PYTHON, "manage.py", *argumentos], cwd=RAIZ, env=env, check=True)


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn en 127.0.0.1 con `workers` procesos; se detiene al salir del bloque `with`."""

    def __init__(self, env, workers=2, puerto=None):
        self.env = env
        self.workers = workers
        self.puerto = puerto or puerto_libre()
        self.proceso = None

    def __enter__(self):
        self.proceso = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "decide.wsgi",
                "--bind",
                f"127.0.0.1:{self.puerto}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            cwd=RAIZ,
            env=self.env,
        )
        limite = time.monotonic() + 30
        while time.monotonic() < limite:
            try:
                with socket.create_connection(("127.0.0.1", self.puerto), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn no arrancó en 30 s")

    def __exit__(self, *exc):
        self.proceso.send_signal(signal.SIGTERM)
        try:
            self.proceso.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proceso.kill()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.puerto}"


def carga(
    url_base, rutas, peticiones=2000, concurrencia=8, segundos_maximos=60, calentamiento=100, cabeceras=None
):
    """Pide `rutas` (en ciclo) con `concurrencia` conexiones persistentes. Devuelve cifras.

    Cliente en Python: sirve donde no hay wrk; le quita procesador al servidor, así que sus cifras
    son pesimistas. `cabeceras` va en cada petición (p. ej. `SIN_CACHE`)."""
    destino = urlsplit(url_base)
    latencias, estados, candado = [], {}, threading.Lock()
    siguiente = iter(range(peticiones + calentamiento))
    fin = time.monotonic() + segundos_maximos

    def trabajador():
        conexion = http.client.HTTPConnection(destino.hostname, destino.port, timeout=30)
        while time.monotonic() < fin:
            with candado:
                numero = next(siguiente, None)
            if numero is None:
                break
            ruta = rutas[numero % len(rutas)]
            inicio = time.perf_counter()
            conexion.request("GET", ruta, headers=cabeceras or {})
            respuesta = conexion.getresponse()
            respuesta.read()
            transcurrido = time.perf_counter() - inicio
            if numero >= calentamiento:
                with candado:
                    latencias.append(transcurrido)
                    estados[respuesta.status] = estados.get(respuesta.status, 0) + 1
        conexion.close()

    hilos = [threading.Thread(target=trabajador) for _ in range(concurrencia)]
    inicio = time.perf_counter()
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    duracion = time.perf_counter() - inicio
    latencias.sort()
    cuantiles = statistics.quantiles(latencias, n=100) if len(latencias) > 1 else [0] * 99
    return {
        "peticiones": len(latencias),
        "por_segundo": len(latencias) / duracion if duracion else 0,
        "p50_ms": cuantiles[49] * 1000,
        "p95_ms": cuantiles[94] * 1000,
        "p99_ms": cuantiles[98] * 1000,
        "estados": estados,
    }


def imprimir(nombre, cifras):
    print(
        f"{nombre:<34} {cifras['peticiones']:>6} pet. {cifras['por_segundo']:>8.0f} pet/s   "
        f"p50 {cifras['p50_ms']:6.1f} ms   p95 {cifras['p95_ms']:6.1f} ms   p99 {cifras['p99_ms']:6.1f} ms   "
        f"estados {cifras['estados']}"
    )


GUION_WRK = """
local rutas = {%(rutas)s}
local cabeceras = {%(cabeceras)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", rutas[(i %% #rutas) + 1], cabeceras)
end
done = function(resumen, latencia, peticiones)
  io.write(string.format("RESULTADO %%d %%d %%.3f %%.3f %%.3f %%d %%d %%d\\n",
    resumen.requests, resumen.duration,
    latencia:percentile(50) / 1000, latencia:percentile(95) / 1000, latencia:percentile(99) / 1000,
    resumen.errors.status,
    resumen.errors.connect + resumen.errors.read + resumen.errors.write + resumen.errors.timeout,
    resumen.bytes))
end
"""


def carga_wrk(url_base, rutas, segundos=10, concurrencia=16, hilos=1, cabeceras=None):
    """Igual que `carga`, pero con wrk (en C: no le roba tanto procesador al servidor).

    `cabeceras` se manda en cada petición (p. ej. una cookie de sesión, para saltarse la caché de
    páginas públicas). Devuelve None si wrk no está instalado (apt-get install wrk)."""
    import shutil
    import tempfile

    if not shutil.which("wrk"):
        return None
    lista = ", ".join(f'"{r}"' for r in rutas)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as guion:
        lista_cabeceras = ", ".join(f'["{k}"] = "{v}"' for k, v in (cabeceras or {}).items())
        guion.write(GUION_WRK % {"rutas": lista, "cabeceras": lista_cabeceras})
    salida = subprocess.run(
        [
            "wrk",
            "-t",
            str(hilos),
            "-c",
            str(concurrencia),
            "-d",
            f"{segundos}s",
            "--timeout",
            "5s",
            "-s",
            guion.name,
            url_base,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=segundos + 30,
    ).stdout
    os.unlink(guion.name)
    linea = next(x for x in salida.splitlines() if x.startswith("RESULTADO"))
    _, peticiones, duracion_us, p50, p95, p99, errores_estado, errores_red, octetos = linea.split()
    peticiones = int(peticiones)
    return {
        "peticiones": peticiones,
        "por_segundo": peticiones / (int(duracion_us) / 1e6),
        "mb_por_segundo": int(octetos) / 1e6 / (int(duracion_us) / 1e6),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
        "estados": {"no 2xx/3xx": int(errores_estado), "errores de red": int(errores_red)},
    }


SIN_CACHE = {"Cookie": "sessionid=benchmark-sin-cache"}
"""Cabeceras que hacen que `pagina_publica_en_cache` no responda desde la caché."""


def ruta_estatica(nombre="css/decide.css"):
    """URL con huella de un estático ya recopilado (collectstatic): el techo de cada benchmark."""
    import json

    manifiesto = json.loads((RAIZ / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifiesto["paths"][nombre]
