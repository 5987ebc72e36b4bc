"""Las dependencias entre apps apuntan en un solo sentido (docs/arquitectura.md).

Una app importa sólo las que están antes que ella en ORDEN, y sus plantillas (`templates/<app>/`)
enlazan sólo a rutas de esas apps. Las migraciones quedan fuera: son historia.
`make check` corre esta prueba sola, para que el error salga antes que la suite.
"""

import ast
import re
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
ORDEN = [
    "comun",
    "candidaturas",
    "cuentas",
    "cuestionarios",
    "plataformas",
    "participacion",
    "conoceles",
    "decide",
]
# cuestionarios y plataformas están en el mismo escalón: ninguna importa a la otra.
ESCALON = {app: i for i, app in enumerate(ORDEN)}
ESCALON["plataformas"] = ESCALON["cuestionarios"]
PATRON_URL = re.compile(r"""\{%\s*url\s+['"]([a-z_]+):""")


def _modulos_importados(ruta):
    arbol = ast.parse(ruta.read_text(encoding="utf-8"), filename=str(ruta))
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Import):
            for alias in nodo.names:
                yield nodo.lineno, alias.name.split(".")[0]
        elif isinstance(nodo, ast.ImportFrom) and nodo.module and nodo.level == 0:
            yield nodo.lineno, nodo.module.split(".")[0]


def importaciones_hacia_arriba():
    """[(archivo:línea, app, app importada)] de cada import que va contra el orden."""
    malas = []
    for app in ORDEN:
        carpeta = RAIZ / app
        if not carpeta.is_dir():
            continue
        for ruta in sorted(carpeta.rglob("*.py")):
            if "migrations" in ruta.parts:
                continue
            for linea, modulo in _modulos_importados(ruta):
                if modulo in ESCALON and modulo != app and ESCALON[modulo] >= ESCALON[app]:
                    malas.append((f"{ruta.relative_to(RAIZ)}:{linea}", app, modulo))
    return malas


def enlaces_hacia_arriba():
    """[(plantilla, app, espacio de nombres)] de cada `{% url %}` a una app de arriba."""
    malos = []
    for app in ORDEN:
        carpeta = RAIZ / "templates" / app
        if not carpeta.is_dir():
            continue
        for ruta in sorted(carpeta.rglob("*.*")):
            for espacio in set(PATRON_URL.findall(ruta.read_text(encoding="utf-8"))):
                if espacio in ESCALON and espacio != app and ESCALON[espacio] >= ESCALON[app]:
                    malos.append((str(ruta.relative_to(RAIZ)), app, espacio))
    return malos


def test_ninguna_app_importa_una_de_arriba():
    assert importaciones_hacia_arriba() == []


def test_ninguna_plantilla_enlaza_una_app_de_arriba():
    assert enlaces_hacia_arriba() == []


def test_comun_no_importa_ninguna_app():
    assert not [m for m in importaciones_hacia_arriba() if m[1] == "comun"]
    assert ESCALON["comun"] == 0


@pytest.mark.parametrize("app", ORDEN)
def test_cada_app_del_orden_esta_instalada(app, settings):
    assert app in settings.INSTALLED_APPS


def test_la_revision_detecta_un_import_hacia_arriba(tmp_path, monkeypatch):
    """La revisión misma puede fallar: un import de candidaturas a conoceles se detecta."""
    falsa = tmp_path / "candidaturas"
    falsa.mkdir()
    (falsa / "malo.py").write_text("def f():\n    from conoceles import views\n")
    monkeypatch.setattr(f"{__name__}.RAIZ", tmp_path)

    assert importaciones_hacia_arriba() == [("candidaturas/malo.py:2", "candidaturas", "conoceles")]
