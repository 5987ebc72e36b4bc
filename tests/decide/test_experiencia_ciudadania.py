"""Lo que ve la ciudadanía (issue 14): entradas a estadísticas y datos abiertos, el proceso elegido
conservado en la URL, nombres enlazados a su perfil, siglas explicadas y calidad concordada."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import ActorPolitico, Candidatura, Persona
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
    crear_formula,
)


@pytest.fixture
def procesos(db):
    ordinario = ProcesoElectoralFactory(slug="ordinario-2027", nombre="Ordinario 2027", predeterminado=True)
    extra = ProcesoElectoralFactory(slug="nextlalpan-2027", nombre="Extraordinario Nextlalpan", anio=2027)
    return ordinario, extra


def test_el_pie_y_la_portada_enlazan_estadisticas_y_datos_de_conoceles(client, procesos):
    for url in ("/", reverse("conoceles:inicio"), reverse("decide:estadisticas")):
        respuesta = client.get(url)
        assertContains(respuesta, f'href="{reverse("conoceles:estadisticas")}"')
        assertContains(respuesta, f'href="{reverse("conoceles:datos")}"')


def test_el_menu_conserva_el_proceso_elegido(client, procesos):
    respuesta = client.get(reverse("conoceles:inicio") + "?proceso=nextlalpan-2027")

    html = respuesta.content.decode()
    for ruta in ("candidaturas:lista", "plataformas:lista", "decide:atribuciones", "decide:estadisticas"):
        assert f'href="{reverse(ruta)}?proceso=nextlalpan-2027"' in html
    assert 'href="/quita-dudas/"' in html  # no depende del proceso
    assert f'href="{reverse("conoceles:estadisticas")}?proceso=nextlalpan-2027"' in html
    assertContains(respuesta, "Extraordinario Nextlalpan")


def test_con_el_proceso_predeterminado_el_menu_no_agrega_nada(client, procesos):
    html = client.get(reverse("decide:atribuciones")).content.decode()
    assert f'href="{reverse("candidaturas:lista")}"' in html
    assert "?proceso=" not in re.search(r'<nav class="menu".*?</nav>', html, re.S).group(0)


def test_el_perfil_conserva_su_proceso_en_el_menu(client, procesos):
    _ordinario, extra = procesos
    candidatura = CandidaturaFactory(eleccion=EleccionFactory(proceso=extra, ayuntamiento=True))

    respuesta = client.get(candidatura.get_absolute_url())

    assertContains(respuesta, f'href="{reverse("candidaturas:lista")}?proceso=nextlalpan-2027"')


def test_calidad_concordada_con_el_sexo(client, procesos):
    ordinario, _extra = procesos
    eleccion = EleccionFactory(proceso=ordinario, ayuntamiento=True)
    actor = ActorPoliticoFactory()
    hombre, _ = crear_formula(
        eleccion=eleccion, actor=actor, sexo=Persona.Sexo.HOMBRE, numero=1, cargo=Candidatura.Cargo.REGIDURIA
    )
    mujer, _ = crear_formula(
        eleccion=eleccion, actor=actor, sexo=Persona.Sexo.MUJER, numero=2, cargo=Candidatura.Cargo.REGIDURIA
    )
    nb, _ = crear_formula(
        eleccion=eleccion,
        actor=actor,
        sexo=Persona.Sexo.NO_BINARIA,
        numero=3,
        cargo=Candidatura.Cargo.REGIDURIA,
    )

    assert (hombre.etiqueta_calidad, mujer.etiqueta_calidad, nb.etiqueta_calidad) == (
        "Propietario",
        "Propietaria",
        "Persona propietaria",
    )
    assertContains(client.get(hombre.get_absolute_url()), "Regiduría 1 · Propietario<")
    listado = client.get(reverse("candidaturas:lista"))
    assertContains(listado, "<dt>Propietario</dt>", count=1)
    assertContains(listado, "<dt>Propietaria</dt>", count=1)
    assertContains(listado, "<dt>Suplente</dt>", count=3)


def test_candidaturas_enlaza_perfiles_y_explica_coaliciones(client, procesos):
    ordinario, _extra = procesos
    pan = ActorPoliticoFactory(siglas="PAN", nombre="Partido Acción Nacional", slug="pan")
    pri = ActorPoliticoFactory(siglas="PRI", nombre="Partido Revolucionario Institucional", slug="pri")
    fyc = ActorPoliticoFactory(
        siglas="FYC", nombre="Fuerza y Corazón por el Edomex", slug="fyc", tipo=ActorPolitico.Tipo.COALICION
    )
    fyc.integrantes.set([pan, pri])
    propietaria, _ = crear_formula(eleccion=EleccionFactory(proceso=ordinario, ayuntamiento=True), actor=fyc)

    respuesta = client.get(reverse("candidaturas:lista"))

    assertContains(
        respuesta, f'<a href="{propietaria.get_absolute_url()}">{propietaria.persona.nombre_completo}</a>'
    )
    assertContains(respuesta, '<abbr title="Partido Acción Nacional">PAN</abbr>')
    assertContains(respuesta, '<abbr title="Partido Revolucionario Institucional">PRI</abbr>')


def test_candidaturas_muestra_20_contiendas_por_pagina(client, procesos):
    ordinario, _extra = procesos
    actor = ActorPoliticoFactory()
    for _n in range(21):
        CandidaturaFactory(
            eleccion=EleccionFactory(proceso=ordinario, ayuntamiento=True, municipio=MunicipioFactory()),
            actor=actor,
            persona=PersonaFactory(),
        )

    assertContains(client.get(reverse("candidaturas:lista")), "Contiendas 1 a 20 de 21")


def test_el_perfil_enlaza_las_candidaturas_de_la_persona_en_otros_procesos(client, procesos):
    ordinario, extra = procesos
    persona = PersonaFactory()
    actor = ActorPoliticoFactory()
    aqui = CandidaturaFactory(
        persona=persona, actor=actor, eleccion=EleccionFactory(proceso=ordinario, ayuntamiento=True)
    )
    alla = CandidaturaFactory(
        persona=persona, actor=actor, eleccion=EleccionFactory(proceso=extra, ayuntamiento=True)
    )

    respuesta = client.get(aqui.get_absolute_url())

    assertContains(respuesta, f'href="{alla.get_absolute_url()}"')
    assertContains(respuesta, "(Extraordinario Nextlalpan)")
    assertContains(respuesta, "También es candidatura en")


def test_conoceles_con_busqueda_pone_los_resultados_antes_que_los_filtros(client, procesos):
    ordinario, _extra = procesos
    CandidaturaFactory(eleccion=EleccionFactory(proceso=ordinario, ayuntamiento=True))

    sin_busqueda = client.get(reverse("conoceles:inicio")).content.decode()
    con_busqueda = client.get(reverse("conoceles:inicio") + "?cargo=presidencia_municipal").content.decode()

    assert sin_busqueda.index('id="busqueda-formulario"') < sin_busqueda.index('id="titulo-resultados"')
    assert con_busqueda.index('id="titulo-resultados"') < con_busqueda.index('id="busqueda-formulario"')
    assert '<details class="busqueda__mas">' in con_busqueda  # filtros plegados
    assert "Cambiar la búsqueda y los filtros" in con_busqueda
    assertNotContains(client.get(reverse("conoceles:inicio")), "Cambiar la búsqueda y los filtros")


# --- Quita dudas: búsqueda con raíces en español ---------------------------------------------------


@pytest.mark.parametrize(
    ("busqueda", "pregunta"),
    [
        ("votación", "¿Cómo votar si estoy fuera de mi municipio?"),
        ("candidatos", "¿Quién puede ser candidata independiente?"),
        ("casillas", "¿Dónde queda mi casilla?"),
    ],
)
def test_quita_dudas_encuentra_palabras_de_la_misma_raiz(client, db, busqueda, pregunta):
    from tests.decide.factories import PreguntaFrecuenteFactory

    PreguntaFrecuenteFactory(pregunta=pregunta, respuesta="Una respuesta.")
    PreguntaFrecuenteFactory(pregunta="¿Hay museo del zafiro?", respuesta="Nada que ver.")

    respuesta = client.get(reverse("decide:quita_dudas"), {"q": busqueda})

    assertContains(respuesta, pregunta)
    assertNotContains(respuesta, "¿Hay museo del zafiro?")


def test_la_raiz_aproximada():
    from comun.texto import raiz

    assert raiz("votacion") == raiz("votar") == raiz("voto") == "vot"
    assert raiz("candidatos") == raiz("candidata") == "candidat"
    assert raiz("ine") == "ine"


def test_las_fechas_de_participacion_van_en_formato_mexicano(client, db):
    import datetime

    from django.utils import timezone

    from participacion.estadisticas import resumen_participacion
    from participacion.models import Comentario
    from tests.participacion.factories import ComentarioFactory
    from tests.plataformas.factories import PropuestaFactory

    propuesta = PropuestaFactory()
    ComentarioFactory(propuesta=propuesta)
    Comentario.objects.update(creado=timezone.make_aware(datetime.datetime(2026, 11, 15, 12)))

    resumen = {g["serie"]: g for g in resumen_participacion(propuesta.plataforma.proceso)}

    assert [b["etiqueta"] for b in resumen["dia"]["comentarios"]] == ["15/11/2026"]
