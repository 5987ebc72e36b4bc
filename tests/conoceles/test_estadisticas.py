"""Estadísticas de Conóceles y tablero de avance (C10, C12): protección de cifras pequeñas,
consentimiento estadístico, cuestionarios no publicados, filtros y consultas fijas."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, Eleccion, Persona
from conoceles.estadisticas import cifra, proteger
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
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

URL = reverse("conoceles:estadisticas")


def csv_de(client, grafica, **parametros):
    respuesta = client.get(reverse("conoceles:estadisticas_csv", args=[grafica]), parametros)
    assert respuesta.status_code == 200
    return b"".join(respuesta.streaming_content).decode("utf-8-sig")


@pytest.fixture
def eleccion():
    return EleccionFactory(proceso=ProcesoElectoralFactory(predeterminado=True))


def contestar(eleccion, *, si=0, no=0, no_contesto=0, pregunta=1, publicacion=True, **campos):
    """Personas nuevas que contestan `pregunta` con Sí, No o «Prefiero no contestar» y autorizan
    el uso estadístico. Devuelve sus consentimientos."""
    consentimientos = []
    for clave, n in (("si", si), ("no", no), ("prefiero_no_contestar", no_contesto)):
        for c in candidaturas(eleccion, n, **campos):
            consentimientos.append(responder_identidad(c, {pregunta: clave}, publicacion=publicacion))
    return consentimientos


def candidaturas(eleccion, n, **campos):
    actor = campos.pop("actor", None) or ActorPoliticoFactory()
    persona = campos.pop("persona", {})
    return [
        CandidaturaFactory(
            eleccion=eleccion, actor=actor, numero=i + 1, persona=PersonaFactory(**persona), **campos
        )
        for i in range(n)
    ]


# --- La regla de protección ----------------------------------------------------------------------


def test_cuatro_se_muestra_como_menos_de_cinco():
    assert cifra(4).texto == "menos de 5"
    assert cifra(4).valor is None


def test_cinco_se_muestra_como_cinco():
    assert cifra(5).texto == "5"


def test_cero_se_muestra_como_cero():
    assert cifra(0).texto == "0"
    assert cifra(0).valor == 0


def test_una_cifra_oculta_no_se_deduce_restando_al_total():
    cifras, total = proteger([3, 10, 20])

    assert [c.texto for c in cifras] == ["menos de 5", "dato protegido", "20"]
    assert total.texto == "33"


def test_si_no_hay_con_que_complementar_se_oculta_el_total():
    cifras, total = proteger([4, 0])

    assert [c.texto for c in cifras] == ["menos de 5", "0"]
    assert total.valor is None


def test_dos_cifras_que_solo_pueden_valer_uno_ocultan_el_total():
    _cifras, total = proteger([1, 1, 0])

    assert total.valor is None


def test_los_porcentajes_solo_acompanan_a_cifras_visibles():
    cifras, _total = proteger([3, 10, 20])

    assert [c.porcentaje for c in cifras] == ["", "", "61%"]


def test_las_preguntas_de_varias_opciones_no_complementan():
    cifras, _total = proteger([3, 10, 20], suma_conocida=False)

    assert [c.texto for c in cifras] == ["menos de 5", "10", "20"]


# --- La página -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sin_proceso_la_pagina_lo_dice(client):
    respuesta = client.get(URL)

    assertContains(respuesta, "Todavía no hay un proceso electoral registrado")


@pytest.mark.django_db
def test_cuatro_candidaturas_de_un_sexo_se_muestran_como_menos_de_cinco(client, eleccion):
    candidaturas(eleccion, 4, persona={"sexo": Persona.Sexo.HOMBRE})
    candidaturas(eleccion, 12, persona={"sexo": Persona.Sexo.MUJER})

    respuesta = client.get(URL)

    assertContains(respuesta, "menos de 5")
    assert "Hombre,menos de 5" in csv_de(client, "sexo")


@pytest.mark.django_db
def test_el_avance_cuenta_publicadas_enviadas_y_sin_captura(client, eleccion):
    publicadas = candidaturas(eleccion, 5)
    enviadas = candidaturas(eleccion, 6)
    candidaturas(eleccion, 7)
    for c in publicadas:
        publicar_curricular(c)
    for c in enviadas:
        enviar_curricular(c)

    contenido = csv_de(client, "avance")

    assert "Todas las candidaturas,5,27.8,6,33.3,7,38.9,18" in contenido


@pytest.mark.django_db
def test_el_avance_por_actor_protege_la_fila_completa(client, eleccion):
    actor = ActorPoliticoFactory(siglas="PXA")
    for c in candidaturas(eleccion, 3, actor=actor):
        publicar_curricular(c)
    candidaturas(eleccion, 20, actor=actor, cargo=Candidatura.Cargo.DIPUTACION, calidad="suplente")

    contenido = csv_de(client, "avance-actor-cargo")

    assert "PXA,Diputación,menos de 5,,0,0.0,20,87.0,23" not in contenido
    assert "PXA,Diputación,menos de 5,,0,0.0,dato protegido,,23" in contenido


@pytest.mark.django_db
def test_las_candidaturas_canceladas_no_cuentan(client, eleccion):
    candidaturas(eleccion, 5)
    candidaturas(eleccion, 6, estado=Candidatura.Estado.CANCELADA)

    assert "Todas las candidaturas,0,0.0,0,0.0,5,100.0,5" in csv_de(client, "avance")


@pytest.mark.django_db
def test_el_avance_por_municipio_usa_las_planillas_de_ayuntamiento(client):
    proceso = ProcesoElectoralFactory(predeterminado=True)
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio__nombre="Tonatico")
    candidaturas(ayuntamiento, 6, cargo=Candidatura.Cargo.REGIDURIA)

    assert "Tonatico,0,0.0,0,0.0,6,100.0,6" in csv_de(client, "avance-municipio")


@pytest.mark.django_db
def test_la_escolaridad_solo_cuenta_cuestionarios_publicados(client, eleccion):
    for c in candidaturas(eleccion, 5):
        publicar_curricular(c, grado_estudios="maestria")
    for c in candidaturas(eleccion, 5):
        enviar_curricular(c, grado_estudios="maestria")

    contenido = csv_de(client, "escolaridad")

    assert "Maestría,5" in contenido
    assert "Sin información publicada,5" in contenido


@pytest.mark.django_db
def test_la_identidad_solo_cuenta_a_quien_autorizo_la_estadistica(client, eleccion):
    contestar(eleccion, si=8, no=6, no_contesto=2, publicacion=False)
    for c in candidaturas(eleccion, 3):
        responder_identidad(c, {1: "si"}, publicacion=True, estadistica=False)

    assert "Sí,8" in csv_de(client, "identidad-p01")


@pytest.mark.django_db
def test_retirar_la_autorizacion_estadistica_saca_a_la_persona_de_la_grafica(client, eleccion):
    consentimientos = contestar(eleccion, si=8, no=6, no_contesto=2)
    assert "Sí,8" in csv_de(client, "identidad-p01")

    consentimientos[0].autoriza_estadistica = False
    consentimientos[0].save()

    assert "Sí,7" in csv_de(client, "identidad-p01")


@pytest.mark.django_db
def test_las_respuestas_sin_publicar_no_cuentan(client, eleccion):
    for c in candidaturas(eleccion, 5):
        responder_identidad(c, {1: "si"}, publicada=False)

    # Ninguna cuenta: 0, que se publica como cualquier cifra menor de 5.
    assert "Sí,menos de 5" in csv_de(client, "identidad-p01")


@pytest.mark.django_db
def test_una_persona_con_dos_candidaturas_cuenta_una_vez(client, eleccion):
    rp = EleccionFactory(proceso=eleccion.proceso, representacion_proporcional=True)
    for c in candidaturas(eleccion, 8):
        CandidaturaFactory(persona=c.persona, eleccion=rp, actor=c.actor, numero=c.numero)
        responder_identidad(c, {1: "si"})
    contestar(eleccion, no=6, no_contesto=2)

    assert "Sí,8" in csv_de(client, "identidad-p01")


@pytest.mark.django_db
def test_hay_una_grafica_por_dimension_de_identidad(client, eleccion):
    candidaturas(eleccion, 1)

    respuesta = client.get(URL)

    for dimension in (
        "Personas indígenas",
        "Personas con discapacidad",
        "Diversidad sexual",
        "Personas migrantes",
    ):
        assertContains(respuesta, dimension)
    assertContains(respuesta, reverse("conoceles:estadisticas_csv", args=["identidad-p01"]))


@pytest.mark.django_db
def test_el_filtro_de_cargo_deja_solo_ese_cargo(client, eleccion):
    candidaturas(eleccion, 5, cargo=Candidatura.Cargo.DIPUTACION)
    ayuntamiento = EleccionFactory(proceso=eleccion.proceso, ayuntamiento=True)
    candidaturas(ayuntamiento, 6, cargo=Candidatura.Cargo.REGIDURIA)

    contenido = csv_de(client, "avance", cargo="regiduria")

    assert "Todas las candidaturas,0,0.0,0,0.0,6,100.0,6" in contenido
    assertContains(client.get(URL, {"cargo": "regiduria"}), "Estás viendo sólo las candidaturas a")


@pytest.mark.django_db
def test_un_cargo_que_no_existe_da_400_con_mensaje(client, eleccion):
    respuesta = client.get(URL, {"cargo": "emperatriz"})

    assert respuesta.status_code == 400
    assertContains(respuesta, "Elige un cargo de la lista.", status_code=400)


@pytest.mark.django_db
def test_un_proceso_que_no_existe_da_404(client, eleccion):
    assert client.get(URL, {"proceso": "no-existe"}).status_code == 404


@pytest.mark.django_db
def test_una_grafica_que_no_existe_da_404(client, eleccion):
    respuesta = client.get(reverse("conoceles:estadisticas_csv", args=["pastel"]))

    assert respuesta.status_code == 404


@pytest.mark.django_db
def test_la_pagina_explica_la_regla_de_proteccion(client, eleccion):
    respuesta = client.get(URL)

    assertContains(respuesta, "Cómo protegemos a las personas")
    assertContains(respuesta, "dato protegido")


@pytest.mark.django_db
def test_los_nombres_no_aparecen_en_las_estadisticas(client, eleccion):
    candidatura = candidaturas(eleccion, 1, persona={"nombre": "Zacarías"})[0]
    responder_identidad(candidatura, {1: "si"})

    assertNotContains(client.get(URL), "Zacarías")


@pytest.mark.parametrize("cuantas", [1, 30])
@pytest.mark.django_db
def test_la_pagina_hace_siempre_las_mismas_consultas(client, django_assert_num_queries, cuantas):
    proceso = ProcesoElectoralFactory(predeterminado=True)
    mr = EleccionFactory(proceso=proceso)
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True)
    for c in candidaturas(mr, cuantas):
        publicar_curricular(c)
        responder_identidad(c, {1: "si", 4: "si", 6: ["fisica", "mental"]})
    candidaturas(ayuntamiento, cuantas, cargo=Candidatura.Cargo.REGIDURIA)
    assert Eleccion.objects.count() == 2

    # proceso, actores del proceso (filtro), avance por actor y cargo, por municipio, por distrito,
    # sexo, edad, escolaridad, catálogo de identidad, conteos de identidad y, para los grupos del
    # art. 4, personas y respuestas por partido, por sexo y por acción afirmativa (2 × 3).
    with django_assert_num_queries(16):
        respuesta = client.get(URL)

    assert respuesta.status_code == 200


@pytest.mark.django_db
def test_retirar_la_autorizacion_renueva_la_pagina_en_cache(
    client, eleccion, django_capture_on_commit_callbacks
):
    from cuestionarios.services import registrar_consentimiento

    candidaturas_ = candidaturas(eleccion, 8)
    consentimientos = [responder_identidad(c, {1: "si"}) for c in candidaturas_]
    contestar(eleccion, no=6, no_contesto=2)
    assertContains(client.get(URL), '<th scope="row">Sí</th><td>8</td>', html=False)

    with django_capture_on_commit_callbacks(execute=True):
        registrar_consentimiento(
            persona=candidaturas_[0].persona,
            proceso=eleccion.proceso,
            aviso=consentimientos[0].aviso,
            tratamiento=True,
            publicacion=True,
            estadistica=False,
            usuario=None,
        )

    respuesta = client.get(URL)
    assertNotContains(respuesta, '<th scope="row">Sí</th><td>8</td>', html=False)
    assertContains(respuesta, '<th scope="row">Sí</th><td>7</td>', html=False)


@pytest.mark.django_db
def test_los_csv_llevan_numeros_planos_sin_separador_de_miles(client, eleccion):
    """Issue 14: «4,792» y «35%» eran texto; el CSV lleva 4792 y 35.0."""
    from conoceles.estadisticas import Cifra, FilaDeAvance, _fila_csv_de_avance

    fila = FilaDeAvance(
        encabezados=[{"texto": "Todas"}],
        cifras=[Cifra(4792, "4,792", "35%"), Cifra(None, "menos de 5")],
        total=Cifra(13691, "13,691"),
    )

    assert _fila_csv_de_avance(fila) == ["Todas", 4792, 35.0, "menos de 5", "", 13691]
