"""La página de avance de un trabajo en segundo plano en Chromium: axe sin violaciones y sin
desplazamiento lateral a 320, 375 y 1280 px, con capturas."""

import pytest

from candidaturas.models import TrabajoEnSegundoPlano
from tests.navegador import (
    revisar_en_tres_anchos,
)

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


def entrar_como_personal(pagina):
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    usuario = get_user_model().objects.create_superuser(
        "staff@ieem.mx", "staff@ieem.mx", "clave-segura-123", first_name="Irma", last_name="Solís"
    )
    Authenticator.objects.create(
        user=usuario, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    cliente = Client()
    cliente.force_login(usuario)
    nombre = settings.SESSION_COOKIE_NAME
    pagina.context.add_cookies(
        [{"name": nombre, "value": cliente.cookies[nombre].value, "url": pagina.url_base}]
    )
    return usuario


def revisar(pagina, url, nombre):
    pagina.goto(pagina.url_base + url)
    casilla = pagina.locator("#actualizar-sola")
    if casilla.count():
        # Con JavaScript la casilla aparece marcada; desmarcarla detiene la recarga (WCAG 2.2.1).
        assert casilla.is_visible() and casilla.is_checked()
        casilla.uncheck()
        pagina.wait_for_timeout(3500)
        assert pagina.locator("#actualizar-sola").is_checked() is False  # no se recargó
    revisar_en_tres_anchos(pagina, f"trabajo-{nombre}")


def test_la_pagina_de_avance_es_accesible_en_cada_estado(pagina):
    usuario = entrar_como_personal(pagina)
    quien = {
        "fila": 1,
        "accion": "Nueva",
        "nombre": "María José Hernández Ruiz",
        "proceso": "Proceso Electoral Local Ordinario 2027",
        "actor": "PAN",
        "lugar": "Regiduría 2 · Propietaria",
        "ambito": "San Martín de las Pirámides",
    }
    comunes = {
        "tipo": "importacion_candidaturas",
        "usuario": usuario,
        "nombre_del_archivo": "registro-2027.csv",
    }
    en_curso = TrabajoEnSegundoPlano.objects.create(
        titulo="Importar «registro-2027.csv» al registro de candidaturas",
        estado=TrabajoEnSegundoPlano.Estado.EN_CURSO,
        total=12000,
        procesados=4200,
        **comunes,
    )
    revisado = TrabajoEnSegundoPlano.objects.create(
        titulo="Importar «registro-2027.csv» al registro de candidaturas",
        estado=TrabajoEnSegundoPlano.Estado.REVISADO,
        total=12000,
        procesados=12000,
        resultado={
            "mensajes": [
                {
                    "nivel": "info",
                    "texto": "Revisión sin errores: 12000 filas registran o corrigen una candidatura.",
                }
            ],
            "totales": {"nuevas": 11990, "corregidas": 10, "sin_cambios": 0},
            "quienes": [quien] * 5,
        },
        **comunes,
    )
    con_errores = TrabajoEnSegundoPlano.objects.create(
        titulo="Importar «registro-2027.csv» al registro de candidaturas",
        estado=TrabajoEnSegundoPlano.Estado.CON_ERRORES,
        total=3,
        procesados=3,
        resultado={
            "mensajes": [{"nivel": "error", "texto": "1 fila tiene errores: no se guardó ninguna."}],
            "errores": [
                {
                    "fila": 2,
                    "columna": "actor",
                    "mensaje": "No hay un actor político con siglas «XYZ» en este proceso.",
                }
            ],
            "errores_total": 1,
        },
        **comunes,
    )

    for trabajo, nombre in ((en_curso, "en-curso"), (revisado, "revisado"), (con_errores, "con-errores")):
        revisar(pagina, f"/admin/candidaturas/trabajoensegundoplano/{trabajo.pk}/avance/", nombre)
