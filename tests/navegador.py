"""Ayudas para las pruebas en navegador: Chromium del sistema, axe-core y capturas de pantalla.

Uso típico en una prueba marcada con `@pytest.mark.navegador` que pide la fixture `pagina`:

    pagina.goto(pagina.url_base + "/")
    afirmar_accesible(pagina)
    capturar(pagina, "inicio-escritorio")
"""

import json
import shutil
from pathlib import Path

from django.conf import settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGUMENTOS_CHROMIUM = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ETIQUETAS_WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TELEFONO = {"width": 375, "height": 812}
ESCRITORIO = {"width": 1280, "height": 900}
CARPETA_CAPTURAS = Path(settings.BASE_DIR) / "capturas"


def revisar_accesibilidad(pestana):
    """Corre axe-core con las etiquetas WCAG 2.2 AA y devuelve las violaciones (lista vacía si no hay)."""
    from axe_playwright_python.sync_playwright import Axe

    resultado = Axe().run(
        pestana, options={"runOnly": {"type": "tag", "values": ETIQUETAS_WCAG}, "resultTypes": ["violations"]}
    )
    return [
        {
            "regla": v["id"],
            "impacto": v.get("impact"),
            "nodos": [n.get("target") for n in v.get("nodes", [])][:5],
        }
        for v in resultado.response["violations"]
    ]


def afirmar_accesible(pestana):
    violaciones = revisar_accesibilidad(pestana)
    assert violaciones == [], json.dumps(violaciones, ensure_ascii=False, indent=2)


def capturar(pestana, nombre):
    """Guarda una captura de pantalla completa en capturas/ para revisarla a ojo."""
    CARPETA_CAPTURAS.mkdir(exist_ok=True)
    pestana.screenshot(path=str(CARPETA_CAPTURAS / f"{nombre}.png"), full_page=True)


ANGOSTO = {"width": 320, "height": 700}


def sin_desplazamiento_lateral(pestana):
    """La página no se desplaza de lado; si lo hace, dice qué elementos de <main> se salen."""
    ancho = pestana.evaluate("document.documentElement.scrollWidth")
    visible = pestana.evaluate("document.documentElement.clientWidth")
    if ancho > visible:
        se_salen = pestana.evaluate(
            """(visible) => [...document.querySelectorAll('main *')]
                .filter((e) => e.getBoundingClientRect().right > visible)
                .slice(0, 8)
                .map((e) => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)""",
            visible,
        )
        raise AssertionError((pestana.url, ancho, visible, se_salen))


def revisar_en_tres_anchos(pestana, nombre):
    """La página abierta a 320, 375 y 1280 px: sin desplazamiento lateral y axe 0 en cada ancho, con
    captura a 375 y 1280 (`<nombre>-telefono`, `<nombre>-escritorio`). Termina a 1280 px."""
    for vista, tamano in (("320", ANGOSTO), ("telefono", TELEFONO), ("escritorio", ESCRITORIO)):
        pestana.set_viewport_size(tamano)
        sin_desplazamiento_lateral(pestana)
        afirmar_accesible(pestana)
        if vista != "320":
            capturar(pestana, f"{nombre}-{vista}")
