"""Estadísticas del art. 4 (issue 15): grupos en situación de discriminación por partido, por sexo
y por acción afirmativa, la comparación registro ↔ identidad declarada, los filtros de la página, y
la fuga por diferencia de issue 12 (el 0 se protege como cualquier cifra menor de 5)."""

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, Persona
from conoceles import estadisticas as est
from conoceles.estadisticas import cifra, proteger
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.conoceles.factories_cuestionarios import publicar_curricular, responder_identidad

URL = reverse("conoceles:estadisticas")

INDIGENA = Candidatura.AccionAfirmativa.INDIGENA
MIGRANTE = Candidatura.AccionAfirmativa.MIGRANTE


@pytest.fixture
def eleccion():
    return EleccionFactory(proceso=ProcesoElectoralFactory(predeterminado=True))


def tabla_csv(client, grafica, **parametros):
    respuesta = client.get(reverse("conoceles:estadisticas_csv", args=[grafica]), parametros)
    assert respuesta.status_code == 200, respuesta.status_code
    contenido = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(contenido)))


def fila(tabla, primera):
    return next(f for f in tabla if f[0] == primera)


def contestar(eleccion, respuestas, n, *, actor, sexo=Persona.Sexo.MUJER, accion="", estadistica=True):
    """`n` personas nuevas de `actor` con las mismas respuestas de identidad. Devuelve sus
    consentimientos."""
    inicio = Candidatura.objects.filter(eleccion=eleccion, actor=actor).count()
    consentimientos = []
    for i in range(n):
        candidatura = CandidaturaFactory(
            eleccion=eleccion,
            actor=actor,
            numero=inicio + i + 1,
            accion_afirmativa=accion,
            persona=PersonaFactory(sexo=sexo),
        )
        consentimientos.append(responder_identidad(candidatura, respuestas, estadistica=estadistica))
    return consentimientos


# --- La regla con el cero protegido ---------------------------------------------------------------


def test_con_el_cero_protegido_el_cero_se_publica_como_menos_de_cinco():
    assert cifra(0, cero_protegido=True).texto == "menos de 5"
    assert cifra(0).texto == "0"


def test_con_el_cero_protegido_un_cero_tambien_pide_complementar():
    cifras, _total = proteger([12, 8, 0], cero_protegido=True)

    assert [c.texto for c in cifras] == ["12", "dato protegido", "menos de 5"]


@given(
    st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8),
    st.data(),
)
def test_lo_que_se_oculta_no_depende_del_valor_de_las_cifras_menores_de_cinco(conteos, data):
    """Cambiar cualquier cifra de 0 a 4 por otra de 0 a 4 (una persona que retira su autorización)
    no cambia ninguna cifra publicada: la diferencia antes/después no dice nada."""
    pequenas = [i for i, valor in enumerate(conteos) if valor < 5]
    if not pequenas:
        return
    i = data.draw(st.sampled_from(pequenas))
    despues = list(conteos)
    despues[i] = data.draw(st.integers(min_value=0, max_value=4))
    for suma_conocida in (True, False):
        antes_, _ = proteger(conteos, suma_conocida=suma_conocida, cero_protegido=True)
        despues_, _ = proteger(despues, suma_conocida=suma_conocida, cero_protegido=True)
        assert [c.texto for c in antes_] == [c.texto for c in despues_]


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8))
def test_ninguna_cifra_oculta_se_deduce_restando(conteos):
    """Con el total conocido, lo oculto nunca es una sola cifra ni suma exactamente lo mínimo."""
    cifras, total = proteger(conteos, cero_protegido=True)
    ocultas = [i for i, c in enumerate(cifras) if c.protegida]
    if total.protegida or not ocultas:
        return
    assert len(ocultas) >= 2
    secundarias = [i for i in ocultas if conteos[i] >= 5]
    assert sum(conteos[i] for i in secundarias) > 5 * len(secundarias) >= 5


# --- Por partido, por sexo y por acción afirmativa --------------------------------------------------


@pytest.mark.django_db
def test_los_grupos_por_partido_cuentan_a_quien_se_declara_y_complementan(client, eleccion):
    pra, prb, prc = (ActorPoliticoFactory(siglas=s, orden=n) for n, s in enumerate(["PRA", "PRB", "PRC"]))
    contestar(eleccion, {1: "si"}, 8, actor=pra)
    contestar(eleccion, {1: "si"}, 6, actor=prb)
    contestar(eleccion, {1: "si"}, 1, actor=prc)
    contestar(eleccion, {1: "no"}, 5, actor=prc)

    tabla = tabla_csv(client, "grupos-actor")

    assert tabla[0][:3] == ["actor", "personas_candidatas", "se_declaran_indigena"]
    assert fila(tabla, "PRA")[:3] == ["PRA", "8", "8"]
    assert fila(tabla, "PRB")[:3] == ["PRB", "6", "dato protegido"]
    assert fila(tabla, "PRC")[:3] == ["PRC", "6", "menos de 5"]


