"""Mi sección (P8): las contiendas de la boleta de la sección, con quien encabeza cada opción."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
    SeccionFactory,
    crear_formula,
)

URL = reverse("decide:mi_seccion")


def persona(nombre):
    return PersonaFactory(nombre=nombre, primer_apellido="Prueba", segundo_apellido="")


@pytest.fixture
def boleta(db):
    """Sección 1234 (Nextlalpan, distrito 20) y un proceso con contiendas dentro y fuera de ella."""
    proceso = ProcesoElectoralFactory(slug="ordinario-2027", predeterminado=True)
    seccion = SeccionFactory(numero=1234, municipio=MunicipioFactory(clave_ieem=59, nombre="Nextlalpan"))
    pan = ActorPoliticoFactory(siglas="PAN", slug="pan")
    contiendas = {
        "gubernatura": EleccionFactory(proceso=proceso, gubernatura=True),
        "mr": EleccionFactory(proceso=proceso, distrito_local=seccion.distrito_local),
        "rp": EleccionFactory(proceso=proceso, representacion_proporcional=True),
        "ayuntamiento": EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=seccion.municipio),
        "otro_distrito": EleccionFactory(proceso=proceso),
        "otro_municipio": EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=MunicipioFactory()),
    }
    cargos = {
        "gubernatura": Candidatura.Cargo.GUBERNATURA,
        "ayuntamiento": Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        "otro_municipio": Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
    }
    for clave, eleccion in contiendas.items():
        CandidaturaFactory(
            eleccion=eleccion,
            actor=pan,
            cargo=cargos.get(clave, Candidatura.Cargo.DIPUTACION),
            persona=persona(f"Cabeza-{clave}"),
        )
    return seccion, contiendas


def test_lista_las_contiendas_de_la_boleta_con_quien_las_encabeza(client, boleta):
    respuesta = client.get(URL, {"seccion": "1234"})

    assertContains(respuesta, "Lo que se elige en tu sección")
    for clave in ("gubernatura", "mr", "rp", "ayuntamiento"):
        assertContains(respuesta, f"Cabeza-{clave} Prueba")
    assertContains(respuesta, "Ayuntamiento de Nextlalpan")
    assertNotContains(respuesta, "Cabeza-otro_distrito")
    assertNotContains(respuesta, "Cabeza-otro_municipio")


def test_cada_contienda_enlaza_a_su_listado_completo(client, boleta):
    respuesta = client.get(URL, {"seccion": "1234"})

    assertContains(respuesta, "/candidaturas/?proceso=ordinario-2027&amp;tipo=ayuntamiento&amp;municipio=59")
    assertContains(respuesta, "/candidaturas/?proceso=ordinario-2027&amp;tipo=diputacion_rp")


def test_solo_se_muestran_los_encabezados_no_las_suplencias(client, boleta):
    _seccion, contiendas = boleta
    CandidaturaFactory(
        eleccion=contiendas["ayuntamiento"],
        actor=ActorPoliticoFactory(siglas="PAN", slug="pan"),
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        calidad=Candidatura.Calidad.SUPLENTE,
        persona=persona("Suplencia"),
    )

    assertNotContains(client.get(URL, {"seccion": "1234"}), "Suplencia Prueba")


def test_en_la_extraordinaria_solo_aparece_el_ayuntamiento(client, boleta):
    seccion, _contiendas = boleta
    extraordinaria = ProcesoElectoralFactory(
        slug="extraordinaria-2027", nombre="Extraordinaria de Nextlalpan"
    )
    eleccion = EleccionFactory(proceso=extraordinaria, ayuntamiento=True, municipio=seccion.municipio)
    CandidaturaFactory(
        eleccion=eleccion,
        actor=ActorPoliticoFactory(siglas="MC", slug="mc"),
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        persona=persona("Extra"),
    )

    respuesta = client.get(URL, {"seccion": "1234", "proceso": "extraordinaria-2027"})

    assertContains(respuesta, "Extra Prueba")
    assertNotContains(respuesta, "Cabeza-mr")
    assertContains(respuesta, "Ver otro proceso")


def test_sin_proceso_lo_dice_y_sigue_mostrando_la_geografia(client, db):
    SeccionFactory(numero=4321)

    respuesta = client.get(URL, {"seccion": "4321"})

    assertContains(respuesta, "Todavía no hay un proceso electoral registrado")


@pytest.mark.parametrize("cantidad", [1, 50])
def test_mi_seccion_hace_las_mismas_consultas_con_1_o_50_candidaturas(
    client, boleta, django_assert_num_queries, cantidad
):
    _seccion, contiendas = boleta
    actores = [ActorPoliticoFactory() for _ in range(cantidad)]
    for actor in actores:
        crear_formula(
            eleccion=contiendas["ayuntamiento"], actor=actor, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL
        )

    # procesos abiertos; sección con municipio y distritos; contiendas; encabezados con persona y actor.
    with django_assert_num_queries(4):
        respuesta = client.get(URL, {"seccion": "1234"})

    assert respuesta.status_code == 200


@pytest.mark.django_db
def test_avisa_cuando_otro_proceso_abierto_tambien_vota_en_la_seccion(client):
    from tests.candidaturas.factories import EleccionFactory, ProcesoElectoralFactory, SeccionFactory

    seccion = SeccionFactory(numero=4321)
    ProcesoElectoralFactory(predeterminado=True, nombre="Ordinario 2027")
    extraordinario = ProcesoElectoralFactory(nombre="Extraordinaria de Nextlalpan 2027")
    EleccionFactory(proceso=extraordinario, ayuntamiento=True, municipio=seccion.municipio)
    ProcesoElectoralFactory(nombre="Extraordinaria de otro municipio")

    respuesta = client.get(reverse("decide:mi_seccion"), {"seccion": "4321"})

    assertContains(respuesta, "En esta sección también se vota en:")
    assertContains(respuesta, f"?seccion=4321&amp;proceso={extraordinario.slug}")
    assertNotContains(respuesta, "Extraordinaria de otro municipio</a>")
