"""Benchmark de participación que no se puede inflar (issue 16), contra gunicorn + PostgreSQL + Redis.

Todo en 127.0.0.1: gunicorn (2 procesos) en el puerto 18900/18901, PostgreSQL en la base
`decide_participacion`, Redis en la base 9. Cada escenario sale de una dirección de loopback distinta
(127.0.0.11, .12, …: todo 127/8 es loopback en Linux), así que las IPs son reales en `REMOTE_ADDR` y
no hace falta `X-Forwarded-For` (el proyecto sólo lo lee con `DJANGO_PROXIES_DE_CONFIANZA`).

Los clientes se portan como un atacante sin cookies: cada «persona» pide `/participacion/estado/`
(que es lo único que emite el token) y con eso manda su POST real con CSRF.

Corrida A, con los ajustes de producción:
  1. Una IP sin cookies manda 300 reacciones a una propuesta (tan rápido como puede: más duro que
     repartirlas en 5 minutos; el tope por IP y objetivo es de 24 h) → contadas ≤ N.
  2. 20 navegadores distintos tras una IP reaccionan una vez cada uno → las 20 cuentan (N = 20).
  3. Una IP reporta un comentario 10 veces (10 tokens) → no se oculta.
  4. Reportes desde 3 IPs distintas → se oculta.
  5. 50 reacciones simultáneas de un mismo token, repartidas entre los 2 procesos → exactamente 1.
Corrida B, con los límites por minuto y de tokens abiertos (para aislar el tope por objetivo y medir):
  6. La misma IP con 300 tokens reales y 300 reacciones → contadas exactamente N, el resto marcadas.
  7. p50/p95/p99 de un POST real de reacción (token emitido por el servidor, CSRF, tope por IP,
     candado del conteo) a 4 conexiones.

Uso: .venv/bin/python bench/participacion_abuso.py   (acotado: ~4,000 peticiones)
     DECIDE_BENCH_SOLO_MEDIR=1 corre sólo la medición de latencia (B7).
"""

import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.comun import Gunicorn, crear_base, entorno, manage  # noqa: E402

BASE = os.environ.get("DECIDE_BENCH_BASE", "decide_participacion")
REDIS = os.environ.get("DECIDE_BENCH_REDIS", "redis://127.0.0.1:6379/9")
PUERTOS = (18900, 18901)
POST_MEDIDOS = int(os.environ.get("DECIDE_BENCH_POSTS", "1200"))
SOLO_MEDIR = os.environ.get("DECIDE_BENCH_SOLO_MEDIR") == "1"


