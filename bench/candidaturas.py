"""Benchmark de candidaturas (P6) sobre el proceso de demostración completo en PostgreSQL.

    .venv/bin/python bench/candidaturas.py [--peticiones 400] [--concurrencia 4]

1. Crea (si no existe) la base `decide_bench_a`, migra, carga la geografía y la demostración.
2. Exporta a XLSX el proceso completo (sin filtros) y mide tiempo y memoria máxima (tracemalloc
   en este proceso, más el RSS máximo del proceso con getrusage).
3. Arranca gunicorn en 127.0.0.1 y pide el listado (varias páginas y filtros) unos cientos de
   veces: sin caché (con una cookie de sesión, así la caché de páginas públicas no responde) y
   con caché. Imprime p50/p95/p99. Todo está acotado en número y tiempo y se detiene solo.

Objetivos (issue 3): exportación < 5 s y < 150 MB; listado p95 < 100 ms.
"""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import RAIZ, SIN_CACHE, Gunicorn, analizar, carga, crear_base, entorno, imprimir, manage  # noqa: E402

BASE = "decide_bench_a"


def rutas_del_listado(slug_municipios):
    rutas = ["/candidaturas/"]
    rutas += [f"/candidaturas/?pagina={n}" for n in range(2, 14)]
    rutas += [f"/candidaturas/?tipo=ayuntamiento&municipio={clave}" for clave in slug_municipios]
    rutas += ["/candidaturas/?tipo=diputacion_rp", "/candidaturas/?tipo=diputacion_mr&pagina=3"]
    rutas += ["/candidaturas/?actor=morena&sexo=mujer", "/candidaturas/?distrito=12"]
    return rutas


def medir_exportacion(env):
    """Corre la exportación completa dentro de este proceso, con Django configurado como gunicorn."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decide.settings")
    sys.path.insert(0, str(RAIZ))
    import django

    django.setup()
    from django.test import RequestFactory

    from candidaturas.models import Candidatura, ProcesoElectoral
    from candidaturas.views import descargar

    proceso = ProcesoElectoral.objects.get(predeterminado=True)
    total = Candidatura.objects.del_proceso(proceso).visibles().count()
    peticion = RequestFactory().get("/candidaturas/descargar/xlsx/")
    # El tiempo se mide sin tracemalloc (lo hace varias veces más lento); la memoria, en otra vuelta.
    inicio = time.perf_counter()
    respuesta = descargar(peticion, "xlsx")
    tamano = sum(len(parte) for parte in respuesta.streaming_content)
    segundos = time.perf_counter() - inicio
    tracemalloc.start()
    sum(len(parte) for parte in descargar(peticion, "xlsx").streaming_content)
    _actual, pico = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB en Linux
    return {"filas": total, "segundos": segundos, "pico_mb": pico / 2**20, "rss_mb": rss, "bytes": tamano}


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--peticiones", type=int, default=400)
    argumentos.add_argument("--concurrencia", type=int, default=2)
    argumentos.add_argument("--workers", type=int, default=2)
    opciones = argumentos.parse_args()

    env = entorno(BASE)
    crear_base(BASE)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "cargar_geografia")
    inicio = time.perf_counter()
    manage(env, "generar_demo")
    analizar(BASE)
    print(f"generar_demo (o comprobar que ya estaba): {time.perf_counter() - inicio:.1f} s")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")

    exportacion = medir_exportacion(env)
    print(
        f"exportación XLSX del proceso completo: {exportacion['filas']} filas, "
        f"{exportacion['bytes'] / 2**20:.1f} MB, {exportacion['segundos']:.2f} s, "
        f"pico tracemalloc {exportacion['pico_mb']:.1f} MB, "
        f"RSS máximo del proceso {exportacion['rss_mb']:.0f} MB"
    )

    rutas = rutas_del_listado([1, 33, 59, 107, 121])
    with Gunicorn(env, workers=opciones.workers) as servidor:
        sin_cache = carga(
            servidor.base,
            rutas,
            opciones.peticiones,
            opciones.concurrencia,
            segundos_maximos=120,
            calentamiento=20,
            cabeceras=SIN_CACHE,
        )
        con_cache = carga(
            servidor.base,
            rutas,
            opciones.peticiones,
            opciones.concurrencia,
            segundos_maximos=60,
            calentamiento=40,
        )
    print(f"gunicorn {opciones.workers} workers, {opciones.concurrencia} conexiones, PostgreSQL")
    imprimir("/candidaturas/ sin caché", sin_cache)
    imprimir("/candidaturas/ con caché", con_cache)
    cumple_export = exportacion["segundos"] < 5 and exportacion["pico_mb"] < 150
    print(f"objetivo exportación < 5 s y < 150 MB: {'CUMPLE' if cumple_export else 'NO CUMPLE'}")
    print(
        f"objetivo listado p95 < 100 ms (sin caché): {'CUMPLE' if sin_cache['p95_ms'] < 100 else 'NO CUMPLE'}"
    )


if __name__ == "__main__":
    main()
