"""Atribuciones, Quita Dudas Electoral, videos e infografías y enlaces de interés (P2, P3, P9, P10)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, ProcesoElectoral
from decide.models import Atribucion, EnlaceDeInteres, PreguntaFrecuente
from tests.candidaturas.factories import EleccionFactory, ProcesoElectoralFactory
from tests.decide.factories import (
    AtribucionFactory,
    EnlaceDeInteresFactory,
    PreguntaFrecuenteFactory,
    RecursoFactory,
)

pytestmark = pytest.mark.django_db

Cargo = Candidatura.Cargo


@pytest.fixture(autouse=True)
def _archivos_en_temporal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def ordinario():
    proceso = ProcesoElectoralFactory(
        slug="ordinario-2027", nombre="Proceso Ordinario 2027", predeterminado=True
    )
    EleccionFactory(proceso=proceso)
    EleccionFactory(proceso=proceso, ayuntamiento=True)
    return proceso


@pytest.fixture
def extraordinario():
    proceso = ProcesoElectoralFactory(
        slug="nextlalpan-2021",
        nombre="Elección Extraordinaria de Nextlalpan 2021",
        tipo=ProcesoElectoral.Tipo.EXTRAORDINARIO,
    )
    EleccionFactory(proceso=proceso, ayuntamiento=True)
    return proceso


# --- Contenido inicial (migración de datos) ----------------------------------------------------


def test_el_contenido_inicial_trae_las_cinco_atribuciones():
    cargos = set(Atribucion.objects.filter(proceso__isnull=True).values_list("cargo", flat=True))

    assert cargos == set(Cargo.values)


def test_el_contenido_inicial_trae_al_menos_treinta_preguntas_en_todas_las_categorias():
    categorias = set(PreguntaFrecuente.objects.values_list("categoria", flat=True))

    assert PreguntaFrecuente.objects.publicadas().count() >= 30
    assert categorias == set(PreguntaFrecuente.Categoria.values)


def test_los_enlaces_iniciales_son_https_y_cubren_resultados_y_gobierno_abierto():
    grupos = set(EnlaceDeInteres.objects.values_list("grupo", flat=True))

    assert all(url.startswith("https://") for url in EnlaceDeInteres.objects.values_list("url", flat=True))
    assert {EnlaceDeInteres.Grupo.RESULTADOS, EnlaceDeInteres.Grupo.GOBIERNO_ABIERTO} <= grupos


# --- Atribuciones ---------------------------------------------------------------------------


def test_atribuciones_de_un_proceso_ordinario_muestra_sus_cargos(client, ordinario):
    respuesta = client.get(reverse("decide:atribuciones"))

    assertContains(respuesta, "<h1>¿Qué hace cada cargo que se elige?</h1>", html=True)
    assertContains(respuesta, "Diputación local")
    assertContains(respuesta, "Presidencia municipal")
    assertContains(respuesta, "Proceso Ordinario 2027")
    # En el proceso no hay elección de Gubernatura: no se explica ese cargo.
    assertNotContains(respuesta, 'id="gubernatura"')


def test_un_proceso_extraordinario_muestra_solo_los_cargos_del_ayuntamiento(
    client, ordinario, extraordinario
):
    respuesta = client.get(reverse("decide:atribuciones"), {"proceso": "nextlalpan-2021"})

    assertContains(respuesta, 'id="presidencia-municipal"')
    assertContains(respuesta, 'id="sindicatura"')
    assertContains(respuesta, 'id="regiduria"')
    assertNotContains(respuesta, 'id="diputacion"')
    assertNotContains(respuesta, 'id="gubernatura"')
    assertContains(respuesta, "En Elección Extraordinaria de Nextlalpan 2021 sólo se eligen")


def test_una_atribucion_propia_del_proceso_sustituye_a_la_general_solo_ahi(client, ordinario, extraordinario):
    AtribucionFactory(
        cargo=Cargo.PRESIDENCIA_MUNICIPAL, proceso=extraordinario, resumen="Texto sólo para Nextlalpan."
    )

    en_nextlalpan = client.get(reverse("decide:atribuciones"), {"proceso": "nextlalpan-2021"})
    en_ordinario = client.get(reverse("decide:atribuciones"))

    assertContains(en_nextlalpan, "Texto sólo para Nextlalpan.")
    assertNotContains(en_nextlalpan, "encabeza el ayuntamiento, el gobierno de tu")
    assertNotContains(en_ordinario, "Texto sólo para Nextlalpan.")
    assertContains(en_ordinario, "encabeza el ayuntamiento, el gobierno de tu")


def test_sin_procesos_se_muestran_todas_las_atribuciones_generales(client):
    respuesta = client.get(reverse("decide:atribuciones"))

    for ancla in ("gubernatura", "diputacion", "presidencia-municipal", "sindicatura", "regiduria"):
        assertContains(respuesta, f'id="{ancla}"')


def test_una_atribucion_no_publicada_no_se_muestra(client):
    AtribucionFactory(cargo=Cargo.GUBERNATURA, titulo="Borrador de cargo", publicada=False)

    respuesta = client.get(reverse("decide:atribuciones"))

    assertNotContains(respuesta, "Borrador de cargo")


def test_un_proceso_inexistente_da_404(client, ordinario):
    respuesta = client.get(reverse("decide:atribuciones"), {"proceso": "no-existe"})

    assert respuesta.status_code == 404


def test_las_funciones_se_muestran_como_lista_y_escapadas(client):
    AtribucionFactory(cargo=Cargo.GUBERNATURA, funciones="Gobierna\n<script>alert(1)</script>")

    respuesta = client.get(reverse("decide:atribuciones"))

    assertContains(respuesta, "<li>Gobierna</li>", html=True)
    assertContains(respuesta, "&lt;script&gt;alert(1)&lt;/script&gt;")


@pytest.mark.parametrize("extra", [1, 20])
def test_atribuciones_hace_tres_consultas_con_pocas_o_muchas(
    client, ordinario, extra, django_assert_num_queries
):
    AtribucionFactory.create_batch(extra, cargo=Cargo.DIPUTACION, proceso=ordinario)

    # procesos abiertos · tipos de elección del proceso · atribuciones
    with django_assert_num_queries(3):
        client.get(reverse("decide:atribuciones"))


# --- Quita Dudas Electoral ----------------------------------------------------------------------


def test_quita_dudas_muestra_las_preguntas_por_categoria_con_su_ancla(client):
    pregunta = PreguntaFrecuenteFactory(categoria="casilla", pregunta="¿Dónde queda la casilla de prueba?")

    respuesta = client.get(reverse("decide:quita_dudas"))

    assertContains(respuesta, '<h2 id="categoria-casilla">La casilla</h2>', html=True)
    assertContains(respuesta, f'id="{pregunta.slug}"')
    assertContains(respuesta, f'href="/quita-dudas/#{pregunta.slug}"')
    assert pregunta.slug == "donde-queda-la-casilla-de-prueba"


def test_buscar_credencial_en_minusculas_encuentra_credencial_con_mayuscula(client):
    PreguntaFrecuenteFactory(pregunta="¿Sirve la Credencial Zafiro?", respuesta="Sí.")

    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "credencial zafiro"})

    assertContains(respuesta, "¿Sirve la Credencial Zafiro?")
    assertContains(respuesta, "Encontramos 1 respuesta para «credencial zafiro».")


def test_buscar_sin_acentos_encuentra_palabras_con_acento(client):
    PreguntaFrecuenteFactory(pregunta="¿Cómo se cuenta el voto en Tlalnepantla?")

    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "como TLALNEPANTLA"})

    assertContains(respuesta, "¿Cómo se cuenta el voto en Tlalnepantla?")


def test_buscar_con_acento_encuentra_texto_sin_acento(client):
    PreguntaFrecuenteFactory(pregunta="¿Como voto en Ocuilan?")

    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "cómo ocuilán"})

    assertContains(respuesta, "¿Como voto en Ocuilan?")


def test_la_busqueda_deja_fuera_lo_que_no_coincide(client):
    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "prep"})

    assertContains(respuesta, "¿Qué es el PREP?")
    assertNotContains(respuesta, "¿Qué es una coalición?")


def test_una_busqueda_sin_resultados_lo_dice_y_ofrece_ver_todo(client):
    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "xilófono"})

    assertContains(respuesta, "No encontramos respuestas para «xilófono».")
    assertContains(respuesta, '<a href="/quita-dudas/">Ver todas las preguntas</a>', html=True)


def test_una_busqueda_demasiado_larga_da_400_y_conserva_lo_escrito(client):
    texto = "casilla " * 20

    respuesta = client.get(reverse("decide:quita_dudas"), {"q": texto})

    assertContains(respuesta, "Escribe una búsqueda más corta", status_code=400)
    assertContains(respuesta, 'value="casilla casilla', status_code=400)


def test_la_busqueda_se_muestra_escapada(client):
    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "<script>x</script>"})

    assertNotContains(respuesta, "<script>x</script>")
    assertContains(respuesta, "&lt;script&gt;x&lt;/script&gt;")


def test_una_pregunta_no_publicada_no_aparece_ni_al_buscarla(client):
    PreguntaFrecuenteFactory(pregunta="¿Pregunta en borrador?", publicada=False)

    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "borrador"})

    assertNotContains(respuesta, "¿Pregunta en borrador?")


def test_las_direcciones_de_una_respuesta_son_enlaces(client):
    respuesta = client.get(reverse("decide:quita_dudas"), {"q": "ubicatucasilla"})

    assertContains(respuesta, 'href="https://ubicatucasilla.ine.mx"')


@pytest.mark.parametrize("extra", [1, 30])
def test_quita_dudas_hace_una_consulta_con_pocas_o_muchas(client, extra, django_assert_num_queries):
    PreguntaFrecuenteFactory.create_batch(extra)

    with django_assert_num_queries(1):
        client.get(reverse("decide:quita_dudas"), {"q": "prueba"})


# --- Videos e infografías ---------------------------------------------------------------------


@pytest.fixture
def video():
    return RecursoFactory(titulo="Cómo usar Mi sección", transcripcion="Hola. Primero busca tu credencial.")


def test_un_video_muestra_miniatura_enlace_externo_y_transcripcion_sin_reproductor(client, video):
    respuesta = client.get(reverse("decide:recursos"))

    assertContains(respuesta, "Cómo usar Mi sección")
    assertContains(respuesta, 'href="https://www.youtube.com/watch?v=prueba"')
    assertContains(respuesta, "Ver el video en youtube.com")
    assertContains(respuesta, "<summary>")
    assertContains(respuesta, "Hola. Primero busca tu credencial.")
    assertContains(respuesta, video.miniatura.url)
    assertNotContains(respuesta, "<iframe")


def test_una_infografia_muestra_su_texto_alternativo_y_su_descripcion(client):
    RecursoFactory(infografia=True, titulo="Tres pasos")

    respuesta = client.get(reverse("decide:recursos"))

    assertContains(respuesta, 'alt="Infografía con los tres pasos para consultar tu sección."')
    assertContains(respuesta, "Paso 1: busca tu sección.")


def test_sin_recursos_se_explica_y_se_ofrecen_otras_paginas(client):
    respuesta = client.get(reverse("decide:recursos"))

    assertContains(respuesta, "Todavía no hay videos ni infografías publicados.")
    assertContains(respuesta, 'href="/quita-dudas/"')


def test_un_recurso_no_publicado_no_se_muestra(client):
    RecursoFactory(titulo="Video en preparación", publicado=False)

    respuesta = client.get(reverse("decide:recursos"))

    assertNotContains(respuesta, "Video en preparación")


@pytest.mark.parametrize("extra", [1, 10])
def test_recursos_hace_una_consulta_con_pocos_o_muchos(client, extra, django_assert_num_queries):
    RecursoFactory.create_batch(extra)
    RecursoFactory.create_batch(extra, infografia=True)

    with django_assert_num_queries(1):
        client.get(reverse("decide:recursos"))


# --- Enlaces de interés -----------------------------------------------------------------------


def test_enlaces_avisa_que_salen_del_portal_y_agrupa(client):
    respuesta = client.get(reverse("decide:enlaces"))

    assertContains(respuesta, "Estos enlaces te llevan a sitios fuera de Decide IEEM.")
    assertContains(respuesta, '<h2 id="grupo-resultados">Resultados electorales</h2>', html=True)
    assertContains(respuesta, "Sitio externo: ine.mx")
    assertContains(respuesta, 'rel="noopener external"')


def test_un_enlace_no_publicado_no_se_muestra(client):
    EnlaceDeInteresFactory(titulo="Sitio retirado", publicado=False)

    respuesta = client.get(reverse("decide:enlaces"))

    assertNotContains(respuesta, "Sitio retirado")


@pytest.mark.parametrize("extra", [1, 25])
def test_enlaces_hace_una_consulta_con_pocos_o_muchos(client, extra, django_assert_num_queries):
    EnlaceDeInteresFactory.create_batch(extra)

    with django_assert_num_queries(1):
        client.get(reverse("decide:enlaces"))


# --- Caché de páginas públicas ----------------------------------------------------------------


@pytest.fixture
def personal_client(django_user_model):
    """Personal del IEEM con su segundo factor activado (el admin lo exige)."""
    from allauth.mfa.models import Authenticator
    from django.test import Client

    persona = django_user_model.objects.create_user(
        "personal", "personal@ieem.org.mx", "clave-segura-123", is_staff=True, is_superuser=True
    )
    Authenticator.objects.create(user=persona, type=Authenticator.Type.TOTP, data={"secret": "x"})
    navegador = Client()
    navegador.force_login(persona)
    return navegador


def test_editar_en_el_admin_se_ve_de_inmediato_aunque_la_pagina_este_en_cache(client, personal_client):
    enlace = EnlaceDeInteresFactory(titulo="Título viejo")
    client.get(reverse("decide:enlaces"))

    guardado = personal_client.post(
        reverse("admin:decide_enlacedeinteres_change", args=[enlace.pk]),
        {
            "grupo": enlace.grupo,
            "titulo": "Título nuevo",
            "url": enlace.url,
            "descripcion": enlace.descripcion,
            "orden": 1,
            "publicado": "on",
        },
    )
    respuesta = client.get(reverse("decide:enlaces"))

    assert guardado.status_code == 302
    assertContains(respuesta, "Título nuevo")


def test_todo_el_contenido_inicial_cabe_en_sus_campos():
    # SQLite no hace cumplir max_length; PostgreSQL sí. full_clean lo revisa en cualquier base.
    for modelo in (Atribucion, PreguntaFrecuente, EnlaceDeInteres):
        for objeto in modelo.objects.all():
            objeto.full_clean()
