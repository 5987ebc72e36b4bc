"""Datos abiertos en los que se puede confiar (issue 15): estados distintos en su propia columna,
un tipo por columna (fechas reales en el XLSX, ISO 8601 en el CSV, números sin centinelas), el
diccionario con el tipo de cada columna, y la licencia y la cita en la página, el diccionario y
las propiedades del XLSX."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains

from candidaturas.models import Candidatura, ProcesoElectoral
from comun.exportar import Libro, escribir_xlsx, valor_csv
from conoceles import datos
from conoceles.tareas import construir_datos_abiertos
from tests.candidaturas.factories import (
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


@pytest.fixture
def eleccion():
    return EleccionFactory(proceso=ProcesoElectoralFactory(predeterminado=True))


def descargar(client, nombre, *args):
    # Las descargas sirven lo que la tarea de datos abiertos ya construyó.
    construir_datos_abiertos(ProcesoElectoral.objects.get(predeterminado=True))
    respuesta = client.get(reverse(nombre, args=args))
    assert respuesta.status_code == 200, respuesta.status_code
    return b"".join(respuesta.streaming_content)


def hoja_csv(client, hoja):
    contenido = descargar(client, "conoceles:datos_csv", hoja).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(contenido)))


def libro(client):
    return load_workbook(io.BytesIO(descargar(client, "conoceles:datos_xlsx")))


def por_id(filas):
    return {int(f["ID_CANDIDATURA"]): f for f in filas}


def filas_xlsx(hoja):
    filas = list(hoja.iter_rows())
    encabezados = [c.value for c in filas[0]]
    return [dict(zip(encabezados, fila, strict=True)) for fila in filas[1:]]


# --- Estados ----------------------------------------------------------------------------------------


@pytest.fixture
def una_candidatura_por_estado(eleccion):
    """{estado: candidatura} para cada estado de la hoja de identidad."""
    numero = iter(range(1, 100))

    def nueva():
        return CandidaturaFactory(eleccion=eleccion, numero=next(numero))

    publicada, revision, no_autorizo, no_capturo = nueva(), nueva(), nueva(), nueva()
    publicar_curricular(publicada)
    responder_identidad(publicada, {1: "si", 3: "no_aplica", 4: "no"})
    enviar_curricular(revision)
    responder_identidad(revision, {1: "si"}, publicada=False)
    publicar_curricular(no_autorizo)
    responder_identidad(no_autorizo, {1: "si"}, publicacion=False)
    return {
        datos.PUBLICADA: publicada,
        datos.EN_REVISION: revision,
        datos.NO_AUTORIZO: no_autorizo,
        datos.NO_CAPTURO: no_capturo,
    }


@pytest.mark.django_db
def test_cada_candidatura_tiene_su_estado_de_identidad(client, una_candidatura_por_estado):
    filas = por_id(hoja_csv(client, "identidad"))

    for estado, candidatura in una_candidatura_por_estado.items():
        assert filas[candidatura.pk]["ESTADO_IDENTIDAD"] == estado
    sin_publicar = [c for e, c in una_candidatura_por_estado.items() if e != datos.PUBLICADA]
    for candidatura in sin_publicar:
        fila = filas[candidatura.pk]
        assert fila["P01_INDIGENA"] == fila["P01_INDIGENA_ESTADO"] == ""


@pytest.mark.django_db
def test_quien_nunca_capturo_no_se_confunde_con_quien_no_autorizo(client, eleccion):
    CandidaturaFactory(eleccion=eleccion)

    fila = hoja_csv(client, "identidad")[0]

    assert fila["ESTADO_IDENTIDAD"] == datos.NO_CAPTURO
    assert datos.NO_AUTORIZO not in fila.values()


@pytest.mark.django_db
def test_cada_candidatura_tiene_su_estado_curricular(client, una_candidatura_por_estado):
    filas = por_id(hoja_csv(client, "curricular"))
    estados = {e: c.pk for e, c in una_candidatura_por_estado.items()}

    assert filas[estados[datos.PUBLICADA]]["ESTADO_CAPTURA"] == datos.PUBLICADA
    assert filas[estados[datos.EN_REVISION]]["ESTADO_CAPTURA"] == datos.EN_REVISION
    assert filas[estados[datos.NO_CAPTURO]]["ESTADO_CAPTURA"] == datos.NO_CAPTURO


@pytest.mark.django_db
def test_la_respuesta_no_aplica_no_se_confunde_con_el_estado_no_aplica(client, una_candidatura_por_estado):
    fila = por_id(hoja_csv(client, "identidad"))[una_candidatura_por_estado[datos.PUBLICADA].pk]

    # «No aplica» del catálogo (P03) es una respuesta: va en la columna con estado CONTESTÓ.
    assert (fila["P03_INDIGENA"], fila["P03_INDIGENA_ESTADO"]) == ("No aplica", datos.CONTESTO)
    # P05 depende de «Sí» en P04 y contestó «No»: la pregunta no aplica, la celda va vacía.
    assert (fila["P05_DISCAPACIDAD"], fila["P05_DISCAPACIDAD_ESTADO"]) == ("", datos.NO_APLICA)
    assert (fila["P01_INDIGENA"], fila["P01_INDIGENA_ESTADO"]) == ("Sí", datos.CONTESTO)


@pytest.mark.django_db
def test_cada_estado_se_explica_en_el_diccionario_y_la_pagina(client, eleccion):
    diccionario = hoja_csv(client, "diccionario")
    respuesta = client.get(reverse("conoceles:datos"))

    explicados = {f["columna"] for f in diccionario if f["hoja"] == "(estados)"}
    assert explicados == {
        "PUBLICADA",
        "EN REVISIÓN",
        "NO CAPTURÓ",
        "NO AUTORIZÓ PUBLICACIÓN",
        "CONTESTÓ",
        "PREFIRIÓ NO CONTESTAR",
        "NO APLICA",
        "NO CONTESTÓ",
    }
    for estado in explicados:
        assertContains(respuesta, f"<code>{estado}</code>")


# --- Tipos ----------------------------------------------------------------------------------------


@pytest.fixture
def mayoria_y_ayuntamiento(eleccion):
    ayuntamiento = EleccionFactory(proceso=eleccion.proceso, ayuntamiento=True, municipio__nombre="Ocuilan")
    mr = CandidaturaFactory(
        eleccion=eleccion, persona=PersonaFactory(fecha_nacimiento=datetime.date(1980, 1, 2))
    )
    regiduria = CandidaturaFactory(
        eleccion=ayuntamiento,
        cargo=Candidatura.Cargo.REGIDURIA,
        numero=3,
        persona=PersonaFactory(fecha_nacimiento=None, edad_registrada=None),
    )
    publicar_curricular(mr)
    return mr, regiduria


COLUMNAS_ENTERAS = ["ID_CANDIDATURA", "NUM_LISTA_O_FORMULA", "DISTRITO_LOCAL", "EDAD"]


@pytest.mark.django_db
def test_en_el_xlsx_los_numeros_son_numeros_y_las_fechas_fechas(client, mayoria_y_ayuntamiento):
    mr, regiduria = mayoria_y_ayuntamiento
    documento = libro(client)

    for nombre in ("curricular", "identidad"):
        filas = {f["ID_CANDIDATURA"].value: f for f in filas_xlsx(documento[nombre])}
        for columna in COLUMNAS_ENTERAS:
            for fila in filas.values():
                assert fila[columna].value is None or isinstance(fila[columna].value, int), (nombre, columna)
        assert filas[mr.pk]["DISTRITO_LOCAL"].value == mr.eleccion.distrito_local.numero
        assert filas[regiduria.pk]["DISTRITO_LOCAL"].value is None
        assert filas[regiduria.pk]["MUNICIPIO"].value == "Ocuilan"
        assert filas[mr.pk]["MUNICIPIO"].value is None
        assert filas[regiduria.pk]["NUM_LISTA_O_FORMULA"].value == 3
        assert filas[regiduria.pk]["EDAD"].value is None
        assert isinstance(filas[mr.pk]["EDAD"].value, int)
    curricular = {f["ID_CANDIDATURA"].value: f for f in filas_xlsx(documento["curricular"])}
    fecha = curricular[mr.pk]["FECHA_PUBLICACION"]
    assert fecha.is_date
    assert isinstance(fecha.value, datetime.datetime)
    assert curricular[regiduria.pk]["FECHA_PUBLICACION"].value is None


@pytest.mark.django_db
def test_en_el_csv_las_fechas_van_en_iso_8601_y_los_numeros_sin_centinelas(client, mayoria_y_ayuntamiento):
    mr, regiduria = mayoria_y_ayuntamiento
    filas = por_id(hoja_csv(client, "curricular"))

    publicada = datetime.datetime.fromisoformat(filas[mr.pk]["FECHA_PUBLICACION"])
    assert publicada.tzinfo is not None
    assert "T" in filas[mr.pk]["FECHA_PUBLICACION"]
    assert filas[regiduria.pk]["FECHA_PUBLICACION"] == ""
    for fila in filas.values():
        for columna in COLUMNAS_ENTERAS:
            assert fila[columna] == "" or fila[columna].isdigit(), (columna, fila[columna])
    assert filas[regiduria.pk]["DISTRITO_LOCAL"] == ""


@pytest.mark.django_db
def test_el_diccionario_dice_el_tipo_de_cada_columna(client, eleccion):
    CandidaturaFactory(eleccion=eleccion)
    diccionario = hoja_csv(client, "diccionario")
    documento = libro(client)

    tipos = {(f["hoja"], f["columna"]): f["tipo"] for f in diccionario}
    for hoja in ("curricular", "identidad"):
        for columna in next(documento[hoja].iter_rows(values_only=True)):
            assert tipos[(hoja, columna)] in {"entero", "texto", "categoría", "fecha y hora", "URL"}
    assert tipos[("curricular", "DISTRITO_LOCAL")] == "entero"
    assert tipos[("curricular", "FECHA_PUBLICACION")] == "fecha y hora"
    assert tipos[("identidad", "ESTADO_IDENTIDAD")] == "categoría"
    assertContains(client.get(reverse("conoceles:datos")), "<td>fecha y hora</td>")


def test_el_csv_escribe_fechas_en_iso_8601():
    zona = datetime.timezone(datetime.timedelta(hours=-6))
    assert valor_csv(datetime.datetime(2027, 5, 20, 18, 30, tzinfo=zona)) == "2027-05-20T18:30:00-06:00"
    assert valor_csv(datetime.date(2027, 6, 6)) == "2027-06-06"
    assert valor_csv(None) == ""
    assert valor_csv(7) == 7


def test_un_libro_sin_propiedades_se_escribe_igual():
    destino = io.BytesIO()
    escribir_xlsx(destino, [("hoja", ["A"], [[1]])])
    destino.seek(0)

    assert load_workbook(destino)["hoja"]["A2"].value == 1


# --- Licencia y cita ---------------------------------------------------------------------------------


def test_la_licencia_esta_en_una_constante_que_otros_pueden_importar():
    from conoceles.datos import LICENCIA

    assert LICENCIA.clave == "CC-BY-4.0"
    assert LICENCIA.url.startswith("https://creativecommons.org/licenses/by/4.0/")


@pytest.mark.django_db
def test_la_pagina_de_datos_dice_la_licencia_y_como_citar(client, eleccion):
    respuesta = client.get(reverse("conoceles:datos"))

    assertContains(respuesta, "Licencia y cómo citar")
    assertContains(respuesta, f'href="{datos.LICENCIA.url}" rel="license"')
    assertContains(respuesta, "Instituto Electoral del Estado de México (IEEM)")
    assertContains(respuesta, eleccion.proceso.nombre)


@pytest.mark.django_db
def test_el_diccionario_lleva_la_licencia_y_la_cita(client, eleccion):
    metadatos = {
        f["columna"]: f["significado"] for f in hoja_csv(client, "diccionario") if f["hoja"] == "(metadatos)"
    }

    assert "CC BY 4.0" in metadatos["LICENCIA"]
    assert datos.LICENCIA.url in metadatos["LICENCIA"]
    assert "Conóceles" in metadatos["COMO_CITAR"]


@pytest.mark.django_db
def test_el_xlsx_lleva_la_licencia_en_sus_propiedades_y_su_diccionario(client, eleccion):
    CandidaturaFactory(eleccion=eleccion)

    documento = libro(client)

    assert documento.properties.creator == datos.AUTORIA
    assert eleccion.proceso.nombre in documento.properties.title
    assert "CC BY 4.0" in documento.properties.description
    personalizadas = {p.name: p.value for p in documento.custom_doc_props.props}
    assert personalizadas["URL de la licencia"] == datos.LICENCIA.url
    diccionario = filas_xlsx(documento["diccionario"])
    assert any(
        f["columna"].value == "LICENCIA" and "CC BY 4.0" in f["significado"].value for f in diccionario
    )


def test_libro_es_una_lista_de_hojas_con_propiedades():
    hojas = Libro([("a", [], [])], propiedades={"title": "T"})

    assert list(hojas) == [("a", [], [])]
    assert hojas.propiedades == {"title": "T"}


@pytest.mark.parametrize("cuantas", [1, 12])
@pytest.mark.django_db
def test_construir_los_archivos_hace_las_mismas_consultas(django_assert_num_queries, eleccion, cuantas):
    for numero in range(1, cuantas + 1):
        candidatura = CandidaturaFactory(eleccion=eleccion, numero=numero)
        publicar_curricular(candidatura)
        responder_identidad(candidatura, {1: "si"})

    # La tarea de datos abiertos: catálogo, por hoja actores, contiendas, candidaturas y un bloque de
    # cuestionarios o respuestas, y el registro del corte. Lo mismo con 1 que con 12 candidaturas.
    with django_assert_num_queries(17):
        construir_datos_abiertos(eleccion.proceso)
