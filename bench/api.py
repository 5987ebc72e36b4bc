"""Benchmark de la API /api/v1/ (issue 15): páginas de 50 elementos y detalles sobre el proceso de
demostración completo, servidos por gunicorn sobre PostgreSQL, sin caché de respuestas (la API no
tiene), comparados con un archivo estático servido por el mismo gunicorn (el techo).

    .venv/bin/python bench/api.py [--segundos 10] [--concurrencia 4] [--workers 2]

El límite por IP sigue activo (cuenta en la caché compartida: Redis si REDIS_URL está definida), con
un tope tan alto que nunca se alcanza: se mide su costo, no su 429. Usa wrk, sólo 127.0.0.1, y se
detiene solo. Meta: p95 < 50 ms para una página de 50 candidaturas con 4 conexiones.
"""

import argparse
import functools
import os
import random
import shutil
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import (  # noqa: E402
    Gunicorn,
    carga_wrk,
    entorno,
    imprimir,
    preparar_demo,
    ruta_estatica,
    shell,
)

BASE = "decide_bench_api"


def identificadores(env):
    """Ids de candidaturas vigentes y de personas del proceso de demostración."""
    codigo = (
        "import json;from candidaturas.models import Candidatura;"
        "c=Candidatura.objects.vigentes().filter(eleccion__proceso__predeterminado=True);"
        "print(json.dumps([list(c.values_list('pk', flat=True)),"
        " list(c.values_list('persona_id', flat=True))]))"
    )
    return shell(env, codigo)


PAGINAS_DE_50 = [
    "/api/v1/candidaturas/?por_pagina=50",
    "/api/v1/candidaturas/?por_pagina=50&pagina=7",
    "/api/v1/candidaturas/?por_pagina=50&pagina=40",
    "/api/v1/candidaturas/?por_pagina=50&sexo=mujer&pagina=3",
    "/api/v1/candidaturas/?por_pagina=50&cargo=regiduria&pagina=5",
    "/api/v1/candidaturas/?por_pagina=50&actor=pan",
    "/api/v1/candidaturas/?por_pagina=50&municipio=107",
    "/api/v1/candidaturas/?por_pagina=50&grado=licenciatura",
    "/api/v1/candidaturas/?por_pagina=50&q=garcia",
    "/api/v1/candidaturas/?por_pagina=50&calidad=suplente&pagina=2",
]
OTRAS_PAGINAS = [
    "/api/v1/personas/?por_pagina=50&pagina=3",
    "/api/v1/contiendas/?por_pagina=50&pagina=2",
    "/api/v1/actores/?por_pagina=50",
    "/api/v1/plataformas/?por_pagina=50",
]


def esperar_a_los_workers(base, segundos=90):
    """gunicorn acepta conexiones antes de que sus workers hayan cargado Django: se espera a que
    cada ruta responda una vez, así el arranque no cuenta como latencia."""
    limite = time.monotonic() + segundos
    for ruta in ["/api/v1/"] * 4 + PAGINAS_DE_50 + OTRAS_PAGINAS:
        while True:
            try:
                urllib.request.urlopen(base + ruta, timeout=30).read()
                break
            except OSError:
                if time.monotonic() > limite:
                    raise
                time.sleep(0.5)


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--segundos", type=int, default=10)
    argumentos.add_argument("--concurrencia", type=int, default=4)
    argumentos.add_argument("--workers", type=int, default=2)
    argumentos.add_argument("--sin-carga", action="store_true", help="no recarga la demo si ya está")
    opciones = argumentos.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Falta wrk: apt-get install wrk")

    env = {**entorno(BASE), "DECIDE_API_LIMITE_POR_MINUTO": "1000000000"}
    if not opciones.sin_carga:
        preparar_demo(BASE, env)

    azar = random.Random(2027)
    candidaturas, personas = identificadores(env)
    detalles = [f"/api/v1/candidaturas/{i}/" for i in azar.sample(candidaturas, 300)]
    de_personas = [f"/api/v1/personas/{i}/" for i in azar.sample(sorted(set(personas)), 300)]
    estatico = ruta_estatica()

    medir = functools.partial(carga_wrk, segundos=opciones.segundos, concurrencia=opciones.concurrencia)
    with Gunicorn(env, workers=opciones.workers) as servidor:
        esperar_a_los_workers(servidor.base)
        cifras = {
            "archivo estático (techo)": medir(servidor.base, [estatico]),
            "candidaturas, página de 50": medir(servidor.base, PAGINAS_DE_50),
            "candidatura (detalle)": medir(servidor.base, detalles),
            "persona (detalle)": medir(servidor.base, de_personas),
            "otras listas, página de 50": medir(servidor.base, OTRAS_PAGINAS),
        }

    cache = "Redis" if os.environ.get("REDIS_URL") else "base de datos"
    print(
        f"gunicorn {opciones.workers} workers, wrk {opciones.concurrencia} conexiones "
        f"× {opciones.segundos} s, PostgreSQL, sin caché de respuestas, límite por IP en {cache}"
    )
    for nombre, valores in cifras.items():
        imprimir(nombre, valores)
    techo = cifras["archivo estático (techo)"]["por_segundo"]
    pagina = cifras["candidaturas, página de 50"]
    if techo:
        print(f"página de 50 / estático: {pagina['por_segundo'] / techo:.2f}")
    print(f"candidaturas, página de 50, p95: {pagina['p95_ms']:.1f} ms (meta < 50 ms)")


if __name__ == "__main__":
    main()
