"""Issue 13 en Chromium: el tablero de la representación de partido y su captura, con axe 0 y sin
desplazamiento lateral a 320 px; encabezados alineados con sus columnas en el escritorio, filas
apiladas como tarjetas en el teléfono y «Devolver con observaciones» de principio a fin.
Capturas a 375 y 1280 px en capturas/."""

import pytest
from django.conf import settings
from django.test import Client

from candidaturas.models import Candidatura
from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular, Estado
from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory, MunicipioFactory, PersonaFactory
from tests.cuentas.factories import CuentaDeActorFactory
from tests.cuestionarios.factories import CuestionarioCurricularFactory, escenario
from tests.navegador import (
    ESCRITORIO,
    TELEFONO,
    revisar_en_tres_anchos,
)

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def revisar(pagina, nombre):
    """axe 0 y sin desplazamiento lateral a 320, 375 y 1280 px; captura a 375 y 1280."""
    revisar_en_tres_anchos(pagina, f"partido-{nombre}")


def entrar(pagina, usuario):
    cliente = Client()
    cliente.force_login(usuario)
    nombre = settings.SESSION_COOKIE_NAME
    pagina.context.add_cookies(
        [{"name": nombre, "value": cliente.cookies[nombre].value, "url": pagina.url_base}]
    )


def datos():
    """Una captura enviada y 60 candidaturas más del mismo partido (dos páginas), con nombres largos."""
    base = escenario()
    services.mover(cuestionario=base["curricular"], movimiento="enviar", usuario=base["cuenta"].usuario)
    municipio = MunicipioFactory(nombre="San Martín de las Pirámides")
    ayuntamiento = EleccionFactory(proceso=base["proceso"], ayuntamiento=True, municipio=municipio)
    for numero in range(1, 61):
        persona = PersonaFactory(
            nombre="María Guadalupe del Socorro",
            primer_apellido=f"Piña{numero}",
            segundo_apellido="Villaseñor",
        )
        CandidaturaFactory(
            persona=persona,
            actor=base["actor"],
            eleccion=ayuntamiento,
            cargo=Candidatura.Cargo.REGIDURIA,
            numero=numero,
        )
        if numero % 3 == 0:
            CuestionarioCurricularFactory(persona=persona, proceso=base["proceso"], estado=Estado.PUBLICADO)
    base["partido"] = CuentaDeActorFactory(actor=base["actor"]).usuario
    return base


def test_tablero_de_partido_alineado_apilable_y_accesible(pagina):
    base = datos()
    entrar(pagina, base["partido"])

    pagina.goto(pagina.url_base + "/captura/")
    assert "Mostrando 1–50 de 61 candidaturas" in pagina.inner_text("main")
    revisar(pagina, "tablero")

    # Escritorio: cada encabezado empieza donde empieza su columna (ya no es una rejilla).
    pagina.set_viewport_size(ESCRITORIO)
    encabezados = pagina.locator("table.tabla-apilable thead th")
    celdas = pagina.locator("table.tabla-apilable tbody tr").first.locator("th, td")
    assert encabezados.count() == celdas.count() == 4
    for i in range(4):
        assert abs(encabezados.nth(i).bounding_box()["x"] - celdas.nth(i).bounding_box()["x"]) < 1

    # Teléfono: la fila es una tarjeta; el estado y la acción se ven completos dentro de la pantalla.
    pagina.set_viewport_size(TELEFONO)
    fila = pagina.locator("table.tabla-apilable tbody tr").first
    for celda in (fila.locator("td").nth(1), fila.locator("td").nth(2)):
        caja = celda.bounding_box()
        assert caja["x"] >= 0 and caja["x"] + caja["width"] <= TELEFONO["width"], caja
    assert "Estado:" in fila.locator("td").nth(1).inner_text()

    # Filtros y páginas: la búsqueda sin acentos y el filtro por estado se conservan al paginar.
    pagina.set_viewport_size(ESCRITORIO)
    pagina.fill("#id_q", "pina villasenor")
    pagina.select_option("#id_estado", "sin_capturar")
    pagina.click("button:has-text('Buscar')")
    pagina.wait_for_url("**/captura/?*")
    assert "Mostrando 1–40 de 40 candidaturas" in pagina.inner_text("main")
    revisar(pagina, "tablero-filtrado")
    publicadas = pagina.locator("a[href$='?estado=publicado']")
    assert publicadas.text_content() == "20 publicadas"
    publicadas.click()
    pagina.wait_for_url("**/captura/?estado=publicado")
    assert "Mostrando 1–20 de 20 candidaturas" in pagina.inner_text("main")

    pagina.goto(pagina.url_base + "/captura/")
    pagina.click("a[rel=next]")
    pagina.wait_for_url("**/captura/?pagina=2")
    assert "Mostrando 51–61 de 61 candidaturas" in pagina.inner_text("main")


def test_devolver_con_observaciones_de_principio_a_fin(pagina):
    base = datos()
    entrar(pagina, base["partido"])
    nombre = base["persona"].nombre_completo

    pagina.goto(pagina.url_base + "/captura/?estado=enviado")
    pagina.click(f"text=Revisar y validar la captura de {nombre}")
    pagina.wait_for_url("**/captura/partido/*/")
    assert pagina.locator("button:has-text('Validar candidatura')").count() == 1
    revisar(pagina, "captura")

    # Sin razones: el mensaje, lo elegido se conserva y nada cambia.
    pagina.select_option("#id_parte", "propuestas")
    pagina.click("button:has-text('Devolver con observaciones')")
    pagina.wait_for_load_state()
    assert "Escribe las razones: la persona necesita saber qué corregir." in pagina.inner_text("main")
    assert pagina.locator("#id_parte").input_value() == "propuestas"
    revisar(pagina, "captura-devolver-error")
    assert CuestionarioCurricular.objects.get(pk=base["curricular"].pk).estado == Estado.ENVIADO

    pagina.fill("#id_razones", "Tu propuesta 2 repite la 1: escribe otra.")
    pagina.click("button:has-text('Devolver con observaciones')")
    pagina.wait_for_url("**/captura/")
    assert f"Devolviste la captura de {nombre}" in pagina.inner_text("main")
    assert pagina.locator("a[href$='?estado=devuelta']").text_content() == "1 devuelta con observaciones"
    revisar(pagina, "tablero-devuelta")
    assert CuestionarioCurricular.objects.get(pk=base["curricular"].pk).estado == Estado.EN_CAPTURA

    # La persona candidata ve las razones en su captura.
    pagina.context.clear_cookies()
    entrar(pagina, base["cuenta"].usuario)
    pagina.goto(pagina.url_base + f"/captura/{base['proceso'].slug}/curricular/")
    assert "Tu propuesta 2 repite la 1: escribe otra." in pagina.inner_text("main")
    revisar(pagina, "persona-devuelta")