@pytest.mark.django_db
def test_los_grupos_por_sexo(client, eleccion):
    actor = ActorPoliticoFactory()
    contestar(eleccion, {8: "si"}, 9, actor=actor, sexo=Persona.Sexo.MUJER)
    contestar(eleccion, {8: "si"}, 7, actor=actor, sexo=Persona.Sexo.HOMBRE)
    contestar(eleccion, {8: "si"}, 2, actor=actor, sexo=Persona.Sexo.NO_BINARIA)

    tabla = tabla_csv(client, "grupos-sexo")
    columna = tabla[0].index("se_declaran_afromexicana")

    assert fila(tabla, "Mujer")[columna] == "9"
    assert fila(tabla, "Hombre")[columna] == "dato protegido"
    assert fila(tabla, "Persona no binaria")[columna] == "menos de 5"
    assertContains(client.get(URL), "Grupos por sexo")


@pytest.mark.django_db
def test_los_grupos_por_accion_afirmativa(client, eleccion):
    actor = ActorPoliticoFactory()
    contestar(eleccion, {1: "si", 16: "si"}, 8, actor=actor, accion=INDIGENA)
    contestar(eleccion, {1: "si", 16: "no"}, 6, actor=actor)
    contestar(eleccion, {1: "no"}, 2, actor=actor, accion=MIGRANTE)

    tabla = tabla_csv(client, "grupos-accion")

    assert fila(tabla, "Persona indígena")[:3] == ["Persona indígena", "8", "8"]
    assert fila(tabla, "Sin acción afirmativa")[:3] == ["Sin acción afirmativa", "6", "dato protegido"]
    assert fila(tabla, "Persona migrante")[:3] == ["Persona migrante", "menos de 5", "menos de 5"]
    # Las acciones afirmativas sin personas registradas no llevan fila.
    assert not any(f[0] == "Persona afromexicana" for f in tabla)


@pytest.mark.django_db
def test_la_accion_afirmativa_frente_a_la_identidad_declarada(client, eleccion):
    actor = ActorPoliticoFactory()
    contestar(eleccion, {1: "si"}, 8, actor=actor, accion=INDIGENA)
    contestar(eleccion, {1: "no"}, 6, actor=actor, accion=INDIGENA)
    contestar(eleccion, {1: "prefiero_no_contestar"}, 2, actor=actor, accion=INDIGENA)
    # Registradas como indígenas que no autorizan el uso estadístico: cuentan en el registro, no en
    # la identidad declarada.
    contestar(eleccion, {1: "si"}, 3, actor=actor, accion=INDIGENA, estadistica=False)
    contestar(eleccion, {1: "si"}, 7, actor=actor)

    tabla = tabla_csv(client, "accion-vs-identidad")

    assert tabla[0] == [
        "accion_afirmativa",
        "personas_registradas",
        "se_declaran_del_grupo",
        "no_se_declaran",
        "prefirieron_no_contestar",
    ]
    assert fila(tabla, "Persona indígena") == ["Persona indígena", "19", "8", "dato protegido", "menos de 5"]
    # Nadie registrado como afromexicana: sus respuestas son 0 por definición, sin nada que proteger.
    assert fila(tabla, "Persona afromexicana") == ["Persona afromexicana", "0", "0", "0", "0"]
    respuesta = client.get(URL)
    assertContains(respuesta, "Acciones afirmativas: registro frente a la identidad que se declara")
    assertContains(respuesta, "Persona indígena: se declaran")
    assertNotContains(respuesta, "Persona afromexicana: registradas")


@pytest.mark.django_db
def test_cada_desglose_tiene_grafica_tabla_y_csv(client, eleccion):
    contestar(eleccion, {1: "si"}, 5, actor=ActorPoliticoFactory())

    respuesta = client.get(URL)

    for slug in ("grupos-actor", "grupos-sexo", "grupos-accion", "accion-vs-identidad"):
        assertContains(respuesta, f'id="tabla-{slug}"')
        assertContains(respuesta, reverse("conoceles:estadisticas_csv", args=[slug]))
    graficas = ("grupos-actor-indigena", "grupos-sexo-joven", "grupos-accion-mayor", "accion-vs-identidad")
    for grafica in graficas:
        assertContains(respuesta, f'id="grafica-{grafica}-titulo"')


