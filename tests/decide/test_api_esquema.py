"""schemathesis sobre el esquema OpenAPI de /api/v1/: datos generados de cada operación, con las
comprobaciones de schemathesis (ningún 5xx, cada respuesta conforme a su esquema, códigos y tipos
de contenido declarados, entradas no válidas rechazadas). Acotada para correr en CI en menos de un
minuto: `EJEMPLOS` casos por operación."""

import datetime

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from decide.api.vistas import api
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    ProcesoElectoralFactory,
    SeccionFactory,
    crear_planilla,
)
from tests.conoceles.factories import publicar, responder_identidad
from tests.plataformas.factories import PlataformaElectoralFactory, PropuestaFactory

EJEMPLOS = 10


@pytest.fixture
def datos_de_la_api(db, settings):
    settings.API_LIMITE_POR_MINUTO = 0  # el límite por IP se prueba aparte (test_api.py)
    proceso = ProcesoElectoralFactory(
        slug="pelo-2027", predeterminado=True, fecha_jornada=datetime.date(2027, 6, 6)
    )
    diputacion = EleccionFactory(proceso=proceso)
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True)
    actor = ActorPoliticoFactory(siglas="PA")
    for candidatura in crear_planilla(eleccion=ayuntamiento, actor=actor):
        publicar(candidatura)
    con_identidad = CandidaturaFactory(eleccion=diputacion, actor=actor)
    publicar(con_identidad)
    responder_identidad(con_identidad)
    sustituida = CandidaturaFactory(
        eleccion=diputacion, actor=ActorPoliticoFactory(siglas="PB"), estado="sustituida"
    )
    CandidaturaFactory(eleccion=diputacion, actor=sustituida.actor, sustituye=sustituida)
    SeccionFactory(numero=1, municipio=ayuntamiento.municipio, distrito_local=diputacion.distrito_local)
    PropuestaFactory(plataforma=PlataformaElectoralFactory(proceso=proceso, actor=actor))


@pytest.fixture(autouse=True)
def _conexion_abierta_entre_peticiones():
    """La aplicación WSGI cierra la conexión a la base al terminar cada petición; el cliente de
    pruebas de Django lo evita igual que aquí, para que todo ocurra en la transacción de la prueba."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# El esquema se lee del mismo objeto que sirve /api/v1/schema/ (no necesita la base de datos) y
# las peticiones van a la aplicación WSGI de Django, dentro de la transacción de cada prueba.
esquema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
esquema.app = WSGIHandler()


@pytest.mark.usefixtures("datos_de_la_api")
@esquema.parametrize()
@settings(
    max_examples=EJEMPLOS,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_cumple_su_esquema(case):
    # Se omite sólo «positive_data_acceptance»: un filtro bien formado pero que no existe en el
    # proceso (un actor, municipio o distrito sin candidaturas) responde 400 como la búsqueda de
    # Conóceles, y schemathesis esperaría 2xx. Todo lo demás se comprueba.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
