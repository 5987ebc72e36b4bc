"""El admin en español de México y en «tú» (issue 13): nombres propios para la verificación en dos
pasos de allauth y el armazón de Django (inicio, lista, ficha, borrar, acciones, filtros, historial)
sin «usted»."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.cuentas.factories import UsuarioFactory
from tests.decide.factories import PreguntaFrecuenteFactory

RASTROS_DE_USTED = [
    "Seleccione",
    "Está seguro",
    "Empiece a escribir",
    "Bienvenido",
    "Introduzca",
    "Por favor",
    "usted",
    "Todos/as",
    "Añadir",
    "Haga click",
    "Mantenga presionado",
]


@pytest.fixture
def superusuaria(client, db):
    usuario = UsuarioFactory(is_staff=True, is_superuser=True, first_name="Elena")
    Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": "SECRETO123"})
    client.force_login(usuario)
    return usuario


def _sin_usted(respuesta):
    for rastro in RASTROS_DE_USTED:
        assertNotContains(respuesta, rastro)


def test_el_inicio_del_admin_nombra_la_verificacion_en_dos_pasos_en_espanol(client, superusuaria):
    respuesta = client.get(reverse("admin:index"))

    assertContains(respuesta, "Verificación en dos pasos")
    assertContains(respuesta, "Métodos de verificación")
    assertNotContains(respuesta, "MFA")
    assertNotContains(respuesta, "Authenticator")
    assertContains(respuesta, "Hola,")
    _sin_usted(respuesta)


def test_los_metodos_de_verificacion_se_listan_sin_secretos(client, superusuaria):
    respuesta = client.get(reverse("admin:mfa_authenticator_changelist"))
    ficha = client.get(
        reverse("admin:mfa_authenticator_change", args=[Authenticator.objects.get(user=superusuaria).pk])
    )

    assertContains(respuesta, "Verificación en dos pasos")
    assertContains(respuesta, "Elena (superusuaria o superusuario)")
    assertNotContains(ficha, "SECRETO123")
    _sin_usted(respuesta)


def test_la_lista_filtros_y_acciones_en_tu(client, superusuaria):
    PreguntaFrecuenteFactory()

    respuesta = client.get(reverse("admin:decide_preguntafrecuente_changelist"))

    assertContains(respuesta, "Elige pregunta frecuente para cambiar")
    assertContains(respuesta, "Escribe para filtrar…")
    assertContains(respuesta, 'alt="Buscar"')
    assertContains(respuesta, "No importan los acentos ni las mayúsculas")
    assertContains(respuesta, "Eliminar la selección")
    _sin_usted(respuesta)


def test_borrar_e_historial_en_tu(client, superusuaria):
    pregunta = PreguntaFrecuenteFactory()

    borrar = client.get(reverse("admin:decide_preguntafrecuente_delete", args=[pregunta.pk]))
    historial = client.get(reverse("admin:decide_preguntafrecuente_history", args=[pregunta.pk]))
    ficha = client.get(reverse("admin:decide_preguntafrecuente_change", args=[pregunta.pk]))

    assertContains(borrar, "¿Confirmas que quieres eliminar")
    assertContains(borrar, "Sí, eliminar")
    assertContains(historial, "Historial de cambios:")
    assertContains(ficha, "Historial")
    for respuesta in (borrar, historial, ficha):
        _sin_usted(respuesta)


def test_borrar_varios_desde_la_lista_en_tu(client, superusuaria):
    preguntas = PreguntaFrecuenteFactory.create_batch(2)

    respuesta = client.post(
        reverse("admin:decide_preguntafrecuente_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in preguntas]},
    )

    assertContains(respuesta, "¿Confirmas que quieres eliminar la selección de")
    _sin_usted(respuesta)


def test_el_javascript_del_admin_cuenta_la_seleccion_en_tu(client, superusuaria):
    respuesta = client.get("/admin/jsi18n/")

    assertContains(respuesta, '"%(sel)s de %(cnt)s seleccionados"')
    assertContains(respuesta, "Elegiste una acci")
    assertNotContains(respuesta, "seleccionados/as")
    assertNotContains(respuesta, "Haga clic")
