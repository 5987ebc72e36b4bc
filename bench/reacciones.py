"""Benchmark de reacciones (P12): POST de Me gusta / No me gusta desde muchos tokens a la vez.

Levanta gunicorn (2 procesos) en 127.0.0.1 contra PostgreSQL (`decide_bench_d`), con los límites
por IP subidos sólo para esta corrida (los tokens se firman aquí con la SECRET_KEY del benchmark,
como si cada uno viniera de su petición de estado), y:

1. Envía REACCIONES peticiones (token × propuesta, cada par una vez, valor al azar) con
   CONCURRENCIA hilos y conexiones persistentes; imprime pet/s y p50/p95/p99, y compara los
   totales guardados (Conteo y COUNT de Reaccion) con lo enviado.
2. Manda 50 reacciones simultáneas de UN mismo token a UNA propuesta, repartidas entre los dos
   procesos: debe quedar exactamente 1.

Uso: .venv/bin/python bench/reacciones.py   (acotado: ~3,000 peticiones y 120 s como máximo)
"""

import http.client
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.comun import Gunicorn, crear_base, entorno, manage  # noqa: E402

BASE = os.environ.get("DECIDE_BENCH_BASE", "decide_bench_d")
REACCIONES = int(os.environ.get("DECIDE_BENCH_REACCIONES", "3000"))
CONCURRENCIA = int(os.environ.get("DECIDE_BENCH_CONCURRENCIA", "16"))
PROPUESTAS = 20
SEGUNDOS_MAXIMOS = 120


def preparar(env):
    crear_base(BASE)
    manage(env, "migrate", "--noinput", "--verbosity", "0", "--skip-checks")
    manage(env, "createcachetable")
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "decide.settings"
    import django

    django.setup()
    from candidaturas.models import ActorPolitico, ProcesoElectoral
    from participacion.models import Comentario, Conteo, Reaccion
    from plataformas.models import PlataformaElectoral, Propuesta, Tema

    Reaccion.objects.all().delete()
    Conteo.objects.all().delete()
    Comentario.objects.all().delete()
    proceso, _ = ProcesoElectoral.objects.get_or_create(
        slug="bench-reacciones", defaults={"nombre": "Proceso de benchmark", "anio": 2027}
    )
    actor, _ = ActorPolitico.objects.get_or_create(
        slug="bench", defaults={"siglas": "BENCH", "nombre": "Bench"}
    )
    plataforma, _ = PlataformaElectoral.objects.get_or_create(
        proceso=proceso, actor=actor, tipo="legislativa"
    )
    tema = Tema.objects.first()
    faltan = PROPUESTAS - plataforma.propuestas.count()
    Propuesta.objects.bulk_create(
        Propuesta(plataforma=plataforma, titulo=f"Propuesta {i}", texto="Texto.", tema=tema, orden=i)
        for i in range(faltan)
    )
    return list(plataforma.propuestas.values_list("pk", flat=True))


def cookie_de(token):
    from django.core import signing

    from participacion.cliente import NOMBRE_COOKIE, SAL_COOKIE

    return f"{NOMBRE_COOKIE}={signing.Signer(salt=SAL_COOKIE).sign(token)}"


def csrf(puerto, propuesta):
    """Una cookie csrftoken y su token de formulario (sirven para todos los clientes del benchmark).
    Las páginas en caché no llevan CSRF: lo da la petición de estado de cada visita."""
    conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=60)
    conexion.request("GET", f"/participacion/estado/?o=propuesta-{propuesta}")
    respuesta = conexion.getresponse()
    cuerpo = json.loads(respuesta.read())
    cookies = ";".join(v for k, v in respuesta.getheaders() if k.lower() == "set-cookie")
    cookie = re.search(r"csrftoken=([^;]+)", cookies).group(1)
    return cookie, cuerpo["csrf"]


def enviar(puerto, trabajos, cookie_csrf, token_csrf, concurrencia):
    """Envía [(token, propuesta, valor)]; devuelve latencias y estados."""
    latencias, estados, candado = [], {}, threading.Lock()
    pendientes = iter(trabajos)
    fin = time.monotonic() + SEGUNDOS_MAXIMOS

    def trabajador():
        conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=15)
        while time.monotonic() < fin:
            with candado:
                trabajo = next(pendientes, None)
            if trabajo is None:
                break
            token, propuesta, valor = trabajo
            cuerpo = urlencode({"propuesta": propuesta, "valor": valor, "csrfmiddlewaretoken": token_csrf})
            cabeceras = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "Cookie": f"csrftoken={cookie_csrf}; {cookie_de(token)}",
            }
            inicio = time.perf_counter()
            conexion.request("POST", "/participacion/reaccionar/", cuerpo, cabeceras)
            respuesta = conexion.getresponse()
            respuesta.read()
            transcurrido = time.perf_counter() - inicio
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
    return latencias, estados, time.perf_counter() - inicio


