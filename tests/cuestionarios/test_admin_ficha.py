"""La ficha de un cuestionario en el admin (issue 13): los movimientos del flujo con su botón o con la
razón exacta de por qué no se pueden, el contenido y el historial legibles, y el formulario de
observaciones con un solo espacio y lo que se revisa a la vista."""

import datetime

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cuestionarios import services
from cuestionarios.models import Estado, Observacion
from tests.cuentas.factories import CuentaDeActorFactory, UsuarioFactory
from tests.cuestionarios.factories import escenario


def _entrar(client, *permisos, nombre="Rosa", apellido="Díaz"):
    usuario = UsuarioFactory(is_staff=True, first_name=nombre, last_name=apellido)
    usuario.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_cuestionariocurricular", "view_transicion", "view_observacion", *permisos]
        )
    )
    Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(usuario)
    return usuario


def _ficha(cuestionario):
    return reverse("admin:cuestionarios_cuestionariocurricular_change", args=[cuestionario.pk])


def _mover(cuestionario, movimiento):
    return reverse("admin:cuestionarios_mover", args=[cuestionario.pk, movimiento])


def _en_estado(estado, **kwargs):
    datos = escenario(**kwargs)
    cuestionario = datos["curricular"]
    cuestionario.estado = estado
    cuestionario.save()
    return datos


# --- Movimientos en la ficha ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_en_revision_la_ficha_ofrece_publicar_y_observar(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario", "publicar_cuestionario")

    respuesta = client.get(_ficha(cuestionario))

    assertContains(respuesta, f'<form method="post" action="{_mover(cuestionario, "publicar")}">')
    assertContains(respuesta, reverse("admin:cuestionarios_observar", args=[cuestionario.pk]))
    assertContains(respuesta, "No disponible: La captura ya está en estado En revisión.")
    assertNotContains(respuesta, _mover(cuestionario, "revisar"))


@pytest.mark.django_db
def test_enviado_sin_validacion_dice_exactamente_por_que_no_se_mueve(client):
    cuestionario = _en_estado(Estado.ENVIADO)["curricular"]
    _entrar(client, "revisar_cuestionario", "publicar_cuestionario")

    respuesta = client.get(_ficha(cuestionario))

    assertContains(respuesta, "No disponible: Falta la validación del partido.")
    assertContains(respuesta, "No disponible: La captura está en estado Enviado; primero pásala a revisión.")
    assertNotContains(respuesta, "su estado o tus permisos no lo permiten")


