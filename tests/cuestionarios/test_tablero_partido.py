"""El tablero de la representación de partido (issue 13): búsqueda sin acentos, filtros, totales por
estado que llevan al filtro, páginas de 50, una tabla accesible, «Devolver con observaciones» junto a
«Validar» y un número fijo de consultas."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from candidaturas.models import Candidatura
from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular, Estado, Observacion, Transicion
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.cuentas.factories import CuentaDeActorFactory
from tests.cuestionarios.factories import CuestionarioCurricularFactory, escenario

URL = "/captura/"


def total(estado, texto, elegido=False):
    """El enlace de un total por estado: «3 por validar» lleva a `?estado=enviado`."""
    numero, resto = texto.split(" ", 1)
    actual = ' aria-current="true"' if elegido else ""
    return (
        f'<a href="{URL}?estado={estado}"{actual}><span class="totales__numero">{numero}</span> {resto}</a>'
    )


def nombres_en_la_tabla(respuesta):
    """Los nombres de las filas (los `<th scope="row">`) en el orden en que se ven."""
    return re.findall(r'<th scope="row">([^<]+)</th>', respuesta.content.decode())


@pytest.fixture
def partido(client):
    """Un actor con su representación en sesión y un proceso abierto."""
    actor = ActorPoliticoFactory(siglas="PX", nombre="Partido Equis")
    proceso = ProcesoElectoralFactory()
    client.force_login(CuentaDeActorFactory(actor=actor).usuario)
    return {"actor": actor, "proceso": proceso}


def candidatura(partido, *, nombre, apellido="López", estado=None, **extra):
    extra.setdefault("eleccion", EleccionFactory(proceso=partido["proceso"]))
    c = CandidaturaFactory(
        actor=partido["actor"],
        persona=PersonaFactory(nombre=nombre, primer_apellido=apellido, segundo_apellido=""),
        **extra,
    )
    if estado:
        CuestionarioCurricularFactory(persona=c.persona, proceso=partido["proceso"], estado=estado)
    return c


# --- Búsqueda ----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("busqueda", ["pina", "Piña", "PIÑA aurora", "  aurora   piña "])
def test_la_busqueda_no_distingue_acentos_ni_mayusculas(client, partido, busqueda):
    candidatura(partido, nombre="Aurora", apellido="Piña")
    candidatura(partido, nombre="Beatriz", apellido="Pérez")

    respuesta = client.get(URL, {"q": busqueda})

    assert nombres_en_la_tabla(respuesta) == ["Aurora Piña"]
    assertContains(respuesta, "Mostrando 1–1 de 1 candidatura")


@pytest.mark.django_db
def test_una_busqueda_sin_resultados_lo_dice_y_ofrece_quitar_el_filtro(client, partido):
    candidatura(partido, nombre="Aurora", apellido="Piña")

    respuesta = client.get(URL, {"q": "Zacarías"})

    assertContains(respuesta, "Ninguna candidatura coincide con esa búsqueda o esos filtros.")
    assertContains(respuesta, "Quitar el filtro </span>Nombre de la persona: Zacarías")


# --- Filtros -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_filtra_por_cargo_municipio_distrito_y_estado(client, partido):
    toluca = MunicipioFactory(clave_ieem=106, nombre="Toluca")
    ayuntamiento = EleccionFactory(proceso=partido["proceso"], ayuntamiento=True, municipio=toluca)
    diputacion = EleccionFactory(proceso=partido["proceso"])
    regidora = candidatura(
        partido, nombre="Regina", eleccion=ayuntamiento, cargo=Candidatura.Cargo.REGIDURIA, estado="enviado"
    )
    candidatura(partido, nombre="Paola", eleccion=ayuntamiento, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)
    candidatura(partido, nombre="Diana", eleccion=diputacion, estado="publicado")

    assert nombres_en_la_tabla(client.get(URL, {"cargo": "regiduria"})) == ["Regina López"]
    assert sorted(nombres_en_la_tabla(client.get(URL, {"municipio": 106}))) == ["Paola López", "Regina López"]
    distrito = diputacion.distrito_local.numero
    assert nombres_en_la_tabla(client.get(URL, {"distrito": distrito})) == ["Diana López"]
    assert nombres_en_la_tabla(client.get(URL, {"estado": "enviado"})) == ["Regina López"]
    assert nombres_en_la_tabla(client.get(URL, {"estado": "sin_capturar"})) == ["Paola López"]
    respuesta = client.get(URL, {"municipio": 106, "estado": "enviado"})
    assert nombres_en_la_tabla(respuesta) == [regidora.persona.nombre_completo]
    assertContains(respuesta, "Quitar el filtro </span>Municipio: Toluca")
    assertContains(respuesta, "Quitar el filtro </span>Estado de la captura: Por validar")


@pytest.mark.django_db
def test_un_filtro_que_no_existe_es_400_con_mensaje_y_conserva_lo_escrito(client, partido):
    candidatura(partido, nombre="Aurora")

    respuesta = client.get(URL, {"estado": "inventado", "q": "Aurora"})

    assert respuesta.status_code == 400
    assertContains(respuesta, "No pudimos aplicar esos filtros", status_code=400)
    assertContains(respuesta, "«inventado» no es una opción de este filtro", status_code=400)
    assertContains(respuesta, 'value="Aurora"', status_code=400)


# --- Totales -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_los_totales_por_estado_cuentan_y_llevan_a_su_filtro(client, partido):
    for n in range(3):
        candidatura(partido, nombre=f"Enviada{n}", estado="enviado")
    candidatura(partido, nombre="Publicada", estado="publicado")
    candidatura(partido, nombre="Observada", estado="con_observaciones")
    candidatura(partido, nombre="Nueva")

    respuesta = client.get(URL)

    assertContains(respuesta, total("enviado", "3 por validar"), html=True)
    assertContains(respuesta, total("publicado", "1 publicada"), html=True)
    assertContains(respuesta, total("con_observaciones", "1 con observaciones del IEEM"), html=True)
    assertContains(respuesta, total("sin_capturar", "1 sin capturar"), html=True)
    assertContains(respuesta, total("devuelta", "0 devueltas con observaciones"), html=True)
    filtrada = client.get(URL, {"estado": "enviado"})
    assert len(nombres_en_la_tabla(filtrada)) == 3
    assertContains(filtrada, total("enviado", "3 por validar", elegido=True), html=True)


@pytest.mark.django_db
def test_por_validar_sale_primero(client, partido):
    candidatura(partido, nombre="Zoe", apellido="Zúñiga", estado="enviado")
    candidatura(partido, nombre="Álvaro", apellido="Zamora", estado="publicado")
    candidatura(partido, nombre="Beto", apellido="Ávila", estado="publicado")

    # Primero lo que toca validar; dentro de cada estado, por nombre sin importar el acento.
    assert nombres_en_la_tabla(client.get(URL)) == ["Zoe Zúñiga", "Álvaro Zamora", "Beto Ávila"]
    assert nombres_en_la_tabla(client.get(URL, {"orden": "nombre"})) == [
        "Álvaro Zamora",
        "Beto Ávila",
        "Zoe Zúñiga",
    ]


# --- Páginas -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pagina_de_50_con_conteo_y_los_filtros_se_conservan_al_paginar(client, partido):
    eleccion = EleccionFactory(proceso=partido["proceso"])
    for n in range(53):
        candidatura(partido, nombre=f"Persona{n:02d}", eleccion=eleccion, numero=n + 1, estado="enviado")
    candidatura(partido, nombre="Otra", eleccion=eleccion, numero=99)

    primera = client.get(URL, {"estado": "enviado"})
    segunda = client.get(URL, {"estado": "enviado", "pagina": 2})

    assert len(nombres_en_la_tabla(primera)) == 50
    assertContains(primera, "Mostrando 1–50 de 53 candidaturas")
    assertContains(primera, 'href="?estado=enviado&amp;pagina=2" rel="next"')
    assertContains(primera, "Página 1 de 2")
    assert len(nombres_en_la_tabla(segunda)) == 3
    assertContains(segunda, "Mostrando 51–53 de 53 candidaturas")
    assertContains(segunda, 'href="?estado=enviado&amp;pagina=1" rel="prev"')


# --- Tabla -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_es_una_tabla_accesible_que_se_apila_en_el_telefono(client, partido):
    c = candidatura(partido, nombre="Aurora", apellido="Piña", estado="enviado")

    respuesta = client.get(URL)

    contenido = respuesta.content.decode()
    assert '<table class="tabla-apilable">' in contenido
    assert "<caption>Candidaturas de PX y estado de su captura</caption>" in contenido
    assert contenido.count('<th scope="col">') == 4
    assertContains(respuesta, '<th scope="row">Aurora Piña</th>')
    # Cada celda lleva su encabezado para leerse como tarjeta en el teléfono (oculto a lectores).
    assertContains(respuesta, '<span class="tabla-apilable__etiqueta" aria-hidden="true">Estado: </span>')
    cuestionario = CuestionarioCurricular.objects.get(persona=c.persona)
    assertContains(
        respuesta,
        f'<a href="/captura/partido/{cuestionario.pk}/">Revisar y validar'
        '<span class="visualmente-oculto"> la captura de Aurora Piña</span></a>',
    )


@pytest.mark.django_db
def test_las_consultas_del_tablero_no_crecen_con_las_filas(client, partido):
    eleccion = EleccionFactory(proceso=partido["proceso"])
    candidatura(partido, nombre="Única", eleccion=eleccion, numero=1, estado="enviado")
    with CaptureQueriesContext(connection) as con_una:
        assert client.get(URL).status_code == 200

    for n in range(2, 51):
        candidatura(partido, nombre=f"Persona{n}", eleccion=eleccion, numero=n, estado="publicado")
    with CaptureQueriesContext(connection) as con_cincuenta:
        respuesta = client.get(URL)

    assert len(nombres_en_la_tabla(respuesta)) == 50
    assert len(con_cincuenta) == len(con_una)
    assert len(con_una) <= 12, [q["sql"][:80] for q in con_una]


# --- Devolver con observaciones ------------------------------------------------------------------------


def _enviada(client):
    datos = escenario()
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    datos["partido"] = CuentaDeActorFactory(actor=datos["actor"]).usuario
    client.force_login(datos["partido"])
    return datos


@pytest.mark.django_db
def test_devolver_esta_junto_a_validar_en_la_captura_enviada(client):
    datos = _enviada(client)

    respuesta = client.get(reverse("cuestionarios:partido_captura", args=[datos["curricular"].pk]))

    assertContains(respuesta, "Validar candidatura")
    assertContains(respuesta, "Devolver con observaciones")
    assertContains(
        respuesta, f'action="{reverse("cuestionarios:partido_devolver", args=[datos["curricular"].pk])}"'
    )
    assertContains(respuesta, "En captura → Enviado")
    assertContains(respuesta, datos["persona"].nombre_completo)


@pytest.mark.django_db
def test_devolver_sin_razones_muestra_el_mensaje_y_conserva_lo_elegido(client):
    datos = _enviada(client)
    url = reverse("cuestionarios:partido_devolver", args=[datos["curricular"].pk])

    respuesta = client.post(url, {"parte": "formacion", "razones": "   "})

    assert respuesta.status_code == 400
    assertContains(respuesta, "Escribe las razones: la persona necesita saber qué corregir.", status_code=400)
    assertContains(respuesta, '<option value="formacion" selected>', status_code=400)
    assert CuestionarioCurricular.objects.get().estado == Estado.ENVIADO

    sin_parte = client.post(url, {"razones": "Falta tu cédula profesional."})
    assertContains(sin_parte, "Elige la parte de la captura que la persona debe corregir.", status_code=400)
    assertContains(sin_parte, "Falta tu cédula profesional.</textarea>", status_code=400)
    assert not Observacion.objects.exists()


@pytest.mark.django_db
def test_devolver_con_razones_regresa_la_captura_y_queda_en_el_historial(client):
    datos = _enviada(client)
    url = reverse("cuestionarios:partido_devolver", args=[datos["curricular"].pk])

    respuesta = client.post(url, {"parte": "formacion", "razones": "Falta tu cédula profesional."})

    assertRedirects(respuesta, URL, fetch_redirect_response=False)
    assert CuestionarioCurricular.objects.get().estado == Estado.EN_CAPTURA
    transicion = Transicion.objects.get(hacia=Estado.EN_CAPTURA)
    assert (transicion.desde, transicion.usuario, transicion.comentario) == (
        Estado.ENVIADO,
        datos["partido"],
        "Falta tu cédula profesional.",
    )
    tablero = client.get(URL)
    assertContains(
        tablero, f"Devolviste la captura de {datos['persona'].nombre_completo} con tus observaciones"
    )
    assertContains(tablero, total("devuelta", "1 devuelta con observaciones"), html=True)
    assert nombres_en_la_tabla(client.get(URL, {"estado": "devuelta"})) == [datos["persona"].nombre_completo]
    captura = client.get(reverse("cuestionarios:partido_captura", args=[datos["curricular"].pk]))
    assertContains(captura, "Enviado → En captura")
    assertContains(captura, f"Representación de {datos['actor'].siglas}")
    assertContains(captura, "Falta tu cédula profesional.")
    assertNotContains(captura, "Validar candidatura")


@pytest.mark.django_db
def test_devolver_lo_ya_validado_es_403_y_de_otro_partido_404(client):
    datos = _enviada(client)
    services.mover(cuestionario=datos["curricular"], movimiento="validar", usuario=datos["partido"])
    url = reverse("cuestionarios:partido_devolver", args=[datos["curricular"].pk])

    assert client.post(url, {"parte": "formacion", "razones": "x"}).status_code == 403
    client.force_login(CuentaDeActorFactory().usuario)
    assert client.post(url, {"parte": "formacion", "razones": "x"}).status_code == 404
    assert CuestionarioCurricular.objects.get().estado == Estado.VALIDADO_PARTIDO