def cifras(latencias, duracion):
    latencias = sorted(latencias)
    q = statistics.quantiles(latencias, n=100)
    return (
        f"{len(latencias)} pet. en {duracion:.1f} s = {len(latencias) / duracion:.0f} pet/s; "
        f"p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms"
    )


def main():
    env = entorno(BASE)
    env["DECIDE_PARTICIPACION_LIMITE_POR_MINUTO"] = str(10**9)
    # Todo sale de 127.0.0.1: este benchmark mide el rendimiento, no el tope por IP y objetivo
    # (ése lo mide bench/participacion_abuso.py).
    env["DECIDE_PARTICIPACION_REACCIONES_POR_IP"] = str(10**9)
    propuestas = preparar(env)
    from django.db.models import Count, Q

    from participacion.models import Conteo, Reaccion

    azar = random.Random(7)
    tokens = [uuid.uuid4().hex for _ in range(-(-REACCIONES // len(propuestas)))]
    trabajos = [(t, p, azar.choice(["me_gusta", "no_me_gusta"])) for t in tokens for p in propuestas][
        :REACCIONES
    ]
    azar.shuffle(trabajos)
    esperado = {p: {"me_gusta": 0, "no_me_gusta": 0} for p in propuestas}
    for _t, p, v in trabajos:
        esperado[p][v] += 1

    with Gunicorn(env, workers=2) as servidor:
        cookie_csrf, token_csrf = csrf(servidor.puerto, propuestas[0])
        # Calentamiento: conexiones a la base en ambos procesos.
        enviar(
            servidor.puerto,
            [(uuid.uuid4().hex, propuestas[-1], "me_gusta") for _ in range(50)],
            cookie_csrf,
            token_csrf,
            4,
        )
        for p in propuestas[-1:]:
            esperado[p]["me_gusta"] += 50
        latencias, estados, duracion = enviar(
            servidor.puerto, trabajos, cookie_csrf, token_csrf, CONCURRENCIA
        )
        print(
            f"Reacciones de {len(tokens)} tokens, {CONCURRENCIA} conexiones, gunicorn 2 procesos, PostgreSQL:"
        )
        print("  " + cifras(latencias, duracion) + f"; estados {estados}")

        guardado = {
            c.propuesta_id: {"me_gusta": c.me_gusta, "no_me_gusta": c.no_me_gusta}
            for c in Conteo.objects.filter(propuesta_id__in=propuestas)
        }
        recontado = {
            f["propuesta_id"]: {"me_gusta": f["si"], "no_me_gusta": f["no"]}
            for f in Reaccion.objects.filter(propuesta_id__in=propuestas)
            .values("propuesta_id")
            .annotate(
                si=Count("pk", filter=Q(valor="me_gusta")), no=Count("pk", filter=Q(valor="no_me_gusta"))
            )
        }
        print(f"  Conteo guardado = lo enviado: {guardado == esperado}")
        print(f"  Conteo guardado = COUNT(Reaccion): {guardado == recontado}")

        # Un mismo cliente, 50 veces a la vez, contra los dos procesos.
        token = uuid.uuid4().hex
        objetivo = propuestas[0]
        antes = dict(guardado[objetivo])
        barrera = threading.Barrier(50)
        resultados = []

        def uno():
            conexion = http.client.HTTPConnection("127.0.0.1", servidor.puerto, timeout=15)
            cuerpo = urlencode(
                {"propuesta": objetivo, "valor": "me_gusta", "csrfmiddlewaretoken": token_csrf}
            )
            barrera.wait()
            conexion.request(
                "POST",
                "/participacion/reaccionar/",
                cuerpo,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/json",
                    "Cookie": f"csrftoken={cookie_csrf}; {cookie_de(token)}",
                },
            )
            respuesta = conexion.getresponse()
            resultados.append((respuesta.status, json.loads(respuesta.read() or b"{}").get("me_gusta")))

        hilos = [threading.Thread(target=uno) for _ in range(50)]
        for hilo in hilos:
            hilo.start()
        for hilo in hilos:
            hilo.join()
        filas = Reaccion.objects.filter(token=token, propuesta_id=objetivo).count()
        despues = Conteo.objects.get(propuesta_id=objetivo)
        estados_50 = {}
        for estado, _n in resultados:
            estados_50[estado] = estados_50.get(estado, 0) + 1
        print(
            f"50 simultáneas de un cliente: estados {estados_50}; reacciones guardadas {filas}; "
            f"me gusta {antes['me_gusta']} → {despues.me_gusta} (debe subir 1)"
        )


if __name__ == "__main__":
    main()
