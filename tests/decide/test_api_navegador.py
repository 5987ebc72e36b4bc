"""La declaración de accesibilidad y la documentación de la API en Chromium real, con axe, a ancho
de teléfono y de escritorio."""

import pytest

from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
@pytest.mark.parametrize("ruta", ["/accesibilidad/", "/api/v1/docs/"])
def test_accesibilidad_y_documentacion_de_la_api_sin_fallas_de_axe(pagina, nombre, tamano, ruta):
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + ruta)

    afirmar_accesible(pagina)
    ancho = pagina.evaluate("document.documentElement.scrollWidth")
    assert ancho <= tamano["width"], f"{ruta} se desborda a lo ancho ({ancho} px)"
    capturar(pagina, f"{ruta.strip('/').replace('/', '-')}-{nombre}")


def test_el_pie_enlaza_la_declaracion_de_accesibilidad(pagina):
    pagina.goto(pagina.url_base + "/")

    pagina.get_by_role("contentinfo").get_by_role("link", name="Accesibilidad").click()

    pagina.wait_for_url("**/accesibilidad/")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Declaración de accesibilidad"
