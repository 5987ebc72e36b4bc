"""La caché compartida (Redis) caída no tumba el portal, y `/salud/` lo dice (issue 12).

La caché de estas pruebas es la de producción (`decide.settings.cache_redis`) apuntando a un puerto
cerrado: cada conexión se rechaza. Antes, `/`, `/conoceles/`, `/mi-seccion/`, `/estadisticas/` y el
POST de inicio de sesión respondían 500 y `/salud/` decía «ok».
"""

import datetime
import json
import time
from unittest import mock

import pytest
import time_machine
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains

from decide.settings import cache_redis
from participacion.cliente import marca_de_tiempo
from participacion.models import Comentario, Conteo
from tests.candidaturas.factories import CandidaturaFactory, ProcesoElectoralFactory, SeccionFactory
from tests.cuentas.factories import CLAVE, UsuarioFactory
from tests.plataformas.factories import PropuestaFactory

REDIS_CAIDO = "redis://127.0.0.1:1/0"
SALUD = reverse("decide:salud")


def _cache_caida(**opciones):
    ajustes = cache_redis(REDIS_CAIDO)
    rapido = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    ajustes["OPTIONS"] = {**ajustes["OPTIONS"], **rapido, **opciones}
    return {"default": ajustes}


@pytest.fixture
def redis_caido():
    from comun import cache_tolerante

    with override_settings(CACHES=_cache_caida()):
        yield
    cache_tolerante._estados.pop(REDIS_CAIDO, None)


@pytest.fixture
def datos():
    proceso = ProcesoElectoralFactory(predeterminado=True)
    candidatura = CandidaturaFactory(eleccion__proceso=proceso)
    seccion = SeccionFactory()
    return {"candidatura": candidatura, "seccion": seccion}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "ruta",
    [
        "/",
        "/conoceles/",
        "/conoceles/estadisticas/",
        "/mi-seccion/",
        "/mi-seccion/?seccion={seccion}",
        "/estadisticas/",
        "/candidaturas/",
        "/conoceles/{candidatura}/",
    ],
)
def test_sin_redis_las_paginas_publicas_se_sirven_sin_cache(redis_caido, datos, ruta):
    ruta = ruta.format(seccion=datos["seccion"].numero, candidatura=datos["candidatura"].pk)
    cliente = Client(raise_request_exception=False)

    primera, segunda = cliente.get(ruta), cliente.get(ruta)

    assert (primera.status_code, segunda.status_code) == (200, 200)
    assert segunda["X-Cache"] == "MISS"  # no se guardó nada: se construye cada vez


@pytest.mark.django_db
def test_sin_redis_se_puede_iniciar_sesion(redis_caido):
    persona = UsuarioFactory(email="candidata@ejemplo.mx")
    cliente = Client(raise_request_exception=False)

    mala = cliente.post(reverse("account_login"), {"login": persona.email, "password": "otra-clave"})
    buena = cliente.post(reverse("account_login"), {"login": persona.email, "password": CLAVE})

    assert mala.status_code == 200
    assert "El correo electrónico o la contraseña no son correctos." in mala.content.decode()
    assert buena.status_code == 302


@pytest.mark.django_db
def test_sin_redis_el_bloqueo_por_fallas_sigue_contando_en_el_proceso(redis_caido):
    """El límite de allauth no se apaga: cuenta en la memoria del proceso."""
    persona = UsuarioFactory(email="candidata@ejemplo.mx")
    intentar = Client(REMOTE_ADDR="203.0.113.9", raise_request_exception=False).post
    for _ in range(10):
        intentar(reverse("account_login"), {"login": persona.email, "password": "otra-clave"})

    respuesta = intentar(reverse("account_login"), {"login": persona.email, "password": CLAVE})

    assert respuesta.status_code == 200
    assert "Demasiados intentos fallidos" in respuesta.content.decode()


