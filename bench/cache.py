"""Benchmark de la caché de páginas públicas (issue 17): cada página pública desde la caché contra el
archivo estático del mismo servidor, búsqueda y perfil sin caché, publicación visible y una mezcla
realista con muchas conexiones. gunicorn sobre PostgreSQL con la demo completa y Redis.

    .venv/bin/python bench/cache.py [--segundos 5] [--concurrencia 4] [--mezcla-segundos 60]
        [--mezcla-conexiones 50] [--puerto 19000] [--base decide_cache] [--workers 2] [--hilos 1]

REDIS_URL (por omisión redis://127.0.0.1:6379/10; se vacía al empezar: que sea sólo del
benchmark). Usa wrk (apt-get install wrk), sólo 127.0.0.1, y se detiene solo. Metas: cada página
desde la caché ≥ 0.5 del estático; fallos de caché (anónimo, URL nunca pedida) de la búsqueda p95
< 60 ms y del perfil < 30 ms a 4 conexiones; lo publicado visible en ≤ 5 s; 50 clientes sobre la
mezcla durante 60 s: p95 < 100 ms y 0 errores. Las funciones viven en bench/comun.py para que
otros benchmarks (p. ej. con un proxy delante) las reutilicen.
"""

import argparse
import functools
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import (  # noqa: E402
    SIN_CACHE,
    Gunicorn,
    busquedas_nuevas,
    calentar,
    carga_mezcla_wrk,
    carga_wrk,
    entorno,
    imprimir,
    medir_publicacion,
    mezcla_realista,
    muestra_de_la_demo,
    paginas_publicas,
    preparar_demo,
    ruta_estatica,
    vaciar_cache,
)


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--segundos", type=int, default=5)
    argumentos.add_argument("--concurrencia", type=int, default=4)
    argumentos.add_argument("--workers", type=int, default=2)
    argumentos.add_argument(
        "--hilos", type=int, default=1, help="hilos por worker (la imagen de Docker usa 4 workers × 2 hilos)"
    )
    argumentos.add_argument("--mezcla-segundos", type=int, default=60)
    argumentos.add_argument("--mezcla-conexiones", type=int, default=50)
    argumentos.add_argument("--puerto", type=int, default=19000)
    argumentos.add_argument("--base", default="decide_cache")
    argumentos.add_argument("--sin-preparar", action="store_true", help="la base ya tiene la demo")
    opciones = argumentos.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Falta wrk: apt-get install wrk")

    env = entorno(opciones.base)
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/10")
    if not opciones.sin_preparar:
        preparar_demo(opciones.base, env)
    muestra = muestra_de_la_demo(env)
    paginas = paginas_publicas(muestra)
    medir = functools.partial(carga_wrk, segundos=opciones.segundos, concurrencia=opciones.concurrencia)

    print(
        f"gunicorn {opciones.workers} workers × {opciones.hilos} hilos, "
        f"wrk {opciones.concurrencia} conexiones × {opciones.segundos} s, PostgreSQL ({opciones.base}), "
        f"caché en {env['REDIS_URL']}"
    )
    vaciar_cache(env["REDIS_URL"])
    with Gunicorn(env, workers=opciones.workers, puerto=opciones.puerto, hilos=opciones.hilos) as servidor:
        base = servidor.base
        calentar(base, [ruta_estatica()] * 4)
        techo = medir(base, [ruta_estatica()])
        imprimir("archivo estático (techo)", techo)

        # Antes que nada (con la caché vacía): cada petición pide una URL que nadie ha pedido, sin
        # cookies, como la primera persona que abre esa página tras un cambio: busca en la caché, no
        # la encuentra, la construye, la comprime y la guarda. Eso es un fallo de caché.
        print("\n# Fallos de caché de verdad: anónimo, cada URL pedida una sola vez (metas del issue 17)")
        calentar(base, ["/conoceles/", f"/conoceles/{muestra['todos_los_perfiles'][-1]}/"])
        fallos = {
            "búsqueda de Conóceles": (busquedas_nuevas(), 60),
            "perfil de Conóceles": ([f"/conoceles/{i}/" for i in muestra["todos_los_perfiles"][:-1]], 30),
        }
        for nombre, (rutas, meta) in fallos.items():
            cifras = medir(base, rutas)
            imprimir(f"{nombre}, fallo de caché", cifras)
            repetidas = cifras["peticiones"] > len(rutas)
            cumple = "sí" if cifras["peticiones"] and cifras["p95_ms"] < meta else "NO"
            print(
                f"    p95 {cifras['p95_ms']:.1f} ms (meta < {meta} ms) {cumple}; {len(rutas)} URL distintas"
                + ("  (¡hubo más peticiones que URL: algunas salieron de la caché!)" if repetidas else "")
            )

        print("\n# Cada página pública desde la caché (razón contra el estático; meta ≥ 0.50)")
        for nombre, rutas in paginas.items():
            estados = calentar(base, rutas)
            cifras = medir(base, rutas)
            razon = cifras["por_segundo"] / max(techo["por_segundo"], 1)
            malos = {r: e for r, e in estados.items() if e != 200}
            imprimir(nombre, cifras)
            cumple = "sí" if cifras["peticiones"] and razon >= 0.5 else "NO"
            print(f"    razón {razon:.2f} {cumple}" + (f"  (no 200: {malos})" if malos else ""))

        print("\n# Con cookie de sesión (nunca se sirve ni se guarda en la caché; como cifras anteriores)")
        for nombre in ("búsqueda de Conóceles", "perfil de Conóceles"):
            cifras = medir(base, paginas[nombre], cabeceras=SIN_CACHE)
            imprimir(f"{nombre}, con sesión", cifras)

        print("\n# Publicación visible (servicio real en otro proceso; meta ≤ 5 s)")
        visible = medir_publicacion(env, base)
        if visible is None:
            print("    no hay cuestionarios por publicar en la demo")
        else:
            for nombre, segundos in visible.items():
                texto = "no se vio" if segundos is None else f"{segundos:.2f} s"
                print(f"    {nombre}: {texto}")

        if opciones.mezcla_segundos:
            print(
                f"\n# Mezcla realista: {opciones.mezcla_conexiones} conexiones "
                f"× {opciones.mezcla_segundos} s "
                "(meta p95 < 100 ms, 0 errores)"
            )
            mezcla = mezcla_realista(muestra)
            calentar(base, [ruta for ruta, _peso in mezcla])
            cifras = carga_mezcla_wrk(
                base, mezcla, segundos=opciones.mezcla_segundos, concurrencia=opciones.mezcla_conexiones
            )
            imprimir("mezcla realista", cifras)


if __name__ == "__main__":
    if "REDIS_URL" not in os.environ:
        os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/10"
    main()
