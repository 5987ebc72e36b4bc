import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_django.asserts import assertContains, assertNotContains

from decide.forms import ConsultaSeccionForm
from tests.candidaturas.factories import (
    DistritoFederalFactory,
    DistritoLocalFactory,
    MunicipioFactory,
    SeccionFactory,
)

URL = reverse("decide:mi_seccion")


@pytest.fixture
def seccion_123(db):
    return SeccionFactory(
        numero=123,
        municipio=MunicipioFactory(nombre="Almoloya de Juárez"),
        distrito_local=DistritoLocalFactory(numero=13, cabecera="ATLACOMULCO DE FABELA"),
        lista_nominal=2500,
        casillas=4,
    )


@pytest.mark.parametrize(
    "escrito",
    [
        "123",
        "0123",
        "  123 ",
        "Sección 0123",
        "sección 123",
        "SECCION 123",
        "secc. 123",
        "Sección No. 0123",
        "#123",
    ],
)
def test_el_formulario_entiende_como_escribe_la_gente_su_seccion(escrito):
    form = ConsultaSeccionForm({"seccion": escrito})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["seccion"] == 123


@pytest.mark.parametrize(
    ("escrito", "codigo"),
    [
        ("", "required"),
        ("   ", "required"),
        ("abc", "no_numerico"),
        ("12a", "no_numerico"),
        ("-5", "no_numerico"),
        ("1.5", "no_numerico"),
        ("0", "fuera_de_rango"),
        ("0000", "fuera_de_rango"),
        ("10000", "fuera_de_rango"),
    ],
)
def test_el_formulario_rechaza_lo_que_no_es_una_seccion(escrito, codigo):
    form = ConsultaSeccionForm({"seccion": escrito})

    assert not form.is_valid()
    assert form.errors.as_data()["seccion"][0].code == codigo


def test_sin_numero_muestra_el_formulario(client, db):
    respuesta = client.get(URL)

    assert respuesta.status_code == 200
    assertContains(respuesta, "<title>¿Qué se elige en mi sección? · Decide IEEM</title>", html=False)
    assertContains(respuesta, 'name="seccion"')


def test_una_seccion_conocida_muestra_municipio_y_distrito(client, seccion_123):
    respuesta = client.get(URL, {"seccion": "0123"})

    assert respuesta.status_code == 200
    assertContains(respuesta, "<title>Sección 123, Almoloya de Juárez · Decide IEEM</title>", html=False)
    assertContains(respuesta, "Almoloya de Juárez")
    assertContains(respuesta, "Distrito 13, con cabecera en Atlacomulco de Fabela")
    assertContains(respuesta, "2,500 personas")


def test_muestra_las_casillas_y_enlaza_al_ubicador_del_ine(client, seccion_123):
    respuesta = client.get(URL, {"seccion": "123"})

    assertContains(respuesta, "Casillas (2023)")
    assertContains(respuesta, "4 casillas")
    assertContains(respuesta, 'href="https://ubicatucasilla.ine.mx/"')


def test_sin_distrito_federal_conocido_lo_dice_sin_adivinar(client, seccion_123):
    respuesta = client.get(URL, {"seccion": "123"})

    assertContains(respuesta, "Todavía no contamos con una fuente oficial")


def test_muestra_el_distrito_federal_cuando_se_conoce(client, seccion_123):
    seccion_123.distrito_federal = DistritoFederalFactory(numero=3, cabecera="ATLACOMULCO DE FABELA")
    seccion_123.save()

    respuesta = client.get(URL, {"seccion": "123"})

    assertContains(respuesta, "Distrito 3, con cabecera en Atlacomulco De Fabela")


def test_una_seccion_inexistente_da_404_con_mensaje_claro(client, seccion_123):
    respuesta = client.get(URL, {"seccion": "9999"})

    assert respuesta.status_code == 404
    assertContains(respuesta, "No encontramos la sección 9999", status_code=404)
    assertContains(
        respuesta, "<title>La sección 9999 no está en el Estado de México", status_code=404, html=False
    )


@pytest.mark.parametrize("escrito", ["abc", "", "10000", "0"])
def test_una_entrada_invalida_da_400_y_conserva_lo_escrito(client, db, escrito):
    respuesta = client.get(URL, {"seccion": escrito})

    assert respuesta.status_code == 400
    assertContains(
        respuesta, "<title>Revisa el número de sección · Decide IEEM</title>", status_code=400, html=False
    )
    assertContains(respuesta, f'value="{escrito}"' if escrito else 'name="seccion"', status_code=400)
    assertContains(respuesta, 'aria-invalid="true"', status_code=400)


def test_el_texto_escrito_se_muestra_escapado(client, db):
    respuesta = client.get(URL, {"seccion": "<script>alert(1)</script>"})

    assert respuesta.status_code == 400
    assertNotContains(respuesta, "<script>alert(1)</script>", status_code=400)
    assertContains(respuesta, "&lt;script&gt;", status_code=400)


def test_la_consulta_hace_una_sola_consulta_a_la_base(client, seccion_123, django_assert_num_queries):
    with django_assert_num_queries(2):  # procesos abiertos; sección con municipio y distritos (un JOIN)
        client.get(URL, {"seccion": "123"})


@pytest.mark.django_db
@settings(max_examples=60, deadline=None)
@given(texto=st.text(max_size=60))
def test_ninguna_entrada_produce_un_error_del_servidor(texto):
    respuesta = Client().get(URL, {"seccion": texto})

    assert respuesta.status_code in (200, 400, 404)


def test_la_segunda_visita_sale_de_la_cache_sin_consultas(client, seccion_123, django_assert_num_queries):
    client.get(URL, {"seccion": "123"})

    with django_assert_num_queries(0):
        respuesta = client.get(URL, {"seccion": "123"})

    assert respuesta["X-Cache"] == "HIT"
    assertContains(respuesta, "Almoloya de Juárez")


def test_invalidar_las_paginas_publicas_muestra_el_cambio_de_inmediato(client, seccion_123):
    from comun.cache_publica import invalidar_paginas_publicas

    client.get(URL, {"seccion": "123"})
    seccion_123.municipio.nombre = "Almoloya de Juárez (corregido)"
    seccion_123.municipio.save()

    invalidar_paginas_publicas()
    respuesta = client.get(URL, {"seccion": "123"})

    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "Almoloya de Juárez (corregido)")


def test_quien_tiene_sesion_no_recibe_paginas_de_la_cache(client, seccion_123):
    client.get(URL, {"seccion": "123"})
    client.cookies["sessionid"] = "cualquiera"

    respuesta = client.get(URL, {"seccion": "123"})

    assert respuesta.get("X-Cache") != "HIT"


def test_los_errores_no_se_guardan_en_cache(client, db):
    client.get(URL, {"seccion": "9999"})

    respuesta = client.get(URL, {"seccion": "9999"})

    assert respuesta.status_code == 404
    assert respuesta["X-Cache"] == "MISS"


def test_un_despliegue_nuevo_no_sirve_paginas_guardadas_por_el_anterior(
    client, seccion_123, settings, tmp_path
):
    from comun.cache_publica import huella_de_despliegue

    client.get(URL, {"seccion": "123"})
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/decide.css": "css/decide.nuevo.css"}}')
    huella_de_despliegue.cache_clear()

    respuesta = client.get(URL, {"seccion": "123"})

    huella_de_despliegue.cache_clear()
    assert respuesta["X-Cache"] == "MISS"
