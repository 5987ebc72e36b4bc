"""Benchmark de una caché HTTP real delante (issue 17): nginx con deploy/nginx.conf delante de gunicorn.

    .venv/bin/python bench/proxy.py [--segundos 5] [--sin-preparar]

Arranca gunicorn (2 workers) sobre PostgreSQL (base decide_despliegue) con la demo completa cargada
(geografía, candidaturas, cuestionarios, plataformas, participación y los datos abiertos ya
construidos) y Redis (base 5) como caché compartida; arranca nginx en 127.0.0.1 con la misma
configuración de deploy/nginx.conf (sólo cambian puertos y rutas, en un directorio temporal propio;
nunca toca /etc/nginx) y mide con wrk (4 conexiones, unos segundos por página) el archivo estático y
las páginas públicas, directo a gunicorn y a través del proxy. Imprime cada cifra y su razón frente al
estático del mismo servidor (gunicorn+whitenoise, o nginx), y qué hizo la caché del proxy con la
página (X-Cache-Proxy: HIT, MISS, EXPIRED, BYPASS…). Metas del issue 17: ≥ 0.5 del estático en
gunicorn y ≥ 0.8 a través del proxy; descarga de datos abiertos ≥ 0.5.

Puertos: 18510 (gunicorn) y 18520 (nginx); se cambian con --puerto-app y --puerto-proxy.
"""

import argparse
import getpass
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.comun import (  # noqa: E402
    NAVEGADOR,
    RAIZ,
    Gunicorn,
    carga_wrk,
    entorno,
    manage,
    preparar_demo,
    ruta_estatica,
    shell,
)

BASE = "decide_despliegue"
REDIS = "redis://127.0.0.1:6379/5"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONFIGURACION = RAIZ / "deploy" / "nginx.conf"
DATOS_ABIERTOS = RAIZ / "bench" / "resultados" / "datos_abiertos"
RESULTADOS = RAIZ / "bench" / "resultados" / "proxy.json"


def preparar(env):
    """La demo completa, como la deja `make run`, en PostgreSQL (una segunda corrida no cambia nada)."""
    preparar_demo(BASE, env)
    # Los datos abiertos se construyen aquí, como en `make run` (en producción, la tarea en el worker).
    manage(env, "generar_datos_abiertos")


CODIGO_RUTAS = """
import json
from candidaturas.models import Candidatura, SeccionElectoral
from plataformas.models import PlataformaElectoral
perfiles = list(Candidatura.objects.vigentes().filter(eleccion__proceso__predeterminado=True)
                .order_by('pk').values_list('pk', flat=True)[:2000:200])
secciones = list(SeccionElectoral.objects.order_by('pk').values_list('numero', flat=True)[:5000:500])
plataformas = [p.get_absolute_url() for p in PlataformaElectoral.objects.filter(proceso__predeterminado=True)
               .select_related('proceso', 'actor').order_by('pk')[:10]]
print(json.dumps({'perfiles': perfiles, 'secciones': secciones, 'plataformas': plataformas}))
"""


def paginas(env):
    """{nombre: [rutas]}: unas pocas rutas reales por tipo de página (cada una, su entrada de caché)."""
    datos = shell(env, CODIGO_RUTAS)
    return {
        "estático (css)": [ruta_estatica()],
        "inicio": ["/"],
        "Mi sección": [f"/mi-seccion/?seccion={n}" for n in datos["secciones"]],
        "búsqueda de Conóceles": ["/conoceles/", "/conoceles/?q=garcia", "/conoceles/?sexo=mujer"],
        "perfil de Conóceles": [f"/conoceles/{pk}/" for pk in datos["perfiles"]],
        "plataforma": datos["plataformas"] or ["/plataformas/"],
        "listado de candidaturas": ["/candidaturas/", "/candidaturas/?pagina=2"],
        "estadísticas de Conóceles": ["/conoceles/estadisticas/"],
        "datos abiertos (página)": ["/conoceles/datos/"],
        "datos abiertos (XLSX)": ["/conoceles/datos/conoceles.xlsx"],
        "datos abiertos (CSV curricular)": ["/conoceles/datos/curricular.csv"],
    }


