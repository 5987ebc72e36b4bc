"""Benchmark de «Mi sección» (P8): la consulta servida por gunicorn sobre PostgreSQL, comparada con
un archivo estático servido por el mismo gunicorn (el techo de lo que puede dar la máquina).

    .venv/bin/python bench/mi_seccion.py [--peticiones 3000] [--concurrencia 8]

Crea (si no existe) la base `decide_bench`, migra y carga la geografía real. Sólo usa 127.0.0.1.
"""

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import RAIZ, Gunicorn, carga, carga_wrk, crear_base, entorno, imprimir, manage  # noqa: E402


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--peticiones", type=int, default=3000)
    argumentos.add_argument("--concurrencia", type=int, default=8)
    argumentos.add_argument("--workers", type=int, default=2)
    opciones = argumentos.parse_args()

    env = entorno("decide_bench")
    crear_base("decide_bench")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "cargar_geografia")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")

    with open(RAIZ / "fixtures" / "edomex" / "secciones.csv", encoding="utf-8") as archivo:
        numeros = [fila["seccion"] for fila in csv.DictReader(archivo)]
    azar = random.Random(2027)
    rutas_seccion = [f"/mi-seccion/?seccion={azar.choice(numeros)}" for _ in range(500)]

    with Gunicorn(env, workers=opciones.workers) as servidor:
        import json
        import urllib.request

        manifiesto = json.loads((RAIZ / "staticfiles" / "staticfiles.json").read_text())
        estatico = "/static/" + manifiesto["paths"]["css/decide.css"]
        urllib.request.urlopen(servidor.base + estatico).read()

        cifras_estatico = carga_wrk(servidor.base, [estatico], concurrencia=opciones.concurrencia)
        herramienta = "wrk"
        if cifras_estatico is None:
            herramienta = "cliente Python (instala wrk para cifras más fieles)"
            cifras_estatico = carga(servidor.base, [estatico], opciones.peticiones, opciones.concurrencia)
            cifras_seccion = carga(servidor.base, rutas_seccion, opciones.peticiones, opciones.concurrencia)
        else:
            cifras_seccion = carga_wrk(servidor.base, rutas_seccion, concurrencia=opciones.concurrencia)

    print(
        f"gunicorn {opciones.workers} workers, {opciones.concurrencia} conexiones, {herramienta}, PostgreSQL"
    )
    imprimir("archivo estático (techo)", cifras_estatico)
    imprimir("/mi-seccion/?seccion=N", cifras_seccion)
    razon = cifras_seccion["por_segundo"] / cifras_estatico["por_segundo"]
    print(f"razón Mi sección / estático (pet/s): {razon:.2f}")
    objetivo = "CUMPLE" if cifras_seccion["p99_ms"] < 20 else "NO CUMPLE"
    print(f"objetivo p99 < 20 ms: {objetivo}")


if __name__ == "__main__":
    main()
