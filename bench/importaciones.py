"""Benchmark de la importación de candidaturas en el admin (issue 12) con gunicorn + PostgreSQL.

    .venv/bin/python bench/importaciones.py [--base decide_bench_imp] [--filas-grande 10000]
        [--espera-maxima 120] [--sin-preparar]

1. Prepara la base (migrar, geografía, demostración) salvo `--sin-preparar`, y una cuenta del
   personal con TOTP y su sesión.
2. Arranca gunicorn (1 worker, para medir su memoria) y `manage.py db_worker`.
3. Envía a «Importar» un CSV de ~25 MB (230 mil filas): mide el tiempo de respuesta (cortado a
   `--espera-maxima` s) y el pico de memoria (VmHWM) del worker de gunicorn.
4. Envía un CSV grande pero permitido (`--filas-grande` filas válidas en un proceso nuevo), confirma
   la importación y mide cada petición, el tiempo hasta que la tarea termina y la memoria del worker
   de gunicorn y del `db_worker`.

No es una prueba: imprime las cifras (docs/rendimiento.md).
"""

import argparse
import csv
import io
import re
import subprocess
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comun import PYTHON, RAIZ, Gunicorn, analizar, crear_base, entorno, manage  # noqa: E402

ENCABEZADOS = [
    "id", "proceso", "tipo_eleccion", "distrito_local", "municipio_clave_ieem", "actor", "cargo", "numero",
    "calidad", "nombre", "primer_apellido", "segundo_apellido", "sexo", "fecha_nacimiento", "edad", "correo",
    "accion_afirmativa",
]  # fmt: skip
SIGLAS = ["PAN", "PRI", "PRD", "PT", "PVEM", "MC", "MORENA", "NAEM"]


def csv_de(filas):
    salida = io.StringIO()
    escritor = csv.writer(salida)
    escritor.writerow(ENCABEZADOS)
    escritor.writerows(filas)
    return salida.getvalue().encode()


