"""Listado de candidaturas, Mi sección con su boleta y archivo de procesos en Chromium, con axe."""

import datetime

import pytest

from candidaturas.models import Candidatura, Persona
from candidaturas.services import cancelar_candidatura, sustituir_candidatura
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    DistritoLocalFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
    SeccionFactory,
    crear_formula,
    crear_planilla,
)
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]
TAMANOS = [("telefono", TELEFONO), ("escritorio", ESCRITORIO)]


@pytest.fixture
def registro():
    """Un proceso de demostración con planillas, fórmulas, una lista RP, una sustitución y una cancelación."""
    proceso = ProcesoElectoralFactory(
        slug="demo-2027",
        nombre="Proceso Electoral Local 2027 (demostración)",
        predeterminado=True,
        es_demostracion=True,
    )
    ProcesoElectoralFactory(slug="extra-2027", nombre="Extraordinaria de Nextlalpan 2027 (demostración)")
    distrito = DistritoLocalFactory(numero=20, cabecera="ZUMPANGO DE OCAMPO")
    municipio = MunicipioFactory(clave_ieem=59, nombre="Nextlalpan")
    SeccionFactory(numero=2345, municipio=municipio, distrito_local=distrito)
    actores = [
        ActorPoliticoFactory(siglas="PAN", slug="pan", nombre="Partido Acción Nacional", color="#0339a6"),
        ActorPoliticoFactory(siglas="MORENA", slug="morena", nombre="Morena", color="#a6032f"),
        ActorPoliticoFactory(siglas="MC", slug="mc", nombre="Movimiento Ciudadano", color="#f27405"),
    ]
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=municipio)
    mr = EleccionFactory(proceso=proceso, distrito_local=distrito)
    rp = EleccionFactory(proceso=proceso, representacion_proporcional=True)
    for posicion, actor in enumerate(actores):
        sexo = Persona.Sexo.MUJER if posicion % 2 == 0 else Persona.Sexo.HOMBRE
        crear_planilla(
            eleccion=ayuntamiento, actor=actor, sindicaturas=1, regidurias=4, sexo_presidencia=sexo
        )
        crear_formula(
            eleccion=mr, actor=actor, sexo=sexo, accion_afirmativa=Candidatura.AccionAfirmativa.JOVEN
        )
        for lugar in (1, 2, 3):
            crear_formula(eleccion=rp, actor=actor, numero=lugar)
    primera = Candidatura.objects.filter(eleccion=ayuntamiento, cargo=Candidatura.Cargo.SINDICATURA).first()
    sustituir_candidatura(
        candidatura=primera,
        persona=PersonaFactory(),
        fecha=datetime.date(2027, 5, 3),
        acuerdo="IEEM/CG/77/2027",
    )
    cancelar_candidatura(
        candidatura=Candidatura.objects.filter(
            eleccion=ayuntamiento, cargo=Candidatura.Cargo.REGIDURIA
        ).last(),
        fecha=datetime.date(2027, 5, 4),
        acuerdo="IEEM/CG/78/2027",
    )
    return proceso


@pytest.mark.parametrize(("nombre", "tamano"), TAMANOS)
def test_el_listado_es_accesible_y_se_filtra_desde_el_formulario(pagina, registro, nombre, tamano):
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/candidaturas/")
    assert pagina.get_by_text("Datos de demostración").first.is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"candidaturas-{nombre}")
    pagina.get_by_label("Tipo de elección").select_option("ayuntamiento")
    pagina.get_by_role("button", name="Aplicar filtros").click()

    pagina.wait_for_url("**tipo=ayuntamiento**")
    assert pagina.get_by_role("heading", name="Ayuntamiento de Nextlalpan").is_visible()
    assert pagina.get_by_role("heading", name="Diputación local, distrito 20").count() == 0
    assert pagina.get_by_text("Sustituye a").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"candidaturas-filtrado-{nombre}")


@pytest.mark.parametrize(("nombre", "tamano"), TAMANOS)
def test_un_filtro_invalido_es_accesible(pagina, registro, nombre, tamano):
    pagina.set_viewport_size(tamano)

    respuesta = pagina.goto(pagina.url_base + "/candidaturas/?sexo=otro")

    assert respuesta.status == 400
    assert pagina.get_by_text("no es una opción de este filtro").is_visible()
    afirmar_accesible(pagina)


@pytest.mark.parametrize(("nombre", "tamano"), TAMANOS)
def test_mi_seccion_muestra_la_boleta_y_es_accesible(pagina, registro, nombre, tamano):
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/mi-seccion/?seccion=2345")

    assert pagina.get_by_role("heading", name="Lo que se elige en tu sección").is_visible()
    assert pagina.get_by_role("heading", name="Diputación local de representación proporcional").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"mi-seccion-boleta-{nombre}")
    pagina.get_by_role(
        "link", name="Ver la integración completa: Ayuntamiento de Nextlalpan, con suplencias"
    ).click()
    pagina.wait_for_url("**/candidaturas/**municipio=59**")
    assert pagina.get_by_role("heading", name="Ayuntamiento de Nextlalpan").is_visible()


@pytest.mark.parametrize(("nombre", "tamano"), TAMANOS)
def test_el_archivo_de_procesos_es_accesible(pagina, registro, nombre, tamano):
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/procesos/")

    assert pagina.get_by_role("heading", name="Archivo").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"procesos-{nombre}")
