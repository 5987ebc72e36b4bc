"""La ficha de revisión del admin en Chromium (issue 13): movimientos, contenido, historial y el
formulario de observaciones sin violaciones de axe ni desplazamiento lateral a 320 px; capturas a 375 y
1280 px en capturas/."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client

from cuentas.roles import GRUPO_PERSONAL
from cuestionarios import services
from cuestionarios.models import Estado
from tests.cuentas.factories import CuentaDeActorFactory, UsuarioFactory
from tests.cuestionarios.factories import escenario
from tests.navegador import (
    revisar_en_tres_anchos,
)

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def revisar(pagina, nombre):
    revisar_en_tres_anchos(pagina, f"revision-{nombre}")


def _entrar_como_revisora(pagina):
    revisora = UsuarioFactory(is_staff=True, first_name="Rosa", last_name="Díaz")
    revisora.groups.add(Group.objects.get(name=GRUPO_PERSONAL))
    Authenticator.objects.create(user=revisora, type=Authenticator.Type.TOTP, data={"secret": "x"})
    cliente = Client()
    cliente.force_login(revisora)
    pagina.context.add_cookies(
        [{"name": "sessionid", "value": cliente.cookies["sessionid"].value, "url": pagina.url_base}]
    )
    return revisora


def test_revisar_observar_y_publicar_desde_la_ficha(pagina):
    datos = escenario()
    cuestionario = datos["curricular"]
    services.guardar_curricular(
        cuestionario=cuestionario,
        datos={"grado_estudios": "maestria", "estatus_estudios": "cedula"},
        usuario=datos["cuenta"].usuario,
    )
    cuestionario.estado = Estado.ENVIADO
    cuestionario.save()
    _entrar_como_revisora(pagina)
    ficha = f"{pagina.url_base}/admin/cuestionarios/cuestionariocurricular/{cuestionario.pk}/change/"

    pagina.goto(ficha)
    assert pagina.locator("text=No disponible: Falta la validación del partido.").count() == 1
    revisar(pagina, "ficha-enviado")

    services.mover(
        cuestionario=cuestionario,
        movimiento="validar",
        usuario=CuentaDeActorFactory(actor=datos["actor"]).usuario,
    )
    pagina.goto(ficha)
    pagina.click("button:has-text('Pasar a revisión')")
    pagina.wait_for_url(ficha)
    assert pagina.locator("text=la captura quedó en estado En revisión.").count() == 1
    assert pagina.locator("td:has-text('(persona candidata)')").count() >= 1
    revisar(pagina, "ficha-en-revision")

    pagina.click("text=Hacer observaciones")
    pagina.wait_for_url("**/observar/")
    revisar(pagina, "observar")
    pagina.select_option("#id_obs-0-parte", "propuestas")
    pagina.select_option("#id_obs-0-supuesto", "lemas")
    pagina.fill("#id_obs-0-texto", "Quita el lema de campaña de la propuesta 1.")
    pagina.click("text=Agregar otra observación")
    assert pagina.locator("#id_obs-0-texto").input_value() == "Quita el lema de campaña de la propuesta 1."
    assert pagina.locator("#id_obs-1-parte").count() == 1
    revisar(pagina, "observar-dos")
    pagina.click("input[value='Enviar observaciones']")
    pagina.wait_for_url(ficha)
    assert pagina.locator("text=Se enviaron las observaciones a la persona candidata.").count() == 1
    revisar(pagina, "ficha-con-observaciones")
