"""Benchmark del contador de visitas (P11): cuánto le cuesta a cada petición.

    .venv/bin/python bench/visitas.py [--segundos 10] [--concurrencia 8] [--rondas 3]

Dos medidas:

1. **En proceso**: el tiempo de `visitas.registrar()` (lo que hace el middleware después de cada
   respuesta) sobre peticiones que sí cuentan, y aparte el de los dos pasos periódicos (enviar a la
   caché cada 10 s por proceso, volcar a la base una vez por minuto).
2. **De punta a punta**: gunicorn sobre PostgreSQL (base `decide_b_bench`) sirviendo /enlaces/ desde
   la caché de páginas, con y sin el middleware (ajustes `bench/ajustes_sin_contador.py`), medido con
   wrk enviando un agente de usuario de navegador (si no, el contador lo tomaría por robot). Se
   alternan rondas con y sin contador para repartir el ruido de una máquina compartida.

Sólo usa 127.0.0.1. Las cifras van a docs/visitas.md.
"""

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import RAIZ, Gunicorn, carga_wrk, crear_base, entorno, manage  # noqa: E402

NAVEGADOR = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
BASE = "decide_b_bench"


def en_proceso(vueltas=200_000):
    os.environ.update(entorno(BASE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decide.settings")
    sys.path.insert(0, str(RAIZ))
    import django

    django.setup()
    from django.http import HttpResponse
    from django.test import RequestFactory

    from decide import visitas

    fabrica = RequestFactory(HTTP_USER_AGENT=NAVEGADOR)
    peticiones = [fabrica.get(ruta) for ruta in ("/", "/conoceles/", "/quita-dudas/", "/enlaces/")]
    respuesta = HttpResponse("<p>hola</p>", content_type="text/html; charset=utf-8")
    robot = RequestFactory(HTTP_USER_AGENT="Googlebot/2.1").get("/")
    estatico = fabrica.get("/static/css/decide.css")

    def medir(funcion, n):
        inicio = time.perf_counter()
        for i in range(n):
            funcion(i)
        return (time.perf_counter() - inicio) / n * 1e6

    visitas.pendientes.tomar()
    cuenta = medir(lambda i: visitas.registrar(peticiones[i % 4], respuesta), vueltas)
    descarta_robot = medir(lambda i: visitas.registrar(robot, respuesta), vueltas // 4)
    descarta_estatico = medir(lambda i: visitas.registrar(estatico, respuesta), vueltas // 4)
    print("En proceso (un hilo, sin red):")
    print(f"  página que cuenta      {cuenta:6.2f} µs por petición")
    print(f"  robot (se descarta)    {descarta_robot:6.2f} µs por petición")
    print(f"  estático (se descarta) {descarta_estatico:6.2f} µs por petición")

    inicio = time.perf_counter()
    visitas.enviar_a_la_cache()
    envio = (time.perf_counter() - inicio) * 1000
    inicio = time.perf_counter()
    volcadas = visitas.volcar_a_la_base()
    volcado = (time.perf_counter() - inicio) * 1000
    print(f"  enviar a la caché (cada 10 s por proceso, 4 claves)   {envio:6.1f} ms")
    print(f"  volcar a PostgreSQL (a lo más 1 vez por minuto, {volcadas} visitas) {volcado:6.1f} ms")
    return cuenta


def wrk(url_base, ruta, segundos, concurrencia):
    cifras = carga_wrk(
        url_base, [ruta], segundos=segundos, concurrencia=concurrencia, cabeceras={"User-Agent": NAVEGADOR}
    )
    return {**cifras, "errores": sum(cifras["estados"].values())}


def de_punta_a_punta(segundos, concurrencia, rondas):
    if not shutil.which("wrk"):
        print("Falta wrk (apt-get install wrk): se omite la medida de punta a punta.")
        return
    env = entorno(BASE)
    crear_base(BASE)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    sin_contador = {**env, "DJANGO_SETTINGS_MODULE": "bench.ajustes_sin_contador"}
    resultados = {"con": [], "sin": []}
    variantes = [("con", env), ("sin", sin_contador)]
    for ronda in range(rondas):
        # Se alterna también quién va primero, para no cargarle a uno el ruido de arrancar.
        for nombre, variables in variantes if ronda % 2 == 0 else variantes[::-1]:
            with Gunicorn(variables, workers=2) as servidor:
                wrk(servidor.base, "/enlaces/", 2, concurrencia)  # calentar y llenar la caché
                cifras = wrk(servidor.base, "/enlaces/", segundos, concurrencia)
                resultados[nombre].append(cifras)
                print(f"  ronda {ronda + 1}, {nombre} contador: {cifras['por_segundo']:8.0f} pet/s")
    print(
        f"\nDe punta a punta: gunicorn 2 workers, wrk {concurrencia} conexiones, "
        f"{segundos} s × {rondas} rondas"
    )
    print("/enlaces/ (página en caché, PostgreSQL, caché en base de datos)")
    medianas = {}
    for nombre in ("sin", "con"):
        filas = resultados[nombre]
        medianas[nombre] = {
            "por_segundo": statistics.median(f["por_segundo"] for f in filas),
            "p50_ms": statistics.median(f["p50_ms"] for f in filas),
            "p99_ms": statistics.median(f["p99_ms"] for f in filas),
        }
        errores = sum(f["errores"] for f in filas)
        print(
            f"  {nombre} contador: {medianas[nombre]['por_segundo']:8.0f} pet/s   "
            f"p50 {medianas[nombre]['p50_ms']:6.2f} ms   p99 {medianas[nombre]['p99_ms']:6.2f} ms   "
            f"errores {errores}"
        )
    costo_ms = 1000 / medianas["con"]["por_segundo"] * 2 - 1000 / medianas["sin"]["por_segundo"] * 2
    relativo = 1 - medianas["con"]["por_segundo"] / medianas["sin"]["por_segundo"]
    print(
        f"  diferencia de rendimiento: {relativo * 100:+.1f} % "
        f"(≈ {costo_ms:+.3f} ms de CPU por petición en cada worker)"
    )


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--segundos", type=int, default=10)
    argumentos.add_argument("--concurrencia", type=int, default=8)
    argumentos.add_argument("--rondas", type=int, default=3)
    opciones = argumentos.parse_args()
    de_punta_a_punta(opciones.segundos, opciones.concurrencia, opciones.rondas)
    print()
    costo = en_proceso()
    objetivo = "CUMPLE" if costo < 1000 else "NO CUMPLE"
    print(f"objetivo < 1 ms por petición: {objetivo}")


if __name__ == "__main__":
    main()
