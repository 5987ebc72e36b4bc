"""Ninguna entrada en la URL de una página pública produce un error del servidor (QUALITY: robustez).

Hypothesis genera texto arbitrario (incluidos caracteres de control y Unicode raro) para cada
parámetro que leen las páginas públicas; la respuesta debe ser 200, 400 o 404, nunca 500.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory, ProcesoElectoralFactory

PARAMETROS = [
    (
        "/conoceles/",
        [
            "q",
            "cargo",
            "actor",
            "municipio",
            "distrito",
            "sexo",
            "edad",
            "grado",
            "accion",
            "calidad",
            "contienda",
            "pagina",
            "proceso",
        ],
    ),
    ("/conoceles/comparar/", ["id"]),
    ("/conoceles/estadisticas/", ["cargo", "proceso"]),
    ("/conoceles/datos/", ["proceso"]),
    ("/candidaturas/", ["tipo", "municipio", "distrito", "actor", "sexo", "pagina", "proceso"]),
    ("/plataformas/", ["proceso"]),
    ("/atribuciones/", ["proceso"]),
    ("/quita-dudas/", ["q"]),
    ("/estadisticas/", ["proceso"]),
    ("/mi-seccion/", ["seccion", "proceso"]),
]
CASOS = [(ruta, parametro) for ruta, parametros in PARAMETROS for parametro in parametros]
# Valores que ya rompieron algo alguna vez (o que suelen hacerlo); se prueban siempre, además de
# lo que genere Hypothesis. El carácter nulo, por ejemplo, sólo falla en PostgreSQL.
DIFICILES = [
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "99999999999999999999",
    "1e3",
    "%00",
    "../",
    "<script>",
    " ",
    "ñ" * 300,
]
texto = st.text(max_size=40)


@pytest.fixture
def registro(db):
    eleccion = EleccionFactory(proceso=ProcesoElectoralFactory(predeterminado=True))
    CandidaturaFactory.create_batch(3, eleccion=eleccion)


@pytest.mark.parametrize(("ruta", "parametro"), CASOS)
def test_ninguna_entrada_produce_un_error_del_servidor(registro, ruta, parametro):
    def pedir(valor):
        respuesta = Client(raise_request_exception=False).get(ruta, {parametro: valor})
        assert respuesta.status_code in (200, 400, 404), (ruta, parametro, valor, respuesta.status_code)

    for valor in DIFICILES:
        pedir(valor)

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(valor=texto)
    def probar(valor):
        pedir(valor)

    probar()