@pytest.mark.django_db
def test_una_persona_con_candidaturas_de_dos_partidos_solo_cuenta_en_la_filtrada(eleccion):
    pra, prb = ActorPoliticoFactory(siglas="PRA"), ActorPoliticoFactory(siglas="PRB")
    ayuntamiento = EleccionFactory(proceso=eleccion.proceso, ayuntamiento=True)
    persona = PersonaFactory()
    CandidaturaFactory(eleccion=eleccion, actor=pra, persona=persona, cargo=Candidatura.Cargo.DIPUTACION)
    regiduria = CandidaturaFactory(
        eleccion=ayuntamiento, actor=prb, persona=persona, cargo=Candidatura.Cargo.REGIDURIA
    )
    responder_identidad(regiduria, {1: "si"})
    si = est.grupos_del_catalogo(est.catalogo_de_identidad())[0].si
    diputaciones = est.filtrar(
        Candidatura.objects.vigentes().filter(eleccion__proceso=eleccion.proceso), cargo="diputacion"
    )

    conteos = est._respuestas_por(eleccion.proceso, diputaciones, est.DESGLOSES["actor"][1], [si])

    assert conteos == {(pra.pk, si): 1}


# --- Filtros -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_el_filtro_de_partido_deja_solo_sus_candidaturas(client, eleccion):
    pra, prb = ActorPoliticoFactory(siglas="PRA", slug="pra"), ActorPoliticoFactory(siglas="PRB", slug="prb")
    contestar(eleccion, {1: "si"}, 8, actor=pra)
    contestar(eleccion, {1: "no"}, 6, actor=pra)
    contestar(eleccion, {1: "prefiero_no_contestar"}, 2, actor=pra)
    contestar(eleccion, {1: "si"}, 30, actor=prb)

    assert any(f[1:3] == ["Sí", "8"] for f in tabla_csv(client, "identidad-p01", actor="pra"))
    assert [f[0] for f in tabla_csv(client, "grupos-actor", actor="pra")[1:]] == ["PRA"]
    assert fila(tabla_csv(client, "avance", actor="pra"), "Todas las candidaturas")[-1] == "16"
    respuesta = client.get(URL, {"actor": "pra"})
    assertContains(respuesta, "Filtros aplicados a todas las cifras de la página")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parametro", "valor", "mensaje"),
    [
        ("actor", "partido-fantasma", "Elige un partido, coalición o candidatura independiente de la lista"),
        ("sexo", "otro", "Elige un sexo de la lista."),
        ("accion", "vikinga", "Elige una acción afirmativa de la lista."),
    ],
)
def test_un_filtro_invalido_da_400_con_mensaje(client, eleccion, parametro, valor, mensaje):
    CandidaturaFactory(eleccion=eleccion)

    respuesta = client.get(URL, {parametro: valor})
    assertContains(respuesta, mensaje, status_code=400)
    url_csv = reverse("conoceles:estadisticas_csv", args=["sexo"])
    assert client.get(url_csv, {parametro: valor}).status_code == 400


@pytest.mark.django_db
def test_un_partido_de_otro_proceso_es_invalido(client, eleccion):
    otro = EleccionFactory(proceso=ProcesoElectoralFactory())
    CandidaturaFactory(eleccion=otro, actor=ActorPoliticoFactory(slug="solo-en-otro"))
    CandidaturaFactory(eleccion=eleccion)

    assert client.get(URL, {"actor": "solo-en-otro"}).status_code == 400


@pytest.mark.django_db
def test_los_filtros_de_sexo_y_accion_afirmativa(client, eleccion):
    actor = ActorPoliticoFactory()
    contestar(eleccion, {1: "si"}, 8, actor=actor, sexo=Persona.Sexo.HOMBRE, accion=INDIGENA)
    contestar(eleccion, {1: "no"}, 6, actor=actor, sexo=Persona.Sexo.HOMBRE, accion=INDIGENA)
    contestar(eleccion, {1: "prefiero_no_contestar"}, 2, actor=actor, sexo=Persona.Sexo.HOMBRE)
    contestar(eleccion, {1: "no"}, 20, actor=actor, sexo=Persona.Sexo.MUJER)

    assert fila(tabla_csv(client, "sexo", sexo="hombre"), "Hombre") == ["Hombre", "16"]
    assert fila(tabla_csv(client, "sexo", sexo="hombre"), "Mujer") == ["Mujer", "0"]
    avance = tabla_csv(client, "avance", accion="indigena")
    assert fila(avance, "Todas las candidaturas")[-1] == "14"
    sin_accion = tabla_csv(client, "avance", accion="ninguna")
    assert fila(sin_accion, "Todas las candidaturas")[-1] == "22"


