"""Datos abiertos de Conóceles (C11): XLSX de dos hojas unidas por ID, CSV, escapes, centinelas,
consentimiento de publicación, diccionario y consultas fijas."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains

from candidaturas.models import Candidatura, ProcesoElectoral
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

INYECCION = '=HYPERLINK("http://malo.example/","Da clic")'


@pytest.fixture
def eleccion():
    return EleccionFactory(proceso=ProcesoElectoralFactory(predeterminado=True))


def generar():
    """Lo que hace la tarea tras cada cambio: las descargas sólo sirven lo ya construido."""
    construir_datos_abiertos(ProcesoElectoral.objects.get(predeterminado=True))


def descargar(client, nombre, **parametros):
    generar()
    respuesta = client.get(reverse(nombre, args=parametros.pop("args", [])), parametros)
    assert respuesta.status_code == 200, respuesta.status_code
    return b"".join(respuesta.streaming_content)


def hoja_csv(client, hoja):
    contenido = descargar(client, "conoceles:datos_csv", args=[hoja]).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(contenido)))


def libro(client):
    return load_workbook(io.BytesIO(descargar(client, "conoceles:datos_xlsx")), read_only=True)


def filas_de(hoja):
    filas = list(hoja.iter_rows(values_only=True))
    # En modo de sólo lectura openpyxl recorta las celdas vacías al final de una fila.
    return [
        dict(zip(filas[0], fila + (None,) * (len(filas[0]) - len(fila)), strict=True)) for fila in filas[1:]
    ]


@pytest.mark.django_db
def test_el_xlsx_tiene_dos_hojas_que_se_unen_por_el_id(client, eleccion):
    uno, dos = CandidaturaFactory(eleccion=eleccion), CandidaturaFactory(eleccion=eleccion, numero=2)
    publicar_curricular(uno)
    responder_identidad(dos, {1: "si"})

    documento = libro(client)

    assert documento.sheetnames == ["curricular", "identidad", "diccionario"]
    curricular, identidad = filas_de(documento["curricular"]), filas_de(documento["identidad"])
    assert {f["ID_CANDIDATURA"] for f in curricular} == {uno.pk, dos.pk}
    assert {f["ID_CANDIDATURA"] for f in identidad} == {uno.pk, dos.pk}
    por_id = {f["ID_CANDIDATURA"]: f for f in identidad}
    assert por_id[dos.pk]["P01_INDIGENA"] == "Sí"
    assert por_id[dos.pk]["NOMBRE_CANDIDATO"] == dos.persona.nombre_completo


@pytest.mark.django_db
def test_el_xlsx_escapa_las_formulas(client, eleccion):
    publicar_curricular(CandidaturaFactory(eleccion=eleccion), propuesta_1=INYECCION)

    fila = filas_de(libro(client)["curricular"])[0]

    assert fila["PROPUESTA_1"] == "'" + INYECCION


@pytest.mark.django_db
def test_el_csv_escapa_las_formulas(client, eleccion):
    candidatura = CandidaturaFactory(eleccion=eleccion, persona=PersonaFactory(nombre="=1+1"))
    publicar_curricular(candidatura, trayectoria_politica="@SUMA(A1)")

    fila = hoja_csv(client, "curricular")[0]

    assert fila["TRAYECTORIA_POLITICA"] == "'@SUMA(A1)"
    assert fila["NOMBRE_CANDIDATO"].startswith("'=1+1")


@pytest.mark.django_db
def test_un_cuestionario_sin_publicar_no_sale_en_los_datos(client, eleccion):
    enviar_curricular(CandidaturaFactory(eleccion=eleccion), propuesta_1="Propuesta secreta en revisión")

    fila = hoja_csv(client, "curricular")[0]

    assert fila["PROPUESTA_1"] == ""
    assert fila["ESCOLARIDAD"] == ""
    assert fila["FECHA_PUBLICACION"] == ""
    assert fila["ESTADO_CAPTURA"] == datos.EN_REVISION == "EN REVISIÓN"


@pytest.mark.django_db
def test_un_campo_vacio_de_un_cuestionario_publicado_es_una_celda_vacia(client, eleccion):
    publicar_curricular(CandidaturaFactory(eleccion=eleccion), pagina_web="", grado_estudios="doctorado")

    fila = hoja_csv(client, "curricular")[0]

    assert fila["ESTADO_CAPTURA"] == datos.PUBLICADA
    assert fila["PAGINA_WEB"] == ""
    assert fila["ESCOLARIDAD"] == "Doctorado"


@pytest.mark.django_db
def test_el_correo_para_aclaraciones_nunca_se_publica(client, eleccion):
    publicar_curricular(CandidaturaFactory(eleccion=eleccion), correo_aclaraciones="privado@ejemplo.mx")

    assert b"privado@ejemplo.mx" not in descargar(client, "conoceles:datos_csv", args=["curricular"])


@pytest.mark.django_db
def test_sin_autorizacion_de_publicar_no_salen_las_respuestas_de_identidad(client, eleccion):
    candidatura = CandidaturaFactory(eleccion=eleccion)
    publicar_curricular(candidatura)
    responder_identidad(candidatura, {11: "si", 12: ("otro", "Islandia")}, publicacion=False)

    contenido = descargar(client, "conoceles:datos_csv", args=["identidad"]).decode("utf-8-sig")

    assert "Islandia" not in contenido
    fila = next(csv.DictReader(io.StringIO(contenido)))
    assert fila["ESTADO_IDENTIDAD"] == datos.NO_AUTORIZO
    assert fila["P11_MIGRANTE"] == fila["P11_MIGRANTE_ESTADO"] == ""


@pytest.mark.django_db
def test_retirar_la_autorizacion_de_publicar_quita_las_respuestas(client, eleccion):
    candidatura = CandidaturaFactory(eleccion=eleccion)
    publicar_curricular(candidatura)
    consentimiento = responder_identidad(candidatura, {12: ("otro", "Islandia")})
    assert hoja_csv(client, "identidad")[0]["P12_MIGRANTE"] == "Otro país: Islandia"

    consentimiento.autoriza_publicacion = False
    consentimiento.save()

    fila = hoja_csv(client, "identidad")[0]
    assert fila["ESTADO_IDENTIDAD"] == datos.NO_AUTORIZO
    assert fila["P12_MIGRANTE"] == ""


@pytest.mark.django_db
def test_prefiero_no_contestar_es_un_valor_propio(client, eleccion):
    responder_identidad(CandidaturaFactory(eleccion=eleccion), {1: "prefiero_no_contestar", 4: "no"})

    fila = hoja_csv(client, "identidad")[0]

    assert fila["P01_INDIGENA"] == "Prefiero no contestar"
    assert fila["P01_INDIGENA_ESTADO"] == datos.PREFIRIO_NO_CONTESTAR
    assert (fila["P02_INDIGENA"], fila["P02_INDIGENA_ESTADO"]) == ("", datos.NO_CONTESTO)
    assert (fila["P05_DISCAPACIDAD"], fila["P05_DISCAPACIDAD_ESTADO"]) == ("", datos.NO_APLICA)


@pytest.mark.django_db
def test_las_opciones_multiples_y_subopciones_se_separan(client, eleccion):
    responder_identidad(CandidaturaFactory(eleccion=eleccion), {4: "si", 6: ["fisica", "sensorial_vision"]})

    fila = hoja_csv(client, "identidad")[0]

    assert fila["P06_DISCAPACIDAD"] == "Física | Sensorial: La visión"


@pytest.mark.django_db
def test_con_autorizacion_y_sin_respuestas_cada_pregunta_dice_no_contesto(client, eleccion):
    responder_identidad(CandidaturaFactory(eleccion=eleccion), {})

    fila = hoja_csv(client, "identidad")[0]
    assert fila["ESTADO_IDENTIDAD"] == datos.PUBLICADA
    assert (fila["P01_INDIGENA"], fila["P01_INDIGENA_ESTADO"]) == ("", datos.NO_CONTESTO)


@pytest.mark.django_db
def test_las_candidaturas_sustituidas_y_canceladas_no_salen(client, eleccion):
    vigente = CandidaturaFactory(eleccion=eleccion)
    CandidaturaFactory(eleccion=eleccion, numero=2, estado=Candidatura.Estado.CANCELADA)

    filas = hoja_csv(client, "curricular")

    assert [int(f["ID_CANDIDATURA"]) for f in filas] == [vigente.pk]


@pytest.mark.django_db
def test_las_columnas_del_registro_van_en_las_dos_hojas(client, eleccion):
    CandidaturaFactory(eleccion=eleccion, accion_afirmativa=Candidatura.AccionAfirmativa.INDIGENA)

    for hoja in ("curricular", "identidad"):
        fila = hoja_csv(client, hoja)[0]
        assert fila["ACCION_AFIRMATIVA"] == "Persona indígena"
        assert fila["MUNICIPIO"] == ""
        assert fila["DISTRITO_LOCAL"] == str(eleccion.distrito_local.numero)
        assert fila["URL_PERFIL"].endswith(reverse("conoceles:perfil", args=[int(fila["ID_CANDIDATURA"])]))


@pytest.mark.django_db
def test_el_diccionario_explica_cada_columna_de_las_dos_hojas(client, eleccion):
    CandidaturaFactory(eleccion=eleccion)
    documento = libro(client)

    respuesta = client.get(reverse("conoceles:datos"))

    for nombre in ("curricular", "identidad"):
        for columna in next(documento[nombre].iter_rows(values_only=True)):
            assertContains(respuesta, f"<code>{columna}</code>")
    for estado in datos.ESTADOS:
        assertContains(respuesta, estado)


@pytest.mark.django_db
def test_el_diccionario_se_descarga_en_csv(client, eleccion):
    filas = hoja_csv(client, "diccionario")

    assert {"curricular", "identidad"} <= {f["hoja"] for f in filas}
    assert any(f["columna"] == "P20_NACIMIENTO" for f in filas)


@pytest.mark.django_db
def test_la_pagina_dice_la_fecha_de_la_ultima_publicacion(client, eleccion):
    publicar_curricular(CandidaturaFactory(eleccion=eleccion))

    respuesta = client.get(reverse("conoceles:datos"))

    assertContains(respuesta, "Última publicación de un cuestionario")
    assertContains(respuesta, "Corte de los datos")


@pytest.mark.django_db
def test_el_nombre_del_archivo_lleva_el_corte(client, eleccion):
    generar()
    respuesta = client.get(reverse("conoceles:datos_xlsx"))

    assert f"conoceles-{eleccion.proceso.slug}-" in respuesta["Content-Disposition"]


@pytest.mark.django_db
def test_una_hoja_que_no_existe_da_404(client, eleccion):
    assert client.get(reverse("conoceles:datos_csv", args=["fotos"])).status_code == 404


@pytest.mark.django_db
def test_sin_proceso_las_descargas_dan_404_y_la_pagina_lo_dice(client):
    assert client.get(reverse("conoceles:datos_xlsx")).status_code == 404
    assertContains(client.get(reverse("conoceles:datos")), "Todavía no hay un proceso electoral registrado")


@pytest.mark.parametrize("cuantas", [1, 12])
@pytest.mark.django_db
def test_las_descargas_hacen_las_mismas_consultas(client, django_assert_num_queries, eleccion, cuantas):
    for numero in range(1, cuantas + 1):
        candidatura = CandidaturaFactory(eleccion=eleccion, numero=numero)
        publicar_curricular(candidatura)
        responder_identidad(candidatura, {1: "si"})

    # Construirlos (en la tarea, una vez por cambio): el proceso, el catálogo (preguntas y opciones);
    # por hoja, actores, contiendas, candidaturas (un cursor) y cuestionarios o respuestas del bloque;
    # y el registro del corte (bloquearlo o crearlo y guardarlo, con sus puntos de guardado).
    with django_assert_num_queries(18):
        generar()
    # Descargarlos: el proceso y su corte, nunca la generación.
    for hoja in ("curricular", "identidad", "diccionario"):
        with django_assert_num_queries(2):
            client.get(reverse("conoceles:datos_csv", args=[hoja]))
    with django_assert_num_queries(2):
        client.get(reverse("conoceles:datos_xlsx"))


@pytest.mark.parametrize("cuantas", [1, 12])
@pytest.mark.django_db
def test_la_pagina_de_datos_hace_las_mismas_consultas(client, django_assert_num_queries, eleccion, cuantas):
    for numero in range(1, cuantas + 1):
        publicar_curricular(CandidaturaFactory(eleccion=eleccion, numero=numero))

    generar()

    # proceso, catálogo (preguntas y opciones), el corte de los datos abiertos y la fecha de la
    # última publicación.
    with django_assert_num_queries(5):
        client.get(reverse("conoceles:datos"))


@pytest.mark.django_db
def test_las_filas_se_leen_por_bloques(eleccion, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(datos, "TAMANO_DE_BLOQUE", 2)
    for numero in range(1, 6):
        publicar_curricular(CandidaturaFactory(eleccion=eleccion, numero=numero))

    # actores, contiendas, el cursor de candidaturas y una consulta de cuestionarios por bloque (3).
    with django_assert_num_queries(6):
        filas = list(datos.filas_curriculares(eleccion.proceso))

    assert len(filas) == 5
