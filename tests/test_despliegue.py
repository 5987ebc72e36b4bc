"""La imagen y la configuración de despliegue (issue 17), revisadas sin motor de Docker: dependencias
de ejecución separadas de las de desarrollo, un Dockerfile multi-etapa que sólo copia lo que existe y
lo que el .dockerignore deja pasar (nunca tests/ ni bench/), usuario sin privilegios, HEALTHCHECK en
/salud/, y la configuración de nginx de deploy/ aceptada por `nginx -t`."""

import fnmatch
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
DE_DESARROLLO = {"pytest", "pytest-django", "pytest-xdist", "playwright", "axe-playwright-python"}
DE_DESARROLLO |= {"hypothesis", "ruff", "djhtml", "factory_boy", "time-machine"}


def _paquetes(archivo):
    lineas = (RAIZ / archivo).read_text().splitlines()
    return {linea.split("==")[0].lower(): linea for linea in lineas if "==" in linea}


def _nombre(requisito):
    return re.split(r"[\[=<>]", requisito)[0].lower()


def test_requirements_lock_solo_lleva_dependencias_de_ejecucion():
    ejecucion = _paquetes("requirements.lock")
    desarrollo = _paquetes("requirements-dev.lock")
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text())["project"]

    assert not {p.lower() for p in DE_DESARROLLO} & set(ejecucion)
    assert {_nombre(r) for r in proyecto["dependencies"]} <= set(ejecucion)
    assert {_nombre(r) for r in proyecto["optional-dependencies"]["dev"]} <= set(desarrollo)
    assert not set(ejecucion) & set(desarrollo)  # cada paquete, en un solo archivo
    assert (RAIZ / "requirements-dev.lock").read_text().splitlines()[0] == "-r requirements.lock"


def _etapas():
    etapas, actual = [], None
    for linea in re.sub(r"\\\n", " ", (RAIZ / "Dockerfile").read_text()).splitlines():
        linea = linea.strip()
        if not linea or linea.startswith("#"):
            continue
        instruccion, _, resto = linea.partition(" ")
        if instruccion.upper() == "FROM":
            actual = {"nombre": resto.split()[-1], "instrucciones": []}
            etapas.append(actual)
        elif actual is not None:
            actual["instrucciones"].append((instruccion.upper(), resto.strip()))
    return etapas


class _Dockerignore:
    """Las reglas de .dockerignore como las aplica Docker: gana la última que coincide con la ruta o
    con una de sus carpetas; `!` vuelve a incluir."""

    def __init__(self):
        self.reglas = []
        for linea in (RAIZ / ".dockerignore").read_text().splitlines():
            linea = linea.strip()
            if linea and not linea.startswith("#"):
                negada = linea.startswith("!")
                self.reglas.append((negada, linea.lstrip("!").rstrip("/")))

    def incluye(self, ruta):
        partes = Path(ruta).parts
        candidatas = ["/".join(partes[: i + 1]) for i in range(len(partes))]
        incluida = True
        for negada, patron in self.reglas:
            for candidata in candidatas:
                nombre = candidata.split("/")[-1]
                if fnmatch.fnmatchcase(candidata, patron) or (
                    patron.startswith("**/") and fnmatch.fnmatchcase(nombre, patron[3:])
                ):
                    incluida = negada
        return incluida


def test_el_dockerfile_construye_en_etapas_y_la_final_no_corre_como_root():
    etapas = _etapas()
    assert len(etapas) >= 2
    final = dict(etapas[-1]["instrucciones"][::-1])  # la última de cada tipo
    assert final["USER"] not in ("root", "0")
    assert "/salud/" in final["HEALTHCHECK"]
    assert "migrate" not in final["CMD"]  # las migraciones son un paso previo, no del arranque
    copias = [i for i in etapas[-1]["instrucciones"] if i[0] == "COPY"]
    assert copias and all("--from=" in resto for _i, resto in copias)
    instala = " ".join(resto for i, resto in etapas[0]["instrucciones"] if i == "RUN")
    assert "requirements.lock" in instala and "requirements-dev.lock" not in instala


def test_lo_que_copia_el_dockerfile_existe_y_el_dockerignore_lo_deja_pasar():
    ignorar = _Dockerignore()
    for etapa in _etapas():
        for instruccion, resto in etapa["instrucciones"]:
            if instruccion != "COPY" or "--from=" in resto:
                continue
            *origenes, _destino = resto.split()
            for origen in origenes:
                assert (RAIZ / origen).exists(), origen
                archivos = [RAIZ / origen] if (RAIZ / origen).is_file() else (RAIZ / origen).rglob("*")
                for archivo in archivos:
                    relativa = archivo.relative_to(RAIZ).as_posix()
                    if archivo.is_file() and "__pycache__" not in relativa and not relativa.endswith(".mo"):
                        assert ignorar.incluye(relativa), relativa


@pytest.mark.parametrize(
    "ruta", ["tests/conftest.py", "bench/proxy.py", "docs/deploy.md", ".venv/x", ".git/HEAD"]
)
def test_el_dockerignore_deja_fuera_pruebas_benchmarks_y_desarrollo(ruta):
    assert not _Dockerignore().incluye(ruta)


@pytest.mark.skipif(not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(), reason="sin nginx")
def test_la_configuracion_de_nginx_es_valida():
    from bench.proxy import NGINX, Nginx

    servidor = Nginx(puerto=18599, puerto_app=18598)
    try:
        archivo = servidor.carpeta / "nginx.conf"
        archivo.write_text(servidor.configuracion())
        resultado = subprocess.run(
            [
                NGINX,
                "-t",
                "-p",
                str(servidor.carpeta),
                "-c",
                str(archivo),
                "-e",
                str(servidor.carpeta / "e.log"),
            ],
            capture_output=True,
            text=True,
        )
    finally:
        shutil.rmtree(servidor.carpeta, ignore_errors=True)
    assert resultado.returncode == 0, resultado.stderr
    configuracion = (RAIZ / "deploy" / "nginx.conf").read_text()
    for directiva in (
        "proxy_cache_lock on",
        "proxy_cache_use_stale updating",
        "proxy_no_cache $decide_con_sesion",
    ):
        assert directiva in configuracion
    # Sólo guarda lo que la app declara cacheable: ninguna directiva proxy_cache_valid.
    assert not re.search(r"^\s*proxy_cache_valid", configuracion, re.MULTILINE)


def test_la_imagen_lleva_cada_app_del_proyecto():
    """Una app nueva en INSTALLED_APPS también tiene que ir en el Dockerfile y en el .dockerignore."""
    from django.conf import settings

    copiadas = {
        origen.rstrip("/")
        for etapa in _etapas()
        for instruccion, resto in etapa["instrucciones"]
        if instruccion == "COPY" and "--from=" not in resto
        for origen in resto.split()[:-1]
    }
    propias = [app for app in settings.INSTALLED_APPS if (RAIZ / app / "apps.py").exists()]
    assert propias
    for app in propias:
        assert app in copiadas, f"el Dockerfile no copia {app}/"
        assert _Dockerignore().incluye(f"{app}/apps.py"), f".dockerignore deja fuera {app}/"
