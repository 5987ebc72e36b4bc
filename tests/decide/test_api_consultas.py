"""Consultas por operación de la API: las mismas con 1 que con 50 filas, y fijadas aquí.

Cada caso crea `n` filas de lo que la operación lista y cuenta las consultas de una petición. El
límite por IP usa la caché (en memoria en las pruebas), así que no suma consultas."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidaturas.models import Candidatura
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
    SeccionFactory,
)
from tests.conoceles.factories import publicar, responder_identidad
from tests.plataformas.factories import PlataformaElectoralFactory, PropuestaFactory


def _proceso():
    return ProcesoElectoralFactory(
        slug="pelo-2027", predeterminado=True, fecha_jornada=datetime.date(2027, 6, 6)
    )


def candidaturas(n):
    eleccion = EleccionFactory(proceso=_proceso())
    anterior = CandidaturaFactory(eleccion=eleccion, estado=Candidatura.Estado.SUSTITUIDA)
    for i in range(n):
        c = CandidaturaFactory(eleccion=eleccion, numero=i + 1, sustituye=anterior if i == 0 else None)
        publicar(c)
    return "/api/v1/candidaturas/?por_pagina=50"


def candidaturas_de_un_actor(n):
    eleccion = EleccionFactory(proceso=_proceso())
    actor = ActorPoliticoFactory(siglas="PFIJO")
    for i in range(n):
        publicar(CandidaturaFactory(eleccion=eleccion, actor=actor, numero=i + 1))
    return "/api/v1/candidaturas/?por_pagina=50&actor=pfijo"


def candidatura(n):
    eleccion = EleccionFactory(proceso=_proceso())
    c = CandidaturaFactory(eleccion=eleccion)
    publicar(c)
    responder_identidad(c, claves=["si"] if n == 1 else None)
    return f"/api/v1/candidaturas/{c.pk}/"


def personas(n):
    eleccion = EleccionFactory(proceso=_proceso())
    for i in range(n):
        CandidaturaFactory(eleccion=eleccion, numero=i + 1)
    return "/api/v1/personas/?por_pagina=50"


def persona(n):
    proceso = _proceso()
    persona = PersonaFactory()
    for _i in range(n):
        CandidaturaFactory(persona=persona, eleccion=EleccionFactory(proceso=proceso))
    return f"/api/v1/personas/{persona.pk}/"


def contiendas(n):
    proceso = _proceso()
    for _i in range(n):
        EleccionFactory(proceso=proceso, ayuntamiento=True)
    return "/api/v1/contiendas/?por_pagina=50"


def contienda(n):
    eleccion = EleccionFactory(proceso=_proceso())
    for _i in range(n):
        CandidaturaFactory(eleccion=eleccion)
    return f"/api/v1/contiendas/{eleccion.pk}/"


def actores(n):
    partido = ActorPoliticoFactory()
    for _i in range(n):
        ActorPoliticoFactory(tipo="coalicion").integrantes.add(partido)
    return "/api/v1/actores/?por_pagina=100"


def procesos(n):
    for _i in range(n):
        ProcesoElectoralFactory()
    return "/api/v1/procesos/?por_pagina=50"


def plataformas(n):
    proceso = _proceso()
    for _i in range(n):
        PropuestaFactory(plataforma=PlataformaElectoralFactory(proceso=proceso))
    return "/api/v1/plataformas/?por_pagina=50"


def plataforma(n):
    plataforma = PlataformaElectoralFactory(proceso=_proceso())
    PropuestaFactory.create_batch(n, plataforma=plataforma)
    return f"/api/v1/plataformas/{plataforma.pk}/"


def seccion(n):
    proceso = _proceso()
    municipio = MunicipioFactory()
    eleccion = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=municipio)
    for _i in range(n):
        CandidaturaFactory(eleccion=eleccion, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)
    SeccionFactory(numero=1000 + n, municipio=municipio)
    return f"/api/v1/secciones/{1000 + n}/"


def estadisticas(n):
    eleccion = EleccionFactory(proceso=_proceso())
    for i in range(n):
        publicar(CandidaturaFactory(eleccion=eleccion, numero=i + 1))
    return "/api/v1/procesos/pelo-2027/estadisticas/"


def participacion(n):
    plataformas(n)
    return "/api/v1/procesos/pelo-2027/participacion/"


# Presupuesto de cada operación, con su porqué.
PRESUPUESTOS = {
    candidaturas: 3,  # procesos abiertos, la página y su estado de captura (ya memorizados: el orden
    # de los identificadores, cuyo largo es el total, las contiendas, los actores y las sustituciones)
    candidaturas_de_un_actor: 3,  # lo mismo; las opciones de la búsqueda ya memorizadas
    candidatura: 6,  # candidatura, estado de captura, sustituciones, cuestionario, identidad, fechas
    personas: 2,  # total y página
    persona: 2,  # persona y sus candidaturas
    contiendas: 3,  # procesos abiertos, total y página
    contienda: 2,  # contienda y quienes la encabezan
    actores: 3,  # total, página e integrantes
    procesos: 2,  # total y página
    plataformas: 3,  # procesos abiertos, total y página
    plataforma: 2,  # plataforma y sus propuestas
    seccion: 4,  # sección, procesos abiertos, contiendas y quienes las encabezan
    estadisticas: 16,  # proceso y las de estadisticas_del_proceso() (art. 4 incluido)
    participacion: 3,  # proceso, reacciones y comentarios agrupados
}


def _consultas(client, ruta):
    # Las opciones de los filtros y el orden de los resultados se memorizan por proceso
    # (comun.cache_publica.memorizar): se mide la petición ya con ellos, la de todos los días, después
    # de olvidar lo de la medición anterior (las fábricas no avisan de sus cambios).
    from django.core.cache import cache

    from comun.cache_publica import olvidar_version_local

    cache.clear()
    olvidar_version_local()
    client.get(ruta)
    with CaptureQueriesContext(connection) as capturadas:
        respuesta = client.get(ruta)
    assert respuesta.status_code == 200, respuesta.content
    return len(capturadas)


@pytest.mark.django_db
@pytest.mark.parametrize("crear", list(PRESUPUESTOS), ids=lambda f: f.__name__)
def test_consultas_no_crecen_con_las_filas(client, crear):
    con_una = _consultas(client, crear(1))
    con_cincuenta = _consultas(client, crear(50))

    assert (con_una, con_cincuenta) == (PRESUPUESTOS[crear], PRESUPUESTOS[crear])