def filas_validas(cantidad, proceso, siglas):
    """Regidurías de ayuntamiento, cada una en su lugar (municipio, actor, número, calidad)."""
    filas = []
    for i in range(cantidad):
        municipio = i % 125 + 1
        actor = siglas[(i // 125) % len(siglas)]
        resto = i // (125 * len(siglas))
        numero, calidad = resto // 2 + 1, ("propietaria", "suplente")[resto % 2]
        filas.append(
            ["", proceso, "ayuntamiento", "", municipio, actor, "regiduria", numero, calidad, f"Nombre{i}",
             f"Apellido{i}", "Prueba", ("mujer", "hombre")[i % 2], "1980-01-01", "", "", ""]
        )  # fmt: skip
    return filas


def archivo_de_25_mb():
    filas = filas_validas(230_000, "bench-importacion", SIGLAS)
    for fila in filas:
        fila[15] = f"{fila[9].lower()}@ejemplo.mx"
    return csv_de(filas)


def vmhwm(pid):
    """Pico de memoria residente (MB) de un proceso."""
    try:
        texto = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return int(re.search(r"VmHWM:\s+(\d+)", texto).group(1)) / 1024


def hijos(pid):
    salida = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in salida.split()]


PREPARAR = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from allauth.mfa.models import Authenticator
from candidaturas.models import ProcesoElectoral, Candidatura
Usuario = get_user_model()
u, _ = Usuario.objects.get_or_create(
    username="bench-importacion",
    defaults={"email": "bench@ieem.mx", "is_staff": True, "is_superuser": True},
)
Authenticator.objects.get_or_create(
    user=u, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}}
)
p, _ = ProcesoElectoral.objects.get_or_create(
    slug="bench-importacion",
    defaults={"nombre": "Proceso de prueba de importación", "anio": 2030, "tipo": "ordinario"},
)
Candidatura.objects.filter(eleccion__proceso=p).delete()
s = SessionStore()
s[SESSION_KEY] = str(u.pk)
s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
s[HASH_SESSION_KEY] = u.get_session_auth_hash()
s.create()
print("SESION", s.session_key)
"""


def sesion(env):
    orden = [PYTHON, "manage.py", "shell", "-c", PREPARAR]
    salida = subprocess.run(orden, cwd=RAIZ, env=env, capture_output=True, text=True, check=True).stdout
    clave = re.search(r"SESION (\w+)", salida).group(1)
    cliente = requests.Session()
    cliente.cookies.set("sessionid", clave)
    return cliente


def token(cliente, url):
    respuesta = cliente.get(url, timeout=30)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', respuesta.text).group(1)


def medir(etiqueta, funcion, pids):
    antes = {pid: vmhwm(pid) for pid in pids}
    inicio = time.perf_counter()
    try:
        respuesta = funcion()
        estado = respuesta.status_code
    except requests.Timeout:
        respuesta, estado = None, "sin respuesta"
    segundos = time.perf_counter() - inicio
    memoria = {pid: vmhwm(pid) for pid in pids}
    print(f"{etiqueta}: {estado} en {segundos:.2f} s; pico de memoria del worker de gunicorn "
          f"{', '.join(f'{antes[p] or 0:.0f}→{m or 0:.0f} MB' for p, m in memoria.items())}")  # fmt: skip
    return respuesta


def subir(cliente, base, contenido, nombre, espera):
    url = f"{base}/admin/candidaturas/candidatura/import/"
    datos = {"csrfmiddlewaretoken": token(cliente, url), "format": "0", "resource": "0"}
    return cliente.post(
        url, data=datos, files={"import_file": (nombre, contenido, "text/csv")}, timeout=espera,
        headers={"Referer": url}, allow_redirects=False,
    )  # fmt: skip


def seguir(cliente, base, respuesta, pids, espera, inicio):
    """Sigue el flujo hasta terminar: confirmación de import-export o página de avance."""
    url_import = f"{base}/admin/candidaturas/candidatura/import/"
    if respuesta.status_code == 200 and 'name="import_file_name"' in respuesta.text:
        campos = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', respuesta.text))
        final = medir(
            "  confirmar (import-export, en la petición)",
            lambda: cliente.post(f"{base}/admin/candidaturas/candidatura/process_import/", data=campos,
                                 timeout=espera, headers={"Referer": url_import}, allow_redirects=False),
            pids,
        )  # fmt: skip
        estado = final.status_code if final else "-"
        print(f"  terminado a los {time.perf_counter() - inicio:.1f} s: {estado}")
        return
    if respuesta.status_code in (301, 302, 303):
        avance = (
            base + respuesta.headers["Location"]
            if respuesta.headers["Location"].startswith("/")
            else respuesta.headers["Location"]
        )  # noqa: E501
        confirmado = False
        while time.perf_counter() - inicio < espera * 10:
            pagina = cliente.get(avance, timeout=30)
            if 'name="confirmar"' in pagina.text and not confirmado:
                print(f"  revisión terminada a los {time.perf_counter() - inicio:.1f} s")
                csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.text).group(1)
                medir(
                    "  confirmar (encola la tarea)",
                    lambda c=csrf: cliente.post(avance, data={"csrfmiddlewaretoken": c, "confirmar": "1"},
                                         timeout=espera, headers={"Referer": avance}, allow_redirects=False),
                    pids,
                )  # fmt: skip
                confirmado = True
                continue
            if 'data-estado="terminado"' in pagina.text or 'data-estado="fallido"' in pagina.text:
                estado = re.search(r'data-estado="(\w+)"', pagina.text).group(1)
                print(f"  tarea {estado} a los {time.perf_counter() - inicio:.1f} s")
                return
            time.sleep(0.5)


def main():
    argumentos = argparse.ArgumentParser()
    argumentos.add_argument("--base", default="decide_bench_imp")
    argumentos.add_argument("--filas-grande", type=int, default=10_000)
    argumentos.add_argument("--espera-maxima", type=float, default=120)
    argumentos.add_argument("--sin-preparar", action="store_true")
    argumentos.add_argument("--puerto", type=int, default=None)
    opciones = argumentos.parse_args()

    env = entorno(opciones.base)
    if not opciones.sin_preparar:
        crear_base(opciones.base)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "createcachetable")
        manage(env, "cargar_geografia")
        manage(env, "generar_demo")
    analizar(opciones.base)
    cliente = sesion(env)

    grande = archivo_de_25_mb()
    permitido = csv_de(filas_validas(opciones.filas_grande, "bench-importacion", SIGLAS))
    print(f"CSV enorme: {len(grande) / 1e6:.1f} MB, 230000 filas; permitido: {len(permitido) / 1e6:.1f} MB, "
          f"{opciones.filas_grande} filas")  # fmt: skip

    orden = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--no-reload", "--verbosity", "0"]
    trabajador = subprocess.Popen(orden, cwd=RAIZ, env=env)
    try:
        with Gunicorn(env, workers=1, puerto=opciones.puerto) as servidor:
            pids = hijos(servidor.proceso.pid)
            espera = opciones.espera_maxima
            medir("CSV de 25 MB", lambda: subir(cliente, servidor.base, grande, "enorme.csv", espera), pids)
        with Gunicorn(env, workers=1, puerto=opciones.puerto) as servidor:
            pids = hijos(servidor.proceso.pid)
            inicio = time.perf_counter()
            respuesta = medir(
                f"CSV de {opciones.filas_grande} filas (subir)",
                lambda: subir(cliente, servidor.base, permitido, "grande.csv", opciones.espera_maxima * 5),
                pids,
            )
            if respuesta is not None:
                seguir(cliente, servidor.base, respuesta, pids, opciones.espera_maxima * 5, inicio)
            print(f"  pico de memoria del worker de gunicorn {vmhwm(pids[0]) or 0:.0f} MB; "
                  f"del db_worker {vmhwm(trabajador.pid) or 0:.0f} MB")  # fmt: skip
    finally:
        trabajador.terminate()
        trabajador.wait(timeout=30)


if __name__ == "__main__":
    main()
