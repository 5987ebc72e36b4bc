"""Estadísticas y datos abiertos de Conóceles en Chromium real, a 375 y 1280 px, con axe."""

import pytest

from candidaturas.models import Candidatura, Persona
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.conoceles.factories_cuestionarios import (
    enviar_curricular,
    publicar_curricular,
    responder_identidad,
)
from tests.navegador import CARPETA_CAPTURAS, ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _proceso_con_datos():
    proceso = ProcesoElectoralFactory(predeterminado=True, es_demostracion=True)
    mr = EleccionFactory(proceso=proceso)
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio__nombre="Valle de Bravo")
    for indice, actor in enumerate([ActorPoliticoFactory(siglas="PRA"), ActorPoliticoFactory(siglas="PRB")]):
        for numero in range(1, 9):
            sexo = Persona.Sexo.MUJER if numero % 2 else Persona.Sexo.HOMBRE
            candidatura = CandidaturaFactory(
                eleccion=ayuntamiento if numero > 2 else mr,
                actor=actor,
                cargo=Candidatura.Cargo.REGIDURIA if numero > 2 else Candidatura.Cargo.DIPUTACION,
                numero=numero,
                persona=PersonaFactory(sexo=sexo),
            )
            if numero <= 6 - indice:
                publicar_curricular(candidatura, grado_estudios="licenciatura")
                responder_identidad(candidatura, {1: "no", 4: "si", 5: "permanente", 6: ["fisica"]})
            elif numero == 7:
                enviar_curricular(candidatura)
    return proceso


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_las_estadisticas_se_leen_y_son_accesibles(pagina, nombre, tamano):
    _proceso_con_datos()
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/conoceles/estadisticas/")

    assert pagina.get_by_role("heading", level=1).inner_text() == "Estadísticas de Conóceles"
    assert pagina.get_by_text("Cómo protegemos a las personas").is_visible()
    pagina.get_by_text("Ver la tabla de 1 municipio").click()
    assert pagina.get_by_role("rowheader", name="Valle de Bravo").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"conoceles-estadisticas-{nombre}")

    pagina.get_by_label("Cargo", exact=True).select_option("regiduria")
    pagina.get_by_role("button", name="Ver estadísticas").click()
    pagina.wait_for_url("**cargo=regiduria**")
    assert pagina.get_by_text("Estás viendo sólo las candidaturas a").is_visible()
    afirmar_accesible(pagina)


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_los_datos_abiertos_se_descargan_y_son_accesibles(pagina, nombre, tamano):
    from conoceles.tareas import construir_datos_abiertos

    construir_datos_abiertos(_proceso_con_datos())  # lo que hace el worker tras cada publicación
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/conoceles/datos/")

    assert pagina.get_by_role("heading", level=1).inner_text() == "Datos abiertos de Conóceles"
    assert pagina.get_by_text("SHA-256").first.is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"conoceles-datos-{nombre}")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Libro de Excel (XLSX) con las dos hojas").click()
    assert descarga.value.suggested_filename.endswith(".xlsx")


def _proceso_con_grupos():
    """Un proceso con personas registradas por acción afirmativa que contestaron el cuestionario."""
    proceso = ProcesoElectoralFactory(predeterminado=True, es_demostracion=True)
    mr = EleccionFactory(proceso=proceso)
    numero = 0
    for siglas, cuantas in (("PRA", 12), ("PRB", 9), ("PRC", 2)):
        actor = ActorPoliticoFactory(siglas=siglas)
        for i in range(cuantas):
            numero += 1
            candidatura = CandidaturaFactory(
                eleccion=mr,
                actor=actor,
                numero=i + 1,
                accion_afirmativa=Candidatura.AccionAfirmativa.INDIGENA if i < 10 else "",
                persona=PersonaFactory(sexo=Persona.Sexo.MUJER if numero % 3 else Persona.Sexo.HOMBRE),
            )
            publicar_curricular(candidatura)
            respuesta = "si" if i < 5 else ("no" if i < 9 else "prefiero_no_contestar")
            responder_identidad(candidatura, {1: respuesta, 16: "si" if numero % 2 else "no", 17: "no"})
    return proceso


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_los_grupos_del_art_4_se_leen_y_son_accesibles(pagina, nombre, tamano):
    _proceso_con_grupos()
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/conoceles/estadisticas/")

    seccion = pagina.locator("section[aria-labelledby=titulo-grupos]")
    assert seccion.get_by_role(
        "heading", name="Acciones afirmativas: registro frente a la identidad que se declara"
    ).is_visible()
    assert seccion.get_by_role("rowheader", name="Persona indígena").first.is_visible()
    pagina.get_by_text(
        "Ver las gráficas de «Grupos por partido, coalición o candidatura independiente»"
    ).click()
    assert pagina.locator("#grafica-grupos-actor-indigena-titulo").is_visible()
    afirmar_accesible(pagina)
    CARPETA_CAPTURAS.mkdir(exist_ok=True)
    seccion.screenshot(path=str(CARPETA_CAPTURAS / f"conoceles-estadisticas-grupos-{nombre}.png"))

    pagina.get_by_label("Partido, coalición o candidatura independiente", exact=True).select_option(
        label="PRA · Partido PRA"
    )
    pagina.get_by_role("button", name="Ver estadísticas").click()
    pagina.wait_for_url("**actor=pra**")
    assert pagina.get_by_text("Filtros aplicados a todas las cifras de la página").is_visible()
    afirmar_accesible(pagina)
    pagina.locator("section.filtros").screenshot(
        path=str(CARPETA_CAPTURAS / f"conoceles-estadisticas-filtros-{nombre}.png")
    )

    pagina.goto(pagina.url_base + "/conoceles/estadisticas/?actor=no-existe")
    assert pagina.get_by_role("alert").is_visible()
    assert pagina.get_by_text(
        "Elige un partido, coalición o candidatura independiente de la lista"
    ).is_visible()
    afirmar_accesible(pagina)