class Nginx:
    """nginx con deploy/nginx.conf en un directorio temporal propio, delante de `puerto_app`."""

    def __init__(self, puerto, puerto_app):
        self.puerto = puerto
        self.puerto_app = puerto_app
        self.carpeta = Path(tempfile.mkdtemp(prefix="decide-nginx-"))
        self.proceso = None

    def configuracion(self):
        texto = CONFIGURACION.read_text()
        t = self.carpeta
        cambios = [
            (r"user www-data;", f"user {getpass.getuser()};"),
            (r"/run/nginx-decide\.pid", f"{t}/nginx.pid"),
            (r"/var/log/nginx/decide-error\.log", f"{t}/error.log"),
            (r"access_log /var/log/nginx/decide-access\.log[^;]*;", "access_log off;"),
            (r"/var/lib/nginx/decide/", f"{t}/"),
            (r"/var/cache/nginx/decide ", f"{t}/cache "),
            (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{self.puerto_app};"),
            (r"listen 80;", f"listen 127.0.0.1:{self.puerto};"),
            (r"alias /srv/decide/staticfiles/;", f"alias {RAIZ}/staticfiles/;"),
            (r"alias /srv/decide/media/;", f"alias {RAIZ}/media/;"),
        ]
        for patron, reemplazo in cambios:
            texto, veces = re.subn(patron, lambda _m, r=reemplazo: r, texto)
            if veces == 0:
                raise RuntimeError(f"deploy/nginx.conf cambió: no se encontró {patron!r}")
        return texto

    def __enter__(self):
        archivo = self.carpeta / "nginx.conf"
        archivo.write_text(self.configuracion())
        self.carpeta.chmod(0o755)
        comando = [NGINX, "-p", str(self.carpeta), "-c", str(archivo), "-e", str(self.carpeta / "error.log")]
        subprocess.run([*comando, "-t", "-q"], check=True)
        self.proceso = subprocess.Popen([*comando, "-g", "daemon off;"])
        limite = time.monotonic() + 10
        while time.monotonic() < limite:
            try:
                with socket.create_connection(("127.0.0.1", self.puerto), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx no arrancó en 10 s")

    def __exit__(self, *exc):
        self.proceso.send_signal(signal.SIGQUIT)  # cierre ordenado del proceso maestro que arrancamos
        try:
            self.proceso.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proceso.kill()
        shutil.rmtree(self.carpeta, ignore_errors=True)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.puerto}"


def pedir(url):
    """GET de una ruta como la pide wrk (con `NAVEGADOR`): (estado, cabeceras). Llena las cachés
    antes de medir (la del proxy guarda una variante por `Accept-Encoding`)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=NAVEGADOR), timeout=60) as respuesta:
            respuesta.read()
            return respuesta.status, respuesta.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def principal():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segundos", type=int, default=5, help="por página y servidor")
    parser.add_argument("--concurrencia", type=int, default=4)
    parser.add_argument("--puerto-app", type=int, default=18510)
    parser.add_argument("--puerto-proxy", type=int, default=18520)
    parser.add_argument("--sin-preparar", action="store_true", help="la base ya tiene la demo")
    argumentos = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Falta wrk (apt-get install wrk).")
    if not os.path.exists(NGINX):
        sys.exit("Falta nginx (apt-get install nginx-light).")

    env = {
        **entorno(BASE),
        "REDIS_URL": os.environ.get("REDIS_URL", REDIS),
        "DECIDE_DATOS_ABIERTOS_ROOT": str(DATOS_ABIERTOS),
        "DECIDE_URL_BASE": "https://decide.ieem.org.mx",
    }
    if not argumentos.sin_preparar:
        preparar(env)
    rutas = paginas(env)

    with (
        Gunicorn(env, workers=2, puerto=argumentos.puerto_app) as app,
        Nginx(argumentos.puerto_proxy, argumentos.puerto_app) as proxy,
    ):
        resultados = {}
        for nombre, lista in rutas.items():
            # Dos pasadas: la primera llena la caché de la app (y la del proxy), la segunda dice
            # qué hace ya el proxy con la página.
            for servidor in (app, proxy):
                for ruta in lista:
                    pedir(servidor.base + ruta)
            estado, cabeceras = pedir(proxy.base + lista[0])
            resultados[nombre] = {
                "estado": estado,
                "cache_control": cabeceras.get("Cache-Control", "—"),
                "x_cache": cabeceras.get("X-Cache-Proxy", "—"),
            }
            for clave, servidor in (("gunicorn", app), ("proxy", proxy)):
                resultados[nombre][clave] = carga_wrk(
                    servidor.base, lista, segundos=argumentos.segundos, concurrencia=argumentos.concurrencia
                )

    RESULTADOS.parent.mkdir(parents=True, exist_ok=True)
    RESULTADOS.write_text(json.dumps(resultados, ensure_ascii=False, indent=1))
    estatico = resultados["estático (css)"]
    print(
        f"\nCaché HTTP delante (nginx {CONFIGURACION.relative_to(RAIZ)}), gunicorn con 2 workers, PostgreSQL "
        f"y Redis; wrk, {argumentos.concurrencia} conexiones, {argumentos.segundos} s por página y servidor."
    )
    print("Razón: pet/s de la página ÷ pet/s del estático del mismo servidor.")
    print("Metas del issue 17: 0.5 en gunicorn, 0.8 a través del proxy.\n")
    encabezado = (
        f"{'página':<32} {'gunicorn pet/s':>14} {'p99 ms':>7} {'razón':>6}   "
        f"{'proxy pet/s':>11} {'p99 ms':>7} {'razón':>6}   {'X-Cache-Proxy':<13} Cache-Control"
    )
    print(encabezado)
    print("-" * len(encabezado))
    for nombre, r in resultados.items():
        g, p = r["gunicorn"], r["proxy"]
        errores = sum(g["estados"].values()) + sum(p["estados"].values())
        nota = f"   (errores o no 2xx/3xx: {errores})" if errores else ""
        print(
            f"{nombre:<32} {g['por_segundo']:>14.0f} {g['p99_ms']:>7.1f} "
            f"{g['por_segundo'] / estatico['gunicorn']['por_segundo']:>6.3f}   "
            f"{p['por_segundo']:>11.0f} {p['p99_ms']:>7.1f} "
            f"{p['por_segundo'] / estatico['proxy']['por_segundo']:>6.3f}   "
            f"{r['x_cache']:<13} {r['cache_control']}{nota}"
        )
    print(
        "\nDescargas grandes: por su tamaño, mejor en MB/s (el estático css pesa unos KB; un archivo de "
        "varios MB se mide por lo que sale por la red)."
    )
    for nombre, r in resultados.items():
        if nombre.startswith(("estático", "datos abiertos (XLSX)", "datos abiertos (CSV")):
            g, p = r["gunicorn"]["mb_por_segundo"], r["proxy"]["mb_por_segundo"]
            print(f"{nombre:<32} gunicorn {g:>8.1f} MB/s   proxy {p:>8.1f} MB/s")


if __name__ == "__main__":
    principal()