def _visitante(ip):
    cliente = Client(REMOTE_ADDR=ip, raise_request_exception=False)
    assert cliente.get(reverse("participacion:estado")).status_code == 200  # token y CSRF
    return cliente


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=3)
def test_sin_redis_las_reacciones_cuentan_con_limite_en_el_proceso(redis_caido):
    propuesta = PropuestaFactory()
    cliente = _visitante("10.20.0.1")
    datos = {"propuesta": propuesta.pk, "valor": "me_gusta"}

    reaccionar = reverse("participacion:reaccionar")
    respuestas = [cliente.post(reaccionar, datos, HTTP_ACCEPT="application/json") for _ in range(4)]

    assert [r.status_code for r in respuestas] == [200, 200, 200, 429]
    assert respuestas[0].json()["me_gusta"] == 1
    conteo = Conteo.objects.get(propuesta=propuesta)
    assert (conteo.me_gusta, conteo.no_me_gusta) == (1, 0)


@pytest.mark.django_db
def test_sin_redis_un_comentario_recibe_503_claro_y_conserva_lo_escrito(redis_caido):
    propuesta = PropuestaFactory()
    cliente = _visitante("10.20.0.2")
    with time_machine.travel(time.time() - 30, tick=False):
        marca = marca_de_tiempo()

    respuesta = cliente.post(
        reverse("participacion:comentar"),
        {"propuesta": propuesta.pk, "texto": "Propongo más luminarias en mi colonia.", "marca": marca},
    )

    assertContains(respuesta, "no podemos recibir comentarios", status_code=503)
    assertContains(respuesta, "Propongo más luminarias en mi colonia.", status_code=503)
    assert respuesta["Retry-After"] == "60"
    assert not Comentario.objects.exists()


# --- /salud/ -------------------------------------------------------------------------------------


def _salud(cliente=None):
    respuesta = (cliente or Client(raise_request_exception=False)).get(SALUD)
    return respuesta, json.loads(respuesta.content)


@pytest.mark.django_db
def test_salud_dice_ok_con_cada_dependencia():
    respuesta, informe = _salud()

    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("application/json")
    assert "no-cache" in respuesta["Cache-Control"]
    assert informe["estado"] == "ok"
    assert {informe[d]["estado"] for d in ("base_de_datos", "cache", "cola")} == {"ok"}


@pytest.mark.django_db
def test_salud_sin_redis_responde_200_degradado_y_dice_por_que(redis_caido):
    respuesta, informe = _salud()

    assert respuesta.status_code == 200  # el balanceador no saca al servidor: el portal sirve
    assert informe["estado"] == "degradado"
    assert informe["base_de_datos"]["estado"] == "ok"
    assert informe["cache"]["estado"] == "caida"
    assert informe["cache"]["error"] == "ConnectionError"
    assert "127.0.0.1" not in respuesta.content.decode()
    assert "sin caché" in informe["cache"]["efecto"]


@pytest.mark.django_db
def test_salud_sin_base_de_datos_responde_503():
    caida = OperationalError('connection to server at "10.0.0.5" failed')
    with mock.patch("decide.salud.connection.cursor", side_effect=caida):
        respuesta, informe = _salud()

    assert respuesta.status_code == 503
    assert informe["estado"] == "falla"
    assert informe["base_de_datos"]["error"] == "OperationalError"
    assert "10.0.0.5" not in respuesta.content.decode()


@pytest.mark.django_db
def test_salud_avisa_si_la_cola_de_correo_no_se_atiende():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from comun.correo import enviar_correo

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        ahora = datetime.datetime.now(datetime.UTC)
        with time_machine.travel(ahora - datetime.timedelta(minutes=40), tick=False):
            enviar_correo.enqueue("Invitación", "Hola", ["persona@ejemplo.mx"])
        enviar_correo.enqueue("Otra", "Hola", ["persona@ejemplo.mx"])
        fallida = enviar_correo.enqueue("Fallida", "Hola", ["persona@ejemplo.mx"])
        DBTaskResult.objects.filter(pk=fallida.id).update(
            status=TaskResultStatus.FAILED, finished_at=ahora - datetime.timedelta(hours=1)
        )

        respuesta, informe = _salud()

    assert respuesta.status_code == 200
    assert informe["estado"] == "degradado"
    cola = informe["cola"]
    assert (cola["estado"], cola["pendientes"], cola["fallidas_24h"]) == ("degradado", 2, 1)
    assert 39 <= cola["minutos_de_la_mas_vieja"] <= 41
    assert "db_worker" in cola["aviso"]
