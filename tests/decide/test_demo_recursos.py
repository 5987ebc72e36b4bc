"""«Videos e infografías» no está vacía con los datos de `make run` (issue 14): infografías de
demostración, marcadas como tales, con texto alternativo y descripción completa."""

import io

import pytest
from django.core.management import call_command
from PIL import Image

from decide.demo import INFOGRAFIAS, MARCA, generar_demo_recursos
from decide.models import Recurso
from tests.candidaturas.factories import ProcesoElectoralFactory
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_sin_proceso_de_demostracion_no_crea_nada(media):
    salida = io.StringIO()

    call_command("generar_demo_recursos", stdout=salida)

    assert "no se creó nada" in salida.getvalue()
    assert not Recurso.objects.exists()


@pytest.mark.django_db
def test_crea_infografias_completas_y_una_segunda_corrida_no_cambia_nada(media):
    ProcesoElectoralFactory(es_demostracion=True)

    assert generar_demo_recursos() == (len(INFOGRAFIAS), 0)
    antes = list(Recurso.objects.values_list("pk", "imagen"))
    assert generar_demo_recursos() == (0, len(INFOGRAFIAS))

    assert list(Recurso.objects.values_list("pk", "imagen")) == antes
    assert len(antes) >= 3
    for recurso in Recurso.objects.all():
        recurso.full_clean()  # lo que exige el admin: imagen, texto alternativo y descripción
        assert recurso.publicado and recurso.tipo == Recurso.Tipo.INFOGRAFIA
        assert recurso.titulo.endswith("(demostración)")
        assert recurso.resumen.startswith("Material de demostración.")
        with Image.open(recurso.imagen.path) as imagen:
            assert imagen.format == "PNG" and imagen.width == 800 and imagen.height > 800


def test_la_descripcion_completa_trae_todo_el_texto_de_la_imagen_en_orden():
    for infografia in INFOGRAFIAS:
        descripcion = infografia.descripcion_larga()
        partes = [MARCA, infografia.encabezado, *infografia.pasos, infografia.cierre, "Decide IEEM"]
        posiciones = [descripcion.index(parte) for parte in partes]
        assert posiciones == sorted(posiciones)
        assert "demostración" in infografia.texto_alternativo
        assert len(infografia.texto_alternativo) <= Recurso._meta.get_field("texto_alternativo").max_length


@pytest.mark.django_db
def test_la_pagina_de_recursos_ya_no_esta_vacia(client, media):
    ProcesoElectoralFactory(es_demostracion=True)
    generar_demo_recursos()

    html = client.get("/recursos/").content.decode()

    assert "Todavía no hay videos ni infografías publicados" not in html
    for infografia in INFOGRAFIAS:
        assert infografia.titulo in html
        assert f'alt="{infografia.texto_alternativo}"' in html


@pytest.mark.navegador
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "tamano", [TELEFONO, ESCRITORIO, {"width": 320, "height": 700}], ids=["375", "1280", "320"]
)
def test_las_infografias_de_demostracion_se_ven_bien_y_son_accesibles(pagina, media, tamano):
    ProcesoElectoralFactory(es_demostracion=True)
    generar_demo_recursos()
    pagina.set_viewport_size(tamano)

    pagina.goto(pagina.url_base + "/recursos/")

    imagenes = pagina.locator("img.recurso__imagen")
    assert imagenes.count() == len(INFOGRAFIAS)
    for indice in range(imagenes.count()):
        imagenes.nth(indice).scroll_into_view_if_needed()
        assert imagenes.nth(indice).evaluate("img => img.complete && img.naturalWidth") == 800
    pagina.get_by_text("Leer la descripción completa").first.click()
    assert pagina.get_by_text("Paso 1. Entra a Conóceles desde el menú principal.").is_visible()
    afirmar_accesible(pagina)
    capturar(pagina, f"recursos-demostracion-{tamano['width']}")
    assert pagina.evaluate("document.documentElement.scrollWidth") <= tamano["width"]
