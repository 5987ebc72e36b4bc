"""Las páginas públicas de Conóceles salen de la caché y dejan de salir en cuanto algo se publica."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cuestionarios import services
from tests.cuestionarios.factories import escenario
from tests.cuestionarios.test_flujo import hasta_revision

URL = reverse("conoceles:inicio")


@pytest.fixture
def datos(db, django_capture_on_commit_callbacks):
    datos = escenario()
    datos["proceso"].predeterminado = True
    datos["proceso"].save()
    return datos


def test_la_busqueda_se_sirve_de_la_cache(client, datos, django_assert_num_queries):
    client.get(URL)

    with django_assert_num_queries(0):
        respuesta = client.get(URL)

    assert respuesta["X-Cache"] == "HIT"


def test_publicar_un_cuestionario_se_ve_de_inmediato_en_la_busqueda(
    client, datos, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        revisor = hasta_revision(datos)
    antes = client.get(URL)

    with django_capture_on_commit_callbacks(execute=True):
        services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)
    despues = client.get(URL)

    assertNotContains(antes, "Información publicada")
    assertContains(despues, "Información publicada")
    assert despues["X-Cache"] == "MISS"


def test_retirar_la_autorizacion_de_publicar_invalida_las_paginas(
    client, datos, django_capture_on_commit_callbacks
):
    client.get(URL)
    consentimiento = datos["persona"].consentimientos.get()

    with django_capture_on_commit_callbacks(execute=True):
        services.registrar_consentimiento(
            persona=datos["persona"],
            proceso=datos["proceso"],
            aviso=consentimiento.aviso,
            tratamiento=True,
            publicacion=False,
            estadistica=True,
            usuario=datos["cuenta"].usuario,
        )
    respuesta = client.get(URL)

    assert respuesta["X-Cache"] == "MISS"