@pytest.mark.django_db
def test_un_rol_sin_permiso_de_publicar_lo_lee_en_la_ficha(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario")

    respuesta = client.get(_ficha(cuestionario))

    assertContains(respuesta, "No disponible: Tu rol no tiene permiso para publicar.")
    assertNotContains(respuesta, _mover(cuestionario, "publicar"))


@pytest.mark.django_db
def test_publicar_desde_la_ficha(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario", "publicar_cuestionario")

    respuesta = client.post(_mover(cuestionario, "publicar"), follow=True)

    cuestionario.refresh_from_db()
    assert cuestionario.estado == Estado.PUBLICADO
    assertContains(respuesta, "la captura quedó en estado Publicado.")


@pytest.mark.django_db
def test_pasar_a_revision_desde_la_ficha_tras_la_validacion_del_partido(client):
    datos = _en_estado(Estado.ENVIADO)
    services.mover(
        cuestionario=datos["curricular"],
        movimiento="validar",
        usuario=CuentaDeActorFactory(actor=datos["actor"]).usuario,
    )
    _entrar(client, "revisar_cuestionario")

    respuesta = client.post(_mover(datos["curricular"], "revisar"), follow=True)

    datos["curricular"].refresh_from_db()
    assert datos["curricular"].estado == Estado.EN_REVISION
    assertContains(respuesta, "la captura quedó en estado En revisión.")


@pytest.mark.django_db
def test_un_movimiento_rechazado_en_la_ficha_dice_la_razon_y_no_mueve(client):
    cuestionario = _en_estado(Estado.ENVIADO)["curricular"]
    _entrar(client, "revisar_cuestionario", "publicar_cuestionario")

    respuesta = client.post(_mover(cuestionario, "revisar"), follow=True)

    cuestionario.refresh_from_db()
    assert cuestionario.estado == Estado.ENVIADO
    assertContains(respuesta, "No se hizo «Pasar a revisión»: Falta la validación del partido.")


@pytest.mark.django_db
def test_mover_pide_post_y_un_movimiento_conocido(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario", "publicar_cuestionario")

    assert client.get(_mover(cuestionario, "publicar")).status_code == 405
    assert client.post(_mover(cuestionario, "validar")).status_code == 404
    cuestionario.refresh_from_db()
    assert cuestionario.estado == Estado.EN_REVISION


@pytest.mark.django_db
def test_razon_para_no_mover_coincide_con_puede_mover():
    datos = _en_estado(Estado.ENVIADO)
    revisora = UsuarioFactory(is_staff=True)
    revisora.user_permissions.add(*Permission.objects.filter(codename="revisar_cuestionario"))
    partido = CuentaDeActorFactory(actor=datos["actor"]).usuario
    persona = datos["cuenta"].usuario

    for estado in Estado.values:
        datos["curricular"].estado = estado
        for usuario in (revisora, partido, persona):
            for movimiento in services.MOVIMIENTOS:
                razon = services.razon_para_no_mover(usuario, datos["curricular"], movimiento)
                puede = services.puede_mover(usuario, datos["curricular"], movimiento)
                assert puede == (razon is None), (estado, movimiento, razon)


# --- Contenido e historial legibles --------------------------------------------------------------------


@pytest.mark.django_db
def test_la_ficha_muestra_etiquetas_y_no_claves(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario")

    respuesta = client.get(_ficha(cuestionario))

    assertContains(respuesta, "<dd>Licenciatura</dd>", html=True)
    assertContains(respuesta, "<dd>Título</dd>", html=True)
    assertNotContains(respuesta, "<dd>licenciatura</dd>", html=True)
    assertNotContains(respuesta, "<dd>titulo</dd>", html=True)


@pytest.mark.django_db
def test_historial_legible_con_nombre_rol_y_hora_local(client):
    datos = _en_estado(Estado.EN_CAPTURA)
    persona = datos["persona"]
    cuestionario = datos["curricular"]
    # 23:05 en UTC son las 17:05 en el centro de México.
    with time_machine.travel(datetime.datetime(2027, 3, 3, 23, 5, tzinfo=datetime.UTC), tick=False):
        services.guardar_curricular(
            cuestionario=cuestionario,
            datos={"grado_estudios": "maestria", "estatus_estudios": "cedula"},
            usuario=datos["cuenta"].usuario,
        )
    _entrar(client, "revisar_cuestionario")

    respuesta = client.get(_ficha(cuestionario))

    assertContains(respuesta, "3 de marzo de 2027, 17:05")
    assertNotContains(respuesta, "23:05")
    assertContains(respuesta, f"{persona.nombre_completo} (persona candidata)")
    assertNotContains(respuesta, datos["cuenta"].usuario.username)
    assertContains(respuesta, "Grado máximo de estudios")
    assertContains(respuesta, '<td data-etiqueta="Valor anterior">Licenciatura</td>', html=True)
    assertContains(respuesta, "Maestría")
    assertNotContains(respuesta, "[&#x27;")
    assertNotContains(respuesta, "grado_estudios")


@pytest.mark.django_db
def test_los_movimientos_dicen_nombre_y_rol_de_quien_los_hizo(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    revisora = _entrar(client, "revisar_cuestionario", "publicar_cuestionario")
    services.mover(cuestionario=cuestionario, movimiento="publicar", usuario=revisora)

    respuesta = client.get(_ficha(cuestionario))

    assertContains(respuesta, "Rosa Díaz (personal del IEEM)")
    assertNotContains(respuesta, revisora.username)


# --- Formulario de observaciones ---------------------------------------------------------------------


def _observar(cuestionario):
    return reverse("admin:cuestionarios_observar", args=[cuestionario.pk])


def _gestion(total):
    return {"obs-TOTAL_FORMS": str(total), "obs-INITIAL_FORMS": "0", "obs-MIN_NUM_FORMS": "1"}


@pytest.mark.django_db
def test_el_formulario_de_observaciones_empieza_con_un_espacio_y_muestra_lo_que_se_revisa(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario")

    respuesta = client.get(_observar(cuestionario))

    assertContains(respuesta, 'name="obs-TOTAL_FORMS" value="1"')
    assertContains(respuesta, "(obligatorio)", count=2)
    assertContains(respuesta, "Agregar otra observación")
    assertContains(respuesta, "Lo que se revisa")
    assertContains(respuesta, "Licenciatura")
    assertContains(respuesta, "Crear un programa de becas para jóvenes")


@pytest.mark.django_db
def test_agregar_otra_conserva_lo_escrito_sin_errores_ni_obligatorios_extra(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario")

    respuesta = client.post(
        _observar(cuestionario),
        {**_gestion(1), "obs-0-parte": "propuestas", "obs-0-texto": "Quita el lema.", "agregar": "1"},
    )

    assert respuesta.status_code == 200
    assertContains(respuesta, 'name="obs-TOTAL_FORMS" value="2"')
    assertContains(respuesta, "Quita el lema.")
    assertContains(respuesta, "(obligatorio)", count=2)
    assertNotContains(respuesta, "Este campo es obligatorio")
    assert not Observacion.objects.exists()


@pytest.mark.django_db
def test_un_espacio_extra_vacio_se_ignora_y_uno_empezado_pide_lo_que_falta(client):
    cuestionario = _en_estado(Estado.EN_REVISION)["curricular"]
    _entrar(client, "revisar_cuestionario")
    primera = {"obs-0-parte": "propuestas", "obs-0-supuesto": "lemas", "obs-0-texto": "Quita el lema."}

    incompleta = client.post(_observar(cuestionario), {**_gestion(2), **primera, "obs-1-texto": "Y la foto."})
    enviada = client.post(_observar(cuestionario), {**_gestion(2), **primera}, follow=True)

    assertContains(incompleta, "Elige la parte del cuestionario que observas.")
    assertContains(incompleta, "Y la foto.")
    assertContains(enviada, "Se enviaron las observaciones a la persona candidata.")
    assert list(Observacion.objects.values_list("parte", "supuesto")) == [("propuestas", "lemas")]


def test_los_supuestos_que_lee_la_persona_terminan_en_punto():
    for etiqueta in Observacion.Supuesto.labels:
        assert str(etiqueta).endswith("."), etiqueta


@pytest.mark.django_db
def test_la_bitacora_de_cambios_se_lee_sin_listas_ni_usuarios_internos(client):
    datos = _en_estado(Estado.EN_CAPTURA)
    services.guardar_curricular(
        cuestionario=datos["curricular"],
        datos={"grado_estudios": "maestria"},
        usuario=datos["cuenta"].usuario,
    )
    _entrar(client, "revisar_cuestionario", "view_registrodecambio")

    respuesta = client.get(reverse("admin:cuestionarios_registrodecambio_changelist"))

    assertContains(respuesta, "Grado máximo de estudios")
    assertContains(respuesta, f"{datos['persona'].nombre_completo} (persona candidata)")
    assertNotContains(respuesta, "[&#x27;grado_estudios&#x27;]")
    assertNotContains(respuesta, datos["cuenta"].usuario.username)
