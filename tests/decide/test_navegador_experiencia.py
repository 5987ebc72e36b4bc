"""Issue 14 en Chromium: axe 0 y sin desplazamiento lateral a 320 px en las páginas que cambiaron,
resultados de Conóceles antes que los filtros en un teléfono y casillas de al menos 24 px.
Capturas a 375 y 1280 px en capturas/."""

import pytest

from candidaturas.models import ActorPolitico, Persona
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    EleccionFactory,
    ProcesoElectoralFactory,
    crear_formula,
)
from tests.cuestionarios.factories import escenario
from tests.navegador import (
    TELEFONO,
    afirmar_accesible,
    capturar,
    revisar_en_tres_anchos,
    sin_desplazamiento_lateral,
)

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def revisar(pagina, url, nombre):
    pagina.goto(pagina.url_base + url)
    revisar_en_tres_anchos(pagina, f"exp-{nombre}")


def datos_publicos():
    proceso = ProcesoElectoralFactory(slug="ordinario-2027", predeterminado=True)
    ProcesoElectoralFactory(slug="nextlalpan-2027", nombre="Extraordinario Nextlalpan")
    pan = ActorPoliticoFactory(siglas="PAN", nombre="Partido Acción Nacional", slug="pan")
    pri = ActorPoliticoFactory(siglas="PRI", nombre="Partido Revolucionario Institucional", slug="pri")
    fyc = ActorPoliticoFactory(
        siglas="FYC", nombre="Fuerza y Corazón por el Edomex", slug="fyc", tipo=ActorPolitico.Tipo.COALICION
    )
    fyc.integrantes.set([pan, pri])
    eleccion = EleccionFactory(proceso=proceso, ayuntamiento=True)
    for numero in range(1, 4):
        crear_formula(eleccion=eleccion, actor=fyc, numero=numero, sexo=Persona.Sexo.HOMBRE)
    return eleccion


def test_paginas_publicas_tocadas(pagina):
    eleccion = datos_publicos()
    propietaria = eleccion.candidaturas.first()
    for url, nombre in (
        ("/", "inicio"),
        ("/candidaturas/", "candidaturas"),
        ("/conoceles/?proceso=nextlalpan-2027", "conoceles-otro-proceso"),
        (propietaria.get_absolute_url(), "perfil"),
        ("/quita-dudas/?q=votación", "quita-dudas"),
        ("/estadisticas/", "estadisticas"),
    ):
        revisar(pagina, url, nombre)


def test_conoceles_en_telefono_pone_los_resultados_primero(pagina):
    datos_publicos()
    pagina.set_viewport_size(TELEFONO)

    pagina.goto(pagina.url_base + "/conoceles/?cargo=diputacion")

    primera = pagina.locator(".tarjeta-candidatura").first.bounding_box()
    formulario = pagina.locator("#busqueda-formulario").bounding_box()
    assert primera["y"] < formulario["y"]
    assert primera["y"] < 1200, primera
    sin_desplazamiento_lateral(pagina)
    afirmar_accesible(pagina)
    capturar(pagina, "exp-conoceles-filtrado-telefono")


def test_captura_sin_desplazamiento_y_casillas_de_24_px(pagina):
    from django.conf import settings
    from django.test import Client

    datos = escenario()
    cliente = Client()
    cliente.force_login(datos["cuenta"].usuario)
    nombre_cookie = settings.SESSION_COOKIE_NAME
    pagina.context.add_cookies(
        [{"name": nombre_cookie, "value": cliente.cookies[nombre_cookie].value, "url": pagina.url_base}]
    )
    slug = datos["proceso"].slug

    for url, nombre in (
        ("/captura/", "tablero"),
        (f"/captura/{slug}/curricular/", "curricular"),
        (f"/captura/{slug}/identidad/", "identidad"),
        (f"/captura/{slug}/aviso/", "aviso"),
    ):
        revisar(pagina, url, f"captura-{nombre}")

    pagina.goto(pagina.url_base + f"/captura/{slug}/aviso/")
    caja = pagina.locator("#id_tratamiento").bounding_box()
    assert caja["width"] >= 24 and caja["height"] >= 24, caja
