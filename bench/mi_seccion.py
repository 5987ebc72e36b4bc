"""Benchmark de «Mi sección» (P8): la consulta servida por gunicorn sobre PostgreSQL, comparada con
un archivo estático servido por el mismo gunicorn (el techo de lo que puede dar la máquina).

    .venv/bin/python bench/mi_seccion.py [--segundos 10] [--concurrencia 4] [--workers 2]

Crea (si no existe) la base `decide_bench`, migra, carga la geografía real y la demostración (para
que cada sección liste sus contiendas), y mide con wrk (apt-get install wrk) la página servida
desde la caché de páginas públicas y sin ella (con una cookie de sesión). Sólo usa 127.0.0.1.
"""

import argparse
import csv
import functools
import random
import shutil
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import (  # noqa: E402
    RAIZ,
    SIN_CACHE,
    Gunicorn,
    carga_wrk,
    crear_base,
    entorno,
    imprimir,
    manage,
    ruta_estatica,
)


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--segundos", type=int, default=10)
    argumentos.add_argument("--concurrencia", type=int, default=4)
    argumentos.add_argument("--workers", type=int, default=2)
    opciones = argumentos.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Falta wrk: apt-get install wrk")

    env = entorno("decide_bench")
    crear_base("decide_bench")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "cargar_geografia")
    manage(env, "generar_demo")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")

    with open(RAIZ / "fixtures" / "edomex" / "secciones.csv", encoding="utf-8") as archivo:
        numeros = [fila["seccion"] for fila in csv.DictReader(archivo)]
    azar = random.Random(2027)
    rutas_seccion = [f"/mi-seccion/?seccion={azar.choice(numeros)}" for _ in range(300)]
    estatico = ruta_estatica()

    medir = functools.partial(carga_wrk, segundos=opciones.segundos, concurrencia=opciones.concurrencia)
    with Gunicorn(env, workers=opciones.workers) as servidor:
        for ruta in rutas_seccion:  # llena la caché de páginas públicas
            urllib.request.urlopen(servidor.base + ruta).read()
        cifras = {
            "archivo estático (techo)": medir(servidor.base, [estatico]),
            "Mi sección, desde la caché": medir(servidor.base, rutas_seccion),
            "Mi sección, sin caché": medir(servidor.base, rutas_seccion, cabeceras=SIN_CACHE),
        }

    print(f"gunicorn {opciones.workers} workers, wrk con {opciones.concurrencia} conexiones, PostgreSQL")
    for nombre, valores in cifras.items():
        imprimir(nombre, valores)
    techo = cifras["archivo estático (techo)"]["por_segundo"]
    for nombre in ("Mi sección, desde la caché", "Mi sección, sin caché"):
        print(f"razón {nombre} / estático (pet/s): {cifras[nombre]['por_segundo'] / techo:.2f}")
    p99 = cifras["Mi sección, sin caché"]["p99_ms"]
    print(f"objetivo p99 < 20 ms sin caché: {'CUMPLE' if p99 < 20 else 'NO CUMPLE'} ({p99:.1f} ms)")


if __name__ == "__main__":
    main()
