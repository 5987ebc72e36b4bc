"""Listado público de fórmulas y planillas (P6), sus descargas y el archivo de procesos (P15)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, Persona
from candidaturas.services import cancelar_candidatura, sustituir_candidatura
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
    crear_formula,
    crear_planilla,
)

URL = reverse("candidaturas:lista")


@pytest.fixture
def proceso(db):
    return ProcesoElectoralFactory(slug="ordinario-2027", predeterminado=True)


@pytest.fixture
def ayuntamiento(proceso):
    return EleccionFactory(
        proceso=proceso, ayuntamiento=True, municipio=MunicipioFactory(clave_ieem=59, nombre="Nextlalpan")
    )


@pytest.fixture
def pan(db):
    return ActorPoliticoFactory(siglas="PAN", slug="pan", nombre="Partido Acción Nacional")


def test_muestra_cada_integrante_de_la_planilla_con_su_suplente(client, ayuntamiento, pan):
    planilla = crear_planilla(eleccion=ayuntamiento, actor=pan, sindicaturas=1, regidurias=2)

    respuesta = client.get(URL)

    assertContains(respuesta, "Ayuntamiento de Nextlalpan")
    assertContains(respuesta, "Partido Acción Nacional")
    for lugar in ("Presidencia municipal", "Sindicatura 1", "Regiduría 1", "Regiduría 2"):
        assertContains(respuesta, lugar)
    for candidatura in planilla:
        assertContains(respuesta, candidatura.persona.nombre_completo)
    assertContains(respuesta, "<dt>Suplente</dt>", count=4)  # uno por lugar


def test_marca_quien_sustituye_a_quien(client, ayuntamiento, pan):
    anterior, _suplente = crear_formula(
        eleccion=ayuntamiento, actor=pan, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL
    )
    nueva_persona = PersonaFactory(nombre="Rosa", primer_apellido="Ibarra", segundo_apellido="")
    sustituir_candidatura(
        candidatura=anterior,
        persona=nueva_persona,
        fecha=datetime.date(2027, 5, 3),
        acuerdo="IEEM/CG/77/2027",
    )

    respuesta = client.get(URL)

    assertContains(
        respuesta,
        f"Sustituye a {anterior.persona.nombre_completo} desde el 3 de mayo de 2027 "
        "(acuerdo IEEM/CG/77/2027)",
    )
    assertContains(respuesta, "Rosa Ibarra")


def test_una_candidatura_cancelada_se_ve_como_cancelada(client, ayuntamiento, pan):
    propietaria, _suplente = crear_formula(
        eleccion=ayuntamiento, actor=pan, cargo=Candidatura.Cargo.REGIDURIA
    )
    cancelar_candidatura(candidatura=propietaria, fecha=datetime.date(2027, 5, 4), acuerdo="IEEM/CG/78/2027")

    respuesta = client.get(URL)

    assertContains(respuesta, "Candidatura cancelada el 4 de mayo de 2027")


def test_un_proceso_de_demostracion_lo_advierte(client, ayuntamiento, pan):
    ayuntamiento.proceso.es_demostracion = True
    ayuntamiento.proceso.save()
    crear_formula(eleccion=ayuntamiento, actor=pan, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)

    assertContains(client.get(URL), "Datos de demostración")


def test_sin_procesos_explica_que_aun_no_hay_candidaturas(client, db):
    assertContains(client.get(URL), "Todavía no hay un proceso electoral registrado")


@pytest.mark.parametrize(
    "filtro, visible, oculta",
    [
        ("tipo=ayuntamiento", "Ana Planilla", "Beto Distrito"),
        ("tipo=diputacion_mr", "Beto Distrito", "Ana Planilla"),
        ("municipio=59", "Ana Planilla", "Beto Distrito"),
        ("actor=mc", "Beto Distrito", "Ana Planilla"),
        ("sexo=hombre", "Beto Distrito", "Ana Planilla"),
    ],
)
def test_los_filtros_en_la_url_dejan_solo_lo_pedido(client, ayuntamiento, pan, filtro, visible, oculta):
    mr = EleccionFactory(proceso=ayuntamiento.proceso)
    mc = ActorPoliticoFactory(siglas="MC", slug="mc")
    CandidaturaFactory(
        eleccion=ayuntamiento,
        actor=pan,
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        persona=PersonaFactory(nombre="Ana", primer_apellido="Planilla", segundo_apellido=""),
    )
    CandidaturaFactory(
        eleccion=mr,
        actor=mc,
        persona=PersonaFactory(
            nombre="Beto", primer_apellido="Distrito", segundo_apellido="", sexo=Persona.Sexo.HOMBRE
        ),
    )

    respuesta = client.get(f"{URL}?{filtro}")

    assertContains(respuesta, visible)
    assertNotContains(respuesta, oculta)


@pytest.mark.parametrize(
    "filtro", ["tipo=senaduria", "municipio=999", "municipio=abc", "actor=nadie", "sexo=x"]
)
def test_un_filtro_invalido_da_400_con_mensaje_y_no_500(client, ayuntamiento, pan, filtro):
    crear_formula(eleccion=ayuntamiento, actor=pan, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)

    respuesta = client.get(f"{URL}?{filtro}")

    assert respuesta.status_code == 400
    assertContains(respuesta, "No pudimos aplicar esos filtros", status_code=400)
    assertContains(respuesta, "no es una opción de este filtro", status_code=400)


def test_un_municipio_con_la_rp_es_una_combinacion_invalida(client, ayuntamiento, pan):
    crear_formula(eleccion=ayuntamiento, actor=pan, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)

    respuesta = client.get(f"{URL}?tipo=diputacion_rp&municipio=59")

    assertContains(respuesta, "son de todo el estado", status_code=400)


def test_se_pagina_por_contienda_sin_partir_una_planilla(client, proceso, pan, monkeypatch):
    monkeypatch.setattr("candidaturas.views.CONTIENDAS_POR_PAGINA", 5)
    municipios = [MunicipioFactory(nombre=f"Municipio {n:02d}") for n in range(7)]
    for municipio in municipios:
        eleccion = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=municipio)
        crear_planilla(eleccion=eleccion, actor=pan, sindicaturas=2, regidurias=9)

    primera = client.get(URL)
    segunda = client.get(f"{URL}?pagina=2")

    assertContains(primera, "Ayuntamiento de Municipio 04")
    assertNotContains(primera, "Ayuntamiento de Municipio 05")
    assertContains(segunda, "Ayuntamiento de Municipio 06")
    assertContains(segunda, "Regiduría 9", count=2)  # las dos planillas de la página, completas
    assertContains(primera, "Contiendas 1 a 5 de 7")
    assertContains(segunda, 'rel="prev"')


def test_un_proceso_archivado_sigue_consultable(client, ayuntamiento, pan):
    archivado = ProcesoElectoralFactory(slug="ordinario-2024", nombre="Proceso 2024", archivado=True)
    eleccion = EleccionFactory(proceso=archivado, ayuntamiento=True, municipio=ayuntamiento.municipio)
    CandidaturaFactory(
        eleccion=eleccion,
        actor=pan,
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        persona=PersonaFactory(nombre="Clara", primer_apellido="Archivo", segundo_apellido=""),
    )

    respuesta = client.get(f"{URL}?proceso=ordinario-2024")

    assertContains(respuesta, "Proceso concluido (archivo)")
    assertContains(respuesta, "Clara Archivo")
    assertNotContains(client.get(URL), "Clara Archivo")


def test_un_proceso_que_no_existe_da_404(client, proceso):
    assert client.get(f"{URL}?proceso=no-existe").status_code == 404


@pytest.mark.parametrize("cantidad", [1, 50])
def test_el_listado_hace_las_mismas_consultas_con_1_o_50_candidaturas(
    client, proceso, django_assert_num_queries, cantidad
):
    actores = [ActorPoliticoFactory() for _ in range(5)]
    for n in range(cantidad):
        eleccion = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=MunicipioFactory())
        CandidaturaFactory(
            eleccion=eleccion, actor=actores[n % 5], cargo=Candidatura.Cargo.REGIDURIA, numero=n + 1
        )
    sustituir_candidatura(
        candidatura=Candidatura.objects.first(),
        persona=PersonaFactory(),
        fecha=datetime.date(2027, 5, 1),
        acuerdo="A",
    )

    # procesos abiertos; municipios, distritos y actores del filtro; conteo y página de
    # contiendas; candidaturas de la página (con persona, actor, ámbito y sustituida).
    with django_assert_num_queries(7):
        respuesta = client.get(URL)

    assert respuesta.status_code == 200


def test_la_pagina_del_listado_sale_de_la_cache_la_segunda_vez(
    client, ayuntamiento, pan, django_assert_num_queries
):
    crear_formula(eleccion=ayuntamiento, actor=pan, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)
    client.get(URL)

    with django_assert_num_queries(0):
        client.get(URL)


# --- Descargas ----------------------------------------------------------------------------------


@pytest.fixture
def con_dos_contiendas(ayuntamiento, pan):
    crear_planilla(eleccion=ayuntamiento, actor=pan, sindicaturas=1, regidurias=1)
    mr = EleccionFactory(proceso=ayuntamiento.proceso)
    CandidaturaFactory(
        eleccion=mr,
        actor=ActorPoliticoFactory(siglas="MC", slug="mc"),
        persona=PersonaFactory(nombre="=cmd()", primer_apellido="@SUMA", segundo_apellido=""),
    )
    return ayuntamiento


def test_el_csv_trae_exactamente_lo_filtrado(client, con_dos_contiendas):
    respuesta = client.get(reverse("candidaturas:descargar", args=["csv"]) + "?tipo=ayuntamiento")

    contenido = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    filas = list(csv.DictReader(io.StringIO(contenido)))
    assert len(filas) == 6  # presidencia, sindicatura y regiduría, con sus suplentes
    assert {f["tipo_de_eleccion"] for f in filas} == {"Ayuntamiento"}
    assert filas[0]["cargo"] == "Presidencia municipal" and filas[0]["municipio"] == "Nextlalpan"
    assert respuesta["Content-Disposition"] == 'attachment; filename="candidaturas-ordinario-2027.csv"'


def test_el_xlsx_trae_todo_el_proceso_con_las_celdas_peligrosas_escapadas(client, con_dos_contiendas):
    respuesta = client.get(reverse("candidaturas:descargar", args=["xlsx"]))

    libro = load_workbook(io.BytesIO(b"".join(respuesta.streaming_content)), read_only=True)
    filas = list(libro.active.iter_rows(values_only=True))
    assert filas[0][0] == "id" and len(filas) == 1 + 7
    nombres = [fila[10] for fila in filas[1:]]
    assert "'=cmd() @SUMA" in nombres
    assert not any(str(n).startswith(("=", "@")) for n in nombres)


def test_descargar_en_otro_formato_da_404(client, con_dos_contiendas):
    assert client.get(reverse("candidaturas:descargar", args=["pdf"])).status_code == 404


def test_descargar_con_un_filtro_invalido_da_400(client, con_dos_contiendas):
    respuesta = client.get(reverse("candidaturas:descargar", args=["csv"]) + "?sexo=x")

    assert respuesta.status_code == 400


# --- Archivo de procesos (P15) ------------------------------------------------------------------


def test_la_pagina_de_procesos_separa_los_abiertos_del_archivo(client, proceso):
    ProcesoElectoralFactory(slug="extraordinaria-2027", nombre="Extraordinaria de Nextlalpan 2027")
    ProcesoElectoralFactory(slug="ordinario-2024", nombre="Proceso Ordinario 2024", archivado=True)

    respuesta = client.get(reverse("procesos"))

    contenido = respuesta.content.decode()
    assert contenido.index("Extraordinaria de Nextlalpan 2027") < contenido.index("Archivo")
    assert contenido.index("Archivo") < contenido.index("Proceso Ordinario 2024")
    assertContains(respuesta, f"{URL}?proceso=ordinario-2024")
