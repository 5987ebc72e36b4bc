"""Las propuestas de demostración van bajo el tema al que corresponde su texto (issue 14)."""

import pytest
from django.urls import reverse

from candidaturas.demo import generar_demo
from plataformas.demo import IDEAS_POR_TEMA, generar_demo_plataformas
from plataformas.models import Propuesta, Tema
from tests.candidaturas.test_demo import geografia  # noqa: F401  (fixture)


@pytest.fixture
def demo(geografia):  # noqa: F811
    generar_demo()
    return generar_demo_plataformas()


def test_cada_propuesta_generada_esta_bajo_el_tema_de_su_texto(demo):
    propuestas = list(Propuesta.objects.filter(plataforma__proceso=demo).select_related("tema"))

    assert len(propuestas) > 20
    for propuesta in propuestas:
        assert (propuesta.titulo, propuesta.texto) in IDEAS_POR_TEMA[propuesta.tema.slug], propuesta.titulo
    # Repartidas: no todas caen en un puñado de temas.
    assert len({p.tema_id for p in propuestas}) >= 8


def test_los_centros_de_salud_nocturnos_van_bajo_salud_y_no_bajo_campo(demo, client):
    salud = Propuesta.objects.filter(plataforma__proceso=demo, titulo="Centros de salud abiertos de noche")

    assert salud.exists()
    assert set(salud.values_list("tema__nombre", flat=True)) == {"Salud"}
    pagina = client.get(reverse("plataformas:tema", args=["campo"]) + f"?proceso={demo.slug}")
    assert pagina.status_code == 200
    assert "Centros de salud abiertos de noche" not in pagina.content.decode()


@pytest.mark.django_db
def test_cada_tema_del_catalogo_de_ideas_existe_en_la_base():
    assert set(IDEAS_POR_TEMA) <= set(Tema.objects.values_list("slug", flat=True))


def test_una_demostracion_anterior_con_temas_al_azar_se_corrige_al_volver_a_correr(demo):
    campo = Tema.objects.get(slug="campo")
    Propuesta.objects.filter(plataforma__proceso=demo).update(tema=campo)

    generar_demo_plataformas()

    for propuesta in Propuesta.objects.filter(plataforma__proceso=demo).select_related("tema"):
        assert (propuesta.titulo, propuesta.texto) in IDEAS_POR_TEMA[propuesta.tema.slug]