@pytest.mark.parametrize("cuantas", [1, 20])
@pytest.mark.django_db
def test_la_pagina_filtrada_hace_las_mismas_consultas(client, django_assert_num_queries, eleccion, cuantas):
    actores = [ActorPoliticoFactory(slug=f"actor-{n}") for n in range(3)]
    for actor in actores:
        for c in contestar(eleccion, {1: "si", 16: "si"}, cuantas, actor=actor, accion=INDIGENA):
            publicar_curricular(Candidatura.objects.get(persona=c.persona))

    with django_assert_num_queries(16):
        respuesta = client.get(URL, {"actor": "actor-1", "sexo": "mujer", "accion": "indigena"})

    assert respuesta.status_code == 200


# --- Fuga por diferencia (issue 12) ---------------------------------------------------------------


@pytest.fixture
def proceso_con_una_persona_que_retira(eleccion):
    """Grupos grandes y una persona que es la única (o casi) en varias categorías: no binaria, de
    un partido propio, registrada como migrante, la única afromexicana y migrante y una de las
    tres que prefirieron no contestar la P01. Devuelve su consentimiento."""
    actor = ActorPoliticoFactory(siglas="PRA")
    contestar(eleccion, {1: "si", 8: "no", 11: "no"}, 8, actor=actor, accion=INDIGENA)
    contestar(eleccion, {1: "no", 8: "no", 11: "no"}, 6, actor=actor, sexo=Persona.Sexo.HOMBRE)
    contestar(eleccion, {1: "prefiero_no_contestar"}, 2, actor=actor, accion=MIGRANTE)
    (consentimiento,) = contestar(
        eleccion,
        {1: "prefiero_no_contestar", 8: "si", 11: "si", 16: "si"},
        1,
        actor=ActorPoliticoFactory(siglas="PRU", slug="pru"),
        sexo=Persona.Sexo.NO_BINARIA,
        accion=MIGRANTE,
    )
    return consentimiento


ESTADISTICAS_DE_IDENTIDAD = [
    ("identidad-p01", {}),
    ("identidad-p08", {}),
    ("identidad-p11", {}),
    ("identidad-p16", {}),
    ("grupos-actor", {}),
    ("grupos-sexo", {}),
    ("grupos-accion", {}),
    ("accion-vs-identidad", {}),
    ("identidad-p01", {"sexo": "no_binaria"}),
    ("identidad-p08", {"actor": "pru"}),
    ("accion-vs-identidad", {"accion": "migrante"}),
    ("grupos-sexo", {"accion": "migrante"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("grafica", "filtros"), ESTADISTICAS_DE_IDENTIDAD)
def test_retirar_la_autorizacion_no_cambia_ninguna_cifra_pequena(
    client, eleccion, proceso_con_una_persona_que_retira, django_capture_on_commit_callbacks, grafica, filtros
):
    from cuestionarios.services import registrar_consentimiento

    consentimiento = proceso_con_una_persona_que_retira
    antes = tabla_csv(client, grafica, **filtros)
    assert any("menos de 5" in f for f in antes)

    with django_capture_on_commit_callbacks(execute=True):
        registrar_consentimiento(
            persona=consentimiento.persona,
            proceso=eleccion.proceso,
            aviso=consentimiento.aviso,
            tratamiento=True,
            publicacion=True,
            estadistica=False,
            usuario=None,
        )

    assert tabla_csv(client, grafica, **filtros) == antes


@pytest.mark.django_db
def test_retirar_la_autorizacion_no_cambia_la_pagina(
    client, eleccion, proceso_con_una_persona_que_retira, django_capture_on_commit_callbacks
):
    from cuestionarios.services import registrar_consentimiento

    consentimiento = proceso_con_una_persona_que_retira
    antes = client.get(URL).content
    identidad = antes.split(b'id="titulo-identidad"')[1].split(b'id="titulo-grupos"')[0]
    assert b"menos de 5" in identidad
    assert b">0</td>" not in identidad

    with django_capture_on_commit_callbacks(execute=True):
        registrar_consentimiento(
            persona=consentimiento.persona,
            proceso=eleccion.proceso,
            aviso=consentimiento.aviso,
            tratamiento=True,
            publicacion=True,
            estadistica=False,
            usuario=None,
        )

    assert client.get(URL).content == antes