class Navegador:
    """Un navegador sin cookies al empezar, que sale por la IP `ip` (loopback)."""

    def __init__(self, puerto, ip):
        self.conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=15, source_address=(ip, 0))
        self.cookies = {}
        self.csrf = ""

    def _cabeceras(self, extra=None):
        cabeceras = {"Accept": "application/json", **(extra or {})}
        if self.cookies:
            cabeceras["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return cabeceras

    def _guardar_cookies(self, respuesta):
        for cabecera, valor in respuesta.getheaders():
            if cabecera.lower() == "set-cookie":
                nombre, resto = valor.split("=", 1)
                self.cookies[nombre] = resto.split(";", 1)[0]

    def pedir(self, metodo, ruta, cuerpo=None):
        extra = {}
        if cuerpo is not None:
            cuerpo = urlencode({**cuerpo, "csrfmiddlewaretoken": self.csrf})
            extra = {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": self.csrf}
        self.conexion.request(metodo, ruta, cuerpo, self._cabeceras(extra))
        respuesta = self.conexion.getresponse()
        datos = respuesta.read()
        self._guardar_cookies(respuesta)
        return respuesta.status, datos

    def ver_pagina(self, claves=()):
        estado, datos = self.pedir("GET", "/participacion/estado/?" + urlencode([("o", c) for c in claves]))
        cuerpo = json.loads(datos)
        self.csrf = cuerpo["csrf"]
        return cuerpo["participa"]

    def cerrar(self):
        self.conexion.close()


def preparar(env):
    crear_base(BASE)
    manage(env, "migrate", "--noinput", "--verbosity", "0", "--skip-checks")
    manage(env, "createcachetable")
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "decide.settings"
    import django

    django.setup()
    from django.core.cache import cache

    from candidaturas.models import ActorPolitico, ProcesoElectoral
    from participacion.models import AjusteParticipacion, Comentario, Conteo, Reaccion
    from plataformas.models import PlataformaElectoral, Propuesta, Tema

    cache.clear()  # sólo la base 9 de Redis, la de este benchmark
    Reaccion.objects.all().delete()
    Conteo.objects.all().delete()
    Comentario.objects.all().delete()
    proceso, _ = ProcesoElectoral.objects.get_or_create(
        slug="bench-participacion", defaults={"nombre": "Proceso de benchmark", "anio": 2027}
    )
    AjusteParticipacion.objects.update_or_create(proceso=proceso, defaults={"moderacion": "posterior"})
    actor, _ = ActorPolitico.objects.get_or_create(
        slug="bench", defaults={"siglas": "BENCH", "nombre": "Bench"}
    )
    plataforma, _ = PlataformaElectoral.objects.get_or_create(
        proceso=proceso, actor=actor, tipo="legislativa"
    )
    tema = Tema.objects.first()
    faltan = 20 - plataforma.propuestas.count()
    Propuesta.objects.bulk_create(
        Propuesta(plataforma=plataforma, titulo=f"Propuesta {i}", texto="Texto.", tema=tema, orden=i)
        for i in range(faltan)
    )
    propuestas = list(plataforma.propuestas.order_by("pk").values_list("pk", flat=True))
    comentario = Comentario.objects.create(
        propuesta_id=propuestas[0],
        texto="Un comentario publicado para reportar.",
        token="0" * 32,
        estado="publicado",
    )
    return propuestas, comentario.pk


def contadas(propuesta):
    from participacion.models import Conteo, Reaccion

    conteo = Conteo.objects.filter(propuesta_id=propuesta).first()
    total = conteo.me_gusta + conteo.no_me_gusta if conteo else 0
    marcadas = Reaccion.objects.filter(propuesta_id=propuesta, contada=False).count()
    return total, marcadas


def contar(estados, estado):
    estados[estado] = estados.get(estado, 0) + 1


def escenario_300(puerto, ip, propuesta):
    estados, sin_token = {}, 0
    inicio = time.perf_counter()
    for _i in range(300):
        navegador = Navegador(puerto, ip)
        if not navegador.ver_pagina([f"propuesta-{propuesta}"]):
            sin_token += 1
        estado, _datos = navegador.pedir(
            "POST", "/participacion/reaccionar/", {"propuesta": propuesta, "valor": "me_gusta"}
        )
        contar(estados, estado)
        navegador.cerrar()
    return estados, sin_token, time.perf_counter() - inicio


def escenario_20(puerto, ip, propuesta):
    estados = {}
    for _i in range(20):
        navegador = Navegador(puerto, ip)
        navegador.ver_pagina([f"propuesta-{propuesta}"])
        contar(
            estados,
            navegador.pedir(
                "POST", "/participacion/reaccionar/", {"propuesta": propuesta, "valor": "me_gusta"}
            )[0],
        )
        navegador.cerrar()
    return estados


def reportar(puerto, ip, comentario, veces=1):
    estados = {}
    for _i in range(veces):
        navegador = Navegador(puerto, ip)
        navegador.ver_pagina()
        contar(estados, navegador.pedir("POST", f"/participacion/comentarios/{comentario}/reportar/", {})[0])
        navegador.cerrar()
    return estados


def estado_del_comentario(pk):
    from participacion.models import Comentario

    return Comentario.objects.get(pk=pk).estado


def escenario_50(puertos, ip, propuesta):
    """50 POST simultáneos de un mismo token, la mitad a cada proceso de gunicorn (mismo socket de
    escucha: el reparto lo hace el kernel)."""
    navegador = Navegador(puertos[0], ip)
    navegador.ver_pagina()
    cookies, csrf = dict(navegador.cookies), navegador.csrf
    navegador.cerrar()
    barrera, resultados = threading.Barrier(50), []

    def uno():
        otro = Navegador(puertos[0], ip)
        otro.cookies, otro.csrf = dict(cookies), csrf
        otro.conexion.connect()
        barrera.wait()
        resultados.append(
            otro.pedir("POST", "/participacion/reaccionar/", {"propuesta": propuesta, "valor": "me_gusta"})[0]
        )
        otro.cerrar()

    hilos = [threading.Thread(target=uno) for _ in range(50)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    from participacion.models import Reaccion

    estados = {}
    for r in resultados:
        contar(estados, r)
    return estados, Reaccion.objects.filter(propuesta_id=propuesta, token__in=[_token(cookies)]).count()


def _token(cookies):
    from django.core import signing

    from participacion.cliente import NOMBRE_COOKIE, SAL_COOKIE

    return signing.Signer(salt=SAL_COOKIE).unsign(cookies[NOMBRE_COOKIE])


def medir_posts(puerto, propuestas, total, conexiones=4):
    """`total` POST reales: cada conexión es un navegador que obtuvo su token del servidor y
    reacciona a las propuestas (una vez cada una, cambiando de navegador al terminar)."""
    latencias, estados, candado = [], {}, threading.Lock()
    por_conexion = total // conexiones

    def trabajador(n):
        hechas, navegador, indice = 0, None, len(propuestas)
        ip = f"127.0.1.{n + 1}"
        while hechas < por_conexion:
            if indice >= len(propuestas):
                if navegador:
                    navegador.cerrar()
                navegador = Navegador(puerto, ip)
                navegador.ver_pagina()
                indice = 0
            cuerpo = {"propuesta": propuestas[indice], "valor": "me_gusta" if hechas % 3 else "no_me_gusta"}
            inicio = time.perf_counter()
            estado, _datos = navegador.pedir("POST", "/participacion/reaccionar/", cuerpo)
            transcurrido = time.perf_counter() - inicio
            with candado:
                latencias.append(transcurrido)
                contar(estados, estado)
            hechas += 1
            indice += 1
        navegador.cerrar()

    hilos = [threading.Thread(target=trabajador, args=(n,)) for n in range(conexiones)]
    inicio = time.perf_counter()
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    return latencias, estados, time.perf_counter() - inicio


def calentar(puerto):
    """Espera a que los procesos de gunicorn terminen de arrancar (máquina compartida: puede tardar)."""
    limite = time.monotonic() + 90
    while True:
        try:
            navegador = Navegador(puerto, "127.0.0.1")
            navegador.conexion.timeout = 60
            navegador.ver_pagina()
            navegador.cerrar()
            return
        except (OSError, TimeoutError):
            if time.monotonic() > limite:
                raise
            time.sleep(1)


def medir_salud(puerto, total=400, conexiones=4):
    """Referencia en la misma corrida: GET /salud/ a 4 conexiones (mide cuánto pesa la máquina)."""
    latencias, candado = [], threading.Lock()

    def trabajador():
        conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=30)
        for _i in range(total // conexiones):
            inicio = time.perf_counter()
            conexion.request("GET", "/salud/")
            conexion.getresponse().read()
            with candado:
                latencias.append(time.perf_counter() - inicio)
        conexion.close()

    hilos = [threading.Thread(target=trabajador) for _ in range(conexiones)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    q = statistics.quantiles(sorted(latencias), n=100)
    return q[49] * 1000, q[94] * 1000


class GunicornEn(Gunicorn):
    def __init__(self, env, puerto, workers=2):
        super().__init__(env, workers=workers)
        self.puerto = puerto


def main():
    env = {**entorno(BASE), "REDIS_URL": REDIS}
    propuestas, comentario = preparar(env)
    from django.conf import settings

    n = settings.PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO
    print(
        f"Ajustes: N = {n} reacciones contadas por IP y propuesta en "
        f"{settings.PARTICIPACION_VENTANA_POR_IP_Y_OBJETO // 3600} h; tokens nuevos por IP "
        f"{settings.PARTICIPACION_TOKENS_POR_IP} / {settings.PARTICIPACION_VENTANA_TOKENS // 60} min; "
        f"escrituras por IP {settings.PARTICIPACION_LIMITE_POR_MINUTO} / min. gunicorn 2 procesos, "
        "PostgreSQL, Redis (base 9)."
    )
    if not SOLO_MEDIR:
        escenarios_a(env, propuestas, comentario, n)
    medir_b(env, propuestas, n)


def escenarios_a(env, propuestas, comentario, n):
    with GunicornEn(env, PUERTOS[0]) as servidor:
        calentar(servidor.puerto)
        estados, sin_token, duracion = escenario_300(servidor.puerto, "127.0.0.11", propuestas[0])
        total, marcadas = contadas(propuestas[0])
        print(
            f"A1. Una IP sin cookies, 300 reacciones a una propuesta en {duracion:.1f} s: estados {estados}, "
            f"{sin_token} sin token emitido; contadas {total} (≤ {n}: {'sí' if total <= n else 'NO'}), "
            f"marcadas {marcadas}"
        )
        estados = escenario_20(servidor.puerto, "127.0.0.12", propuestas[1])
        total, marcadas = contadas(propuestas[1])
        print(
            f"A2. 20 navegadores tras una IP, una vez cada uno: estados {estados}; "
            f"contadas {total}, marcadas {marcadas}"
        )
        estados = reportar(servidor.puerto, "127.0.0.13", comentario, veces=10)
        print(
            f"A3. Una IP reporta 10 veces (10 tokens): estados {estados}; "
            f"comentario {estado_del_comentario(comentario)}"
        )
        for ip in ("127.0.0.14", "127.0.0.15"):
            reportar(servidor.puerto, ip, comentario)
        print(f"A4. Reportes desde 3 IPs distintas: comentario {estado_del_comentario(comentario)}")
        estados, filas = escenario_50(PUERTOS, "127.0.0.16", propuestas[2])
        total, _m = contadas(propuestas[2])
        print(
            f"A5. 50 simultáneas de un token: estados {estados}; reacciones guardadas {filas}; "
            f"contadas {total}"
        )


def medir_b(env, propuestas, n):
    abiertos = {
        **env,
        "DECIDE_PARTICIPACION_LIMITE_POR_MINUTO": str(10**9),
        "DECIDE_PARTICIPACION_TOKENS_POR_IP": str(10**9),
    }
    with GunicornEn(abiertos, PUERTOS[1]) as servidor:
        calentar(servidor.puerto)
        if not SOLO_MEDIR:
            escenario_b6(servidor.puerto, propuestas, n)
        medir_posts(servidor.puerto, propuestas[4:], 100)  # calentamiento
        latencias, estados, duracion = medir_posts(servidor.puerto, propuestas[4:], POST_MEDIDOS)
        q = statistics.quantiles(sorted(latencias), n=100)
        print(
            f"B7. POST real de reacción, 4 conexiones: {len(latencias)} en {duracion:.1f} s = "
            f"{len(latencias) / duracion:.0f} pet/s; p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, "
            f"p99 {q[98] * 1000:.1f} ms; estados {estados}"
        )
        p50, p95 = medir_salud(servidor.puerto)
        print(
            f"    Referencia en la misma corrida, GET /salud/ a 4 conexiones: "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )


def escenario_b6(puerto, propuestas, n):
    estados, _sin_token, duracion = escenario_300(puerto, "127.0.0.21", propuestas[3])
    total, marcadas = contadas(propuestas[3])
    print(
        f"B6. Sin límites por minuto ni de tokens, 300 tokens reales desde una IP en {duracion:.1f} s: "
        f"estados {estados}; contadas {total} (= N: {'sí' if total == n else 'NO'}), marcadas {marcadas}"
    )


if __name__ == "__main__":
    main()
