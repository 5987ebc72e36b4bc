"""Benchmark de Conóceles (issue 5): búsqueda y perfiles sobre el proceso de demostración completo,
servidos por gunicorn sobre PostgreSQL, con y sin la caché de páginas públicas, comparados con un
archivo estático servido por el mismo gunicorn (el techo).

    .venv/bin/python bench/conoceles.py [--segundos 10] [--concurrencia 4] [--workers 2]

Con REDIS_URL definida la caché compartida es Redis; sin ella, la base de datos. Usa wrk
(apt-get install wrk), sólo 127.0.0.1, y se detiene solo. Metas: con caché, al menos la mitad de
las peticiones por segundo del archivo estático; sin caché, búsqueda p95 < 100 ms y perfil
p95 < 50 ms.
"""

import argparse
import functools
import os
import random
import shutil
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import (  # noqa: E402
    BUSQUEDAS,
    SIN_CACHE,
    Gunicorn,
    carga_wrk,
    entorno,
    imprimir,
    preparar_demo,
    ruta_estatica,
    shell,
)

BASE = "decide_bench_conoceles"


def identificadores(env):
    """Ids de candidaturas vigentes del proceso de demostración (para los perfiles)."""
    codigo = (
        "from candidaturas.models import Candidatura;"
        "print(list(Candidatura.objects.vigentes().filter(eleccion__proceso__predeterminado=True)"
        ".values_list('pk', flat=True)))"
    )
    return shell(env, codigo)


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--segundos", type=int, default=10)
    argumentos.add_argument("--concurrencia", type=int, default=4)
    argumentos.add_argument("--workers", type=int, default=2)
    opciones = argumentos.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Falta wrk: apt-get install wrk")

    env = entorno(BASE)
    preparar_demo(BASE, env)

    azar = random.Random(2027)
    perfiles = [f"/conoceles/{i}/" for i in azar.sample(identificadores(env), 300)]
    busquedas = BUSQUEDAS
    estatico = ruta_estatica()

    medir = functools.partial(carga_wrk, segundos=opciones.segundos, concurrencia=opciones.concurrencia)
    with Gunicorn(env, workers=opciones.workers) as servidor:
        for ruta in busquedas:  # llena la caché de páginas públicas
            urllib.request.urlopen(servidor.base + ruta).read()
        cifras = {
            "archivo estático (techo)": medir(servidor.base, [estatico]),
            "búsqueda, desde la caché": medir(servidor.base, busquedas),
            "búsqueda, sin caché": medir(servidor.base, busquedas, cabeceras=SIN_CACHE),
            "perfil (nunca en caché)": medir(servidor.base, perfiles),
        }

    cache = "Redis" if os.environ.get("REDIS_URL") else "base de datos"
    print(
        f"gunicorn {opciones.workers} workers, wrk {opciones.concurrencia} conexiones "
        f"× {opciones.segundos} s, PostgreSQL, caché en {cache}"
    )
    for nombre, valores in cifras.items():
        imprimir(nombre, valores)
    techo = cifras["archivo estático (techo)"]["por_segundo"]
    razon = cifras["búsqueda, desde la caché"]["por_segundo"] / techo
    print(f"búsqueda en caché / estático: {razon:.2f} (meta ≥ 0.50)")
    print(f"búsqueda sin caché p95: {cifras['búsqueda, sin caché']['p95_ms']:.1f} ms (meta < 100 ms)")
    print(f"perfil p95: {cifras['perfil (nunca en caché)']['p95_ms']:.1f} ms (meta < 50 ms)")


if __name__ == "__main__":
    main()
