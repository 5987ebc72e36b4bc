"""Benchmark de fallas (issue 12): ¿qué ve la gente cuando Redis se cae? gunicorn sobre PostgreSQL con
la demo completa y un redis-server propio, que este script arranca, mata y vuelve a arrancar.

    .venv/bin/python bench/fallas.py [--puerto 18100] [--redis-puerto 6391] [--base decide_resiliencia]
        [--repeticiones 5] [--sin-preparar]

Tres fases con el mismo servidor: Redis vivo, Redis muerto (el proceso terminado: conexión
rechazada) y Redis de vuelta (tras la espera del cortacircuitos). En cada una pide las páginas
públicas, el estado de participación, una reacción, un comentario, un inicio de sesión fallido y uno
correcto, y `/salud/`; imprime una tabla con el estado HTTP y la mediana de milisegundos de cada una.
Sólo 127.0.0.1; se detiene solo y detiene lo que arrancó.
"""

import argparse
import http.cookiejar
import json
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import Gunicorn, entorno, preparar_demo, shell  # noqa: E402

CLAVE = "clave-del-benchmark-de-fallas-2027"
CODIGO_MUESTRA = f"""
CLAVE = {CLAVE!r}
import json
from django.contrib.auth import get_user_model
from candidaturas.models import Candidatura, SeccionElectoral
from plataformas.models import Propuesta
usuario, _ = get_user_model().objects.get_or_create(
    username="bench-fallas", defaults={{"email": "bench-fallas@ejemplo.mx"}}
)
usuario.set_password(CLAVE)
usuario.save()
from allauth.account.models import EmailAddress
EmailAddress.objects.get_or_create(
    user=usuario, email=usuario.email, defaults={{"verified": True, "primary": True}}
)
candidatura = Candidatura.objects.vigentes().filter(eleccion__proceso__predeterminado=True).first()
propuesta = Propuesta.objects.filter(plataforma__proceso__predeterminado=True).order_by("pk").first()
print(json.dumps({{
    "candidatura": candidatura.pk,
    "propuesta": propuesta.pk,
    "seccion": SeccionElectoral.objects.order_by("numero").values_list("numero", flat=True).first(),
    "correo": usuario.email,
}}))
"""


