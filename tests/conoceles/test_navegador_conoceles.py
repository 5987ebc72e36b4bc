"""Buscar → filtrar → perfil → comparar, en Chromium a ancho de teléfono y de escritorio, con axe."""

import datetime

import pytest

from candidaturas.models import Persona
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.conoceles.factories import publicar, responder_identidad
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def contienda():
    proceso = ProcesoElectoralFactory(
        predeterminado=True, es_demostracion=True, fecha_jornada=datetime.date(2027, 6, 6)
    )
    eleccion = EleccionFactory(proceso=proceso)
    ana = CandidaturaFactory(
        eleccion=eleccion,
        actor=ActorPoliticoFactory(siglas="PAN", nombre="Partido Acción Nacional", color="#0339a6"),
        persona=PersonaFactory(nombre="Ana", primer_apellido="Pérez", segundo_apellido="Ruiz"),
    )
    luis = CandidaturaFactory(
        eleccion=eleccion,
        actor=ActorPoliticoFactory(
            siglas="PRI", nombre="Partido Revolucionario Institucional", color="#038C33"
        ),
        persona=PersonaFactory(
            nombre="Luis", primer_apellido="Gómez", segundo_apellido="Díaz", sexo=Persona.Sexo.HOMBRE
        ),
    )
    publicar(ana, propuesta_1="Agua potable en todas las colonias", facebook="https://facebook.com/anaperez")
    responder_identidad(ana)
    return ana, luis


@pytest.mark.parametrize(("nombre", "tamano"), [("telefono", TELEFONO), ("escritorio", ESCRITORIO)])
def test_buscar_filtrar_ver_perfil_y_comparar(pagina, contienda, nombre, tamano):
    ana, luis = contienda
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/conoceles/")
    afirmar_accesible(pagina)
    capturar(pagina, f"conoceles-{nombre}")

    pagina.get_by_label("Nombre").fill("perez")
    pagina.get_by_role("button", name="Buscar").click()
    pagina.wait_for_url("**/conoceles/?**")
    assert pagina.get_by_role("heading", name="1 candidatura").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"conoceles-busqueda-{nombre}")

    pagina.get_by_role("link", name="Ana Pérez Ruiz").click()
    pagina.wait_for_url(f"**/conoceles/{ana.pk}/")
    assert "Agua potable en todas las colonias" in pagina.content()
    afirmar_accesible(pagina)
    capturar(pagina, f"conoceles-perfil-{nombre}")

    pagina.get_by_role("link", name="Ver y comparar su contienda").click()
    pagina.get_by_label("Comparar").nth(0).check()
    pagina.get_by_label("Comparar").nth(1).check()
    pagina.get_by_role("button", name="Comparar las marcadas").click()
    pagina.wait_for_url("**/conoceles/comparar/**")
    assert pagina.get_by_role("heading", name="Luis Gómez Díaz").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"conoceles-comparar-{nombre}")


def test_los_filtros_invalidos_y_la_comparacion_rechazada_son_accesibles(pagina, contienda):
    pagina.goto(pagina.url_base + "/conoceles/?sexo=otro")
    afirmar_accesible(pagina)
    pagina.goto(pagina.url_base + f"/conoceles/comparar/?id={contienda[0].pk}")
    afirmar_accesible(pagina)
