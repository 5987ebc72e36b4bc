"""sitemap.xml, robots.txt y la declaración de accesibilidad."""

import pytest
from pytest_django.asserts import assertContains

from candidaturas.models import Candidatura
from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory, ProcesoElectoralFactory
from tests.plataformas.factories import PlataformaElectoralFactory


@pytest.mark.django_db
def test_sitemap_lista_perfiles_vigentes_contiendas_y_paginas(client):
    proceso = ProcesoElectoralFactory(predeterminado=True)
    eleccion = EleccionFactory(proceso=proceso)
    vigente = CandidaturaFactory(eleccion=eleccion)
    sustituida = CandidaturaFactory(eleccion=eleccion, estado=Candidatura.Estado.SUSTITUIDA)
    plataforma = PlataformaElectoralFactory(proceso=proceso)

    indice = client.get("/sitemap.xml")
    perfiles = client.get("/sitemap-perfiles.xml")
    contiendas = client.get("/sitemap-contiendas.xml")
    paginas = client.get("/sitemap-paginas.xml")
    plataformas = client.get("/sitemap-plataformas.xml")

    assert indice.status_code == 200
    assertContains(indice, "sitemap-perfiles.xml")
    assertContains(perfiles, f"/conoceles/{vigente.pk}/</loc>")
    assert f"/conoceles/{sustituida.pk}/<" not in perfiles.content.decode()
    assertContains(contiendas, f"distrito={eleccion.distrito_local.numero}")
    assertContains(paginas, "/accesibilidad/</loc>")
    assertContains(paginas, "/api/v1/docs/</loc>")
    assertContains(plataformas, plataforma.get_absolute_url())


@pytest.mark.django_db
def test_el_sitemap_de_perfiles_no_crece_en_consultas(client, django_assert_num_queries):
    eleccion = EleccionFactory(proceso=ProcesoElectoralFactory())
    CandidaturaFactory.create_batch(30, eleccion=eleccion)

    with django_assert_num_queries(2):  # total (para paginar) y la página de perfiles
        client.get("/sitemap-perfiles.xml")


def test_robots_apunta_al_sitemap_y_excluye_areas_privadas_y_la_api(client):
    respuesta = client.get("/robots.txt")

    texto = respuesta.content.decode()
    assert respuesta["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in texto
    for ruta in ("/captura/", "/cuentas/", "/admin/", "/api/"):
        assert f"Disallow: {ruta}\n" in texto


@pytest.mark.django_db
def test_declaracion_de_accesibilidad_enlazada_desde_el_pie(client):
    inicio = client.get("/")
    declaracion = client.get("/accesibilidad/")

    assertContains(inicio, 'href="/accesibilidad/"')
    assertContains(declaracion, "WCAG) 2.2")
    assertContains(declaracion, "axe-core")
    assertContains(declaracion, "Nu HTML Checker")
    assertContains(declaracion, "Limitaciones conocidas")
    assertContains(declaracion, "Reporta una barrera")