class _SinRedirigir(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Navegador:
    """Un navegador con sus cookies que no sigue redirecciones (se mide la respuesta misma)."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.abridor = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _SinRedirigir()
        )

    def pedir(self, ruta, datos=None, cabeceras=None):
        """(estado, milisegundos, cuerpo)."""
        cuerpo = urllib.parse.urlencode(datos, doseq=True).encode() if datos is not None else None
        peticion = urllib.request.Request(self.base + ruta, data=cuerpo, headers=cabeceras or {})
        inicio = time.perf_counter()
        try:
            with self.abridor.open(peticion, timeout=30) as respuesta:
                contenido = respuesta.read()
                estado = respuesta.status
        except urllib.error.HTTPError as error:
            contenido = error.read()
            estado = error.code
        except OSError as error:
            return f"error: {error}", (time.perf_counter() - inicio) * 1000, b""
        return estado, (time.perf_counter() - inicio) * 1000, contenido

    def cookie(self, nombre):
        return next((c.value for c in self.cookies if c.name == nombre), "")


def casos(muestra):
    """[(nombre, función(base) → (estado, ms, cuerpo))]. Cada caso usa un navegador nuevo."""
    propuesta = muestra["propuesta"]
    clave = f"propuesta-{propuesta}"

    def get(ruta):
        return lambda base: Navegador(base).pedir(ruta)

    def estado(base):
        return Navegador(base).pedir(f"/participacion/estado/?o={clave}")

    def con_estado(base):
        navegador = Navegador(base)
        _e, _ms, cuerpo = navegador.pedir(f"/participacion/estado/?o={clave}")
        datos = json.loads(cuerpo or b"{}")
        return navegador, datos.get("csrf", ""), datos.get("marca", "")

    def reaccion(base):
        navegador, csrf, _marca = con_estado(base)
        return navegador.pedir(
            "/participacion/reaccionar/",
            {"propuesta": propuesta, "valor": "me_gusta", "csrfmiddlewaretoken": csrf},
            {"Accept": "application/json"},
        )

    def comentario(base):
        navegador, csrf, marca = con_estado(base)
        return navegador.pedir(
            "/participacion/comentar/",
            {
                "propuesta": propuesta,
                "texto": "Comentario del benchmark de fallas sobre esta propuesta.",
                "marca": marca,
                "csrfmiddlewaretoken": csrf,
            },
        )

    def acceso(clave_usada):
        def entrar(base):
            navegador = Navegador(base)
            navegador.pedir("/cuentas/login/")
            datos = {
                "login": muestra["correo"],
                "password": clave_usada,
                "csrfmiddlewaretoken": navegador.cookie("csrftoken"),
            }
            return navegador.pedir("/cuentas/login/", datos)

        return entrar

    return [
        ("GET /", get("/")),
        ("GET /conoceles/", get("/conoceles/")),
        ("GET /conoceles/<perfil>/", get(f"/conoceles/{muestra['candidatura']}/")),
        ("GET /mi-seccion/?seccion=", get(f"/mi-seccion/?seccion={muestra['seccion']}")),
        ("GET /estadisticas/", get("/estadisticas/")),
        ("GET /participacion/estado/", estado),
        ("POST reacción (JSON)", reaccion),
        ("POST comentario", comentario),
        ("POST acceso, clave mala", acceso("no-es-la-clave")),
        ("POST acceso, clave buena", acceso(CLAVE)),
        ("GET /salud/", get("/salud/")),
    ]


def medir(base, lista, repeticiones):
    """{nombre: (estados distintos, mediana ms)}."""
    resultado = {}
    for nombre, caso in lista:
        estados, tiempos = [], []
        for _ in range(repeticiones):
            estado, ms, _cuerpo = caso(base)
            estados.append(estado)
            tiempos.append(ms)
        resultado[nombre] = ("/".join(str(e) for e in dict.fromkeys(estados)), statistics.median(tiempos))
    return resultado


def filas_de_sesion(base_de_datos):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{base_de_datos}") as conexion:
        return conexion.execute(
            "SELECT count(*), coalesce(sum(length(session_data)), 0) FROM django_session"
        ).fetchone()


def captura_anonima(base, base_de_datos, veces=20):
    """POST anónimos de 1 MB a /captura/: filas y bytes nuevos en django_session; y las cabeceras de
    un 404 bajo /captura/."""
    filas_antes, bytes_antes = filas_de_sesion(base_de_datos)
    estados = set()
    for _ in range(veces):
        navegador = Navegador(base)
        navegador.pedir("/cuentas/login/")  # la cookie CSRF, como un navegador que ya abrió el sitio
        # Texto al azar: la sesión se guarda comprimida y una repetición no mediría nada.
        texto = secrets.token_urlsafe(750_000)
        datos = {"propuesta_1": texto, "csrfmiddlewaretoken": navegador.cookie("csrftoken")}
        estado, _ms, _cuerpo = navegador.pedir("/captura/demo-ordinario-2027/curricular/", datos)
        estados.add(estado)
    filas, octetos = filas_de_sesion(base_de_datos)
    peticion = urllib.request.Request(base + "/captura/no/existe/aqui/")
    try:
        urllib.request.urlopen(peticion, timeout=10)
        cache_control = "(respondió 200)"
    except urllib.error.HTTPError as error:
        cache_control = f"{error.code}, Cache-Control: {error.headers.get('Cache-Control')!r}"
    return (
        f"{veces} POST anónimos de 1 MB a /captura/…/curricular/ → estados {sorted(estados)}; "
        f"django_session: +{filas - filas_antes} filas, +{(octetos - bytes_antes) / 1e6:.1f} MB. "
        f"404 bajo /captura/: {cache_control}"
    )


def salud(base):
    estado, _ms, cuerpo = Navegador(base).pedir("/salud/")
    try:
        informe = json.loads(cuerpo)
    except ValueError:
        return estado, cuerpo.decode(errors="replace")[:200]
    resumen = {d: informe.get(d, {}).get("estado") for d in ("base_de_datos", "cache", "cola")}
    return estado, f"{informe.get('estado')} {resumen}"


class Redis:
    """redis-server propio, sin persistencia, en 127.0.0.1:`puerto`."""

    def __init__(self, puerto):
        self.puerto = puerto
        self.proceso = None

    def arrancar(self):
        self.proceso = subprocess.Popen(
            ["redis-server", "--port", str(self.puerto), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        limite = time.monotonic() + 10
        while time.monotonic() < limite:
            orden = ["redis-cli", "-p", str(self.puerto), "ping"]
            ping = subprocess.run(orden, capture_output=True, text=True)
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError("redis-server no arrancó")

    def matar(self):
        if self.proceso and self.proceso.poll() is None:
            self.proceso.send_signal(signal.SIGTERM)
            self.proceso.wait(timeout=10)


def main():
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--puerto", type=int, default=18100)
    argumentos.add_argument("--redis-puerto", type=int, default=6391)
    argumentos.add_argument("--base", default="decide_resiliencia")
    argumentos.add_argument("--workers", type=int, default=2)
    argumentos.add_argument("--repeticiones", type=int, default=5)
    argumentos.add_argument("--sin-preparar", action="store_true", help="la base ya tiene la demo")
    opciones = argumentos.parse_args()

    env = entorno(opciones.base)
    env["REDIS_URL"] = f"redis://127.0.0.1:{opciones.redis_puerto}/0"
    # El comentario se envía en cuanto se pide la marca (una persona tarda más; aquí no importa).
    env["DECIDE_PARTICIPACION_SEGUNDOS_MINIMOS"] = "0"
    redis = Redis(opciones.redis_puerto)
    redis.arrancar()
    try:
        if not opciones.sin_preparar:
            preparar_demo(opciones.base, env)
        muestra = shell(env, CODIGO_MUESTRA)
        lista = casos(muestra)
        fases = {}
        with Gunicorn(env, workers=opciones.workers, puerto=opciones.puerto) as servidor:
            base = servidor.base
            medir(base, lista, 1)  # calienta procesos y caché
            fases["Redis vivo"] = medir(base, lista, opciones.repeticiones)
            salud_viva = salud(base)
            anonimos = captura_anonima(base, opciones.base)
            redis.matar()
            fases["Redis muerto"] = medir(base, lista, opciones.repeticiones)
            salud_muerta = salud(base)
            redis.arrancar()
            time.sleep(6)  # el cortacircuitos reintenta a los 5 s (DECIDE_CACHE_SEGUNDOS_REINTENTO)
            fases["Redis de vuelta"] = medir(base, lista, opciones.repeticiones)
            salud_de_vuelta = salud(base)
    finally:
        redis.matar()

    print(
        f"\ngunicorn {opciones.workers} workers, PostgreSQL ({opciones.base}), redis-server en "
        f"127.0.0.1:{opciones.redis_puerto}; {opciones.repeticiones} peticiones por caso (mediana)\n"
    )
    encabezado = "| Petición | " + " | ".join(fases) + " |"
    print(encabezado)
    print("| --- | " + " | ".join("---" for _ in fases) + " |")
    for nombre, _caso in lista:
        celdas = [f"{fase[nombre][0]} · {fase[nombre][1]:.0f} ms" for fase in fases.values()]
        print(f"| {nombre} | " + " | ".join(celdas) + " |")
    print(f"\n{anonimos}")
    print(f"\n/salud/ con Redis vivo: {salud_viva}")
    print(f"/salud/ con Redis muerto: {salud_muerta}")
    print(f"/salud/ con Redis de vuelta: {salud_de_vuelta}")


if __name__ == "__main__":
    main()
