import io
import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission, User
from django.db import IntegrityError
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from cuentas.models import CuentaDeCaptura
from participacion.cliente import NOMBRE_COOKIE, marca_de_tiempo
from participacion.estadisticas import resumen_participacion
from participacion.models import AjusteParticipacion, Comentario, Conteo, Reaccion
from tests.candidaturas.factories import ActorPoliticoFactory
from tests.participacion.factories import ComentarioFactory
from tests.plataformas.factories import PropuestaFactory

CARGA = "<script>alert(1)</script>"


@pytest.fixture
def admin_client(admin_client, admin_user):
    """El admin exige segundo factor (TOTP); la persona administradora de prueba ya lo tiene."""
    Authenticator.objects.create(
        user=admin_user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return admin_client


def _reaccionar(cliente, propuesta, valor="me_gusta", **extra):
    return cliente.post(
        reverse("participacion:reaccionar"), {"propuesta": propuesta.pk, "valor": valor}, **extra
    )


def _comentar(
    cliente, propuesta, texto="Propongo más alumbrado en las calles.", hace=10, follow=False, **datos
):
    with time_machine.travel(time.time() - hace, tick=False):
        marca = marca_de_tiempo()
    return cliente.post(
        reverse("participacion:comentar"),
        {"propuesta": propuesta.pk, "texto": texto, "marca": marca, **datos},
        follow=follow,
    )


def _conteo(propuesta):
    return Conteo.objects.get(propuesta=propuesta)


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_cincuenta_reacciones_de_un_cliente_cuentan_una(client):
    propuesta = PropuestaFactory()

    for _i in range(50):
        _reaccionar(client, propuesta)

    assert Reaccion.objects.count() == 1
    assert (_conteo(propuesta).me_gusta, _conteo(propuesta).no_me_gusta) == (1, 0)


@pytest.mark.django_db
def test_cambiar_la_reaccion_mueve_el_conteo(client):
    propuesta = PropuestaFactory()

    _reaccionar(client, propuesta, "me_gusta")
    _reaccionar(client, propuesta, "no_me_gusta")

    assert (_conteo(propuesta).me_gusta, _conteo(propuesta).no_me_gusta) == (0, 1)


@pytest.mark.django_db
def test_retirar_la_reaccion_la_borra(client):
    propuesta = PropuestaFactory()

    _reaccionar(client, propuesta, "me_gusta")
    _reaccionar(client, propuesta, "retirar")

    assert not Reaccion.objects.exists()
    assert _conteo(propuesta).me_gusta == 0


@pytest.mark.django_db
def test_sin_javascript_la_reaccion_redirige_a_donde_estaba_con_mensaje(client):
    propuesta = PropuestaFactory()

    respuesta = client.post(
        reverse("participacion:reaccionar"),
        {
            "propuesta": propuesta.pk,
            "valor": "me_gusta",
            "siguiente": propuesta.plataforma.get_absolute_url(),
        },
        follow=True,
    )

    assert (
        respuesta.redirect_chain[0][0]
        == f"{propuesta.plataforma.get_absolute_url()}#propuesta-{propuesta.pk}"
    )
    assertContains(respuesta, "Guardamos tu «Me gusta»")


@pytest.mark.django_db
def test_siguiente_externo_se_ignora(client):
    propuesta = PropuestaFactory()

    respuesta = client.post(
        reverse("participacion:reaccionar"),
        {"propuesta": propuesta.pk, "valor": "me_gusta", "siguiente": "https://malo.example/"},
    )

    assert respuesta["Location"].startswith(propuesta.get_absolute_url())


@pytest.mark.django_db
def test_con_javascript_responde_los_totales_en_json(client):
    propuesta = PropuestaFactory()

    respuesta = _reaccionar(client, propuesta, HTTP_ACCEPT="application/json")

    assert respuesta.json()["me_gusta"] == 1
    assert respuesta.json()["mia"] == "me_gusta"


@pytest.mark.django_db
def test_la_cookie_del_token_es_firmada_httponly_y_lax(client):
    respuesta = _reaccionar(client, PropuestaFactory())

    cookie = respuesta.cookies[NOMBRE_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert ":" in cookie.value


@pytest.mark.django_db
def test_un_token_alterado_no_se_acepta_y_se_reemplaza(client):
    propuesta = PropuestaFactory()
    client.cookies[NOMBRE_COOKIE] = "a" * 32 + ":firmafalsa"

    _reaccionar(client, propuesta)

    assert Reaccion.objects.get().token != "a" * 32


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=5)
def test_pasado_el_limite_por_ip_responde_429_y_no_cuenta():
    propuesta = PropuestaFactory()

    estados = [_reaccionar(Client(), propuesta).status_code for _i in range(8)]

    assert estados == [302] * 5 + [429] * 3
    assert _conteo(propuesta).me_gusta == 5
    assert Reaccion.objects.count() == 5


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=1)
def test_la_pagina_429_explica_en_espanol(client):
    propuesta = PropuestaFactory()
    _reaccionar(client, propuesta)

    respuesta = _reaccionar(client, propuesta)

    assertContains(respuesta, "Demasiadas solicitudes", status_code=429)


@pytest.mark.django_db
def test_una_propuesta_inexistente_da_404(client):
    assert (
        client.post(
            reverse("participacion:reaccionar"), {"propuesta": "999", "valor": "me_gusta"}
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_sin_token_csrf_se_rechaza():
    cliente = Client(enforce_csrf_checks=True)

    assert _reaccionar(cliente, PropuestaFactory()).status_code == 403


@pytest.mark.django_db
def test_proceso_cerrado_no_recibe_reacciones(client):
    propuesta = PropuestaFactory()
    AjusteParticipacion.objects.create(proceso=propuesta.plataforma.proceso, recibe_participacion=False)

    _reaccionar(client, propuesta)

    assert not Reaccion.objects.exists()


@pytest.mark.django_db
def test_la_base_exige_exactamente_un_objetivo():
    with pytest.raises(IntegrityError):
        Reaccion.objects.create(token="a" * 32, valor="me_gusta")


# --- Comentarios --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_comentario_con_moderacion_previa_queda_en_revision(client):
    propuesta = PropuestaFactory()

    respuesta = _comentar(client, propuesta, follow=True)

    assert Comentario.objects.get().estado == Comentario.Estado.PENDIENTE
    assertContains(respuesta, "se publicará cuando el personal del IEEM lo revise")


@pytest.mark.django_db
def test_comentario_con_moderacion_posterior_se_publica_al_momento(client):
    propuesta = PropuestaFactory()
    AjusteParticipacion.objects.create(proceso=propuesta.plataforma.proceso, moderacion="posterior")

    _comentar(client, propuesta)

    assert Comentario.objects.get().estado == Comentario.Estado.PUBLICADO


@pytest.mark.django_db
def test_comentario_con_enlace_va_a_revision_aunque_la_moderacion_sea_posterior(client):
    propuesta = PropuestaFactory()
    AjusteParticipacion.objects.create(proceso=propuesta.plataforma.proceso, moderacion="posterior")

    _comentar(client, propuesta, texto="Visiten www.ofertas-increibles.com ya mismo")

    assert Comentario.objects.get().estado == Comentario.Estado.PENDIENTE


@pytest.mark.django_db
def test_honeypot_lleno_no_guarda_nada(client):
    _comentar(client, PropuestaFactory(), sitio_web="http://spam.example")

    assert not Comentario.objects.exists()


@pytest.mark.django_db
def test_envio_demasiado_rapido_no_guarda_nada_y_conserva_el_texto(client):
    respuesta = _comentar(client, PropuestaFactory(), texto="Un texto que escribí muy rápido", hace=0)

    assert not Comentario.objects.exists()
    assertContains(respuesta, "demasiado rápido", status_code=400)
    assertContains(respuesta, "Un texto que escribí muy rápido", status_code=400)


@pytest.mark.django_db
def test_marca_de_tiempo_alterada_no_guarda_nada(client):
    propuesta = PropuestaFactory()

    respuesta = client.post(
        reverse("participacion:comentar"),
        {"propuesta": propuesta.pk, "texto": "Hola, mi comentario.", "marca": "1"},
    )

    assert respuesta.status_code == 400
    assert not Comentario.objects.exists()


@pytest.mark.django_db
def test_comentario_muy_corto_muestra_el_error(client):
    respuesta = _comentar(client, PropuestaFactory(), texto="corto")

    assertContains(respuesta, "Escribe al menos 10 caracteres", status_code=400)


@pytest.mark.django_db
def test_carga_html_se_muestra_escapada_en_la_pagina_publica(client):
    comentario = ComentarioFactory(texto=f"Mi idea {CARGA}", nombre=CARGA)

    respuesta = client.get(comentario.propuesta.get_absolute_url())

    assertNotContains(respuesta, CARGA)
    assertContains(respuesta, "&lt;script&gt;alert(1)&lt;/script&gt;")


@pytest.mark.django_db
def test_carga_html_se_muestra_escapada_en_el_admin(admin_client):
    comentario = ComentarioFactory(texto=f"Mi idea {CARGA}", nombre=CARGA)

    lista = admin_client.get(reverse("admin:participacion_comentario_changelist"))
    detalle = admin_client.get(reverse("admin:participacion_comentario_change", args=[comentario.pk]))

    for respuesta in (lista, detalle):
        assertNotContains(respuesta, CARGA)
        assertContains(respuesta, "&lt;script&gt;alert(1)&lt;/script&gt;")


@pytest.mark.django_db
def test_comentario_pendiente_no_se_publica(client):
    comentario = ComentarioFactory(texto="Texto todavía sin revisar", estado=Comentario.Estado.PENDIENTE)

    assertNotContains(client.get(comentario.propuesta.get_absolute_url()), "Texto todavía sin revisar")


@pytest.mark.django_db
def test_con_k_reportes_distintos_el_comentario_se_oculta():
    comentario = ComentarioFactory(texto="Comentario ofensivo de prueba")
    AjusteParticipacion.objects.create(
        proceso=comentario.propuesta.plataforma.proceso, reportes_para_ocultar=2
    )
    url = reverse("participacion:reportar", args=[comentario.pk])
    primero = Client()

    primero.post(url)
    primero.post(url)  # el mismo token no cuenta dos veces
    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO

    Client().post(url)
    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.OCULTO
    assertNotContains(Client().get(comentario.propuesta.get_absolute_url()), "Comentario ofensivo de prueba")


@pytest.mark.django_db
def test_moderar_desde_el_admin_publica_y_anota_quien(admin_client, admin_user):
    comentario = ComentarioFactory(estado=Comentario.Estado.PENDIENTE)

    admin_client.post(
        reverse("admin:participacion_comentario_changelist"),
        {"action": "publicar", "_selected_action": [comentario.pk]},
    )

    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO
    assert comentario.revisado_por == admin_user


# --- Reportes para los partidos (P14) -----------------------------------------------------------


def _representante(actor):
    usuario = User.objects.create_user("rep@partido.mx", "rep@partido.mx", "clave-segura-123")
    CuentaDeCaptura.objects.create(usuario=usuario, actor=actor)
    return usuario


@pytest.mark.django_db
def test_representacion_descarga_el_reporte_de_su_partido(client):
    comentario = ComentarioFactory(texto="=HYPERLINK(malo)")
    Reaccion.objects.create(token="b" * 32, propuesta=comentario.propuesta, valor="me_gusta")
    Conteo.objects.create(propuesta=comentario.propuesta, me_gusta=1)
    plataforma = comentario.propuesta.plataforma
    client.force_login(_representante(plataforma.actor))

    respuesta = client.get(
        reverse("participacion:reporte", args=[plataforma.proceso.slug, plataforma.actor.slug])
    )

    libro = load_workbook(io.BytesIO(b"".join(respuesta.streaming_content)))
    totales, _por_dia, comentarios = libro.worksheets
    assert [c.value for c in totales[2]][2:5] == [comentario.propuesta.titulo, 1, 0]
    assert comentarios[2][4].value == "'=HYPERLINK(malo)"


@pytest.mark.django_db
def test_un_partido_no_descarga_el_reporte_de_otro(client):
    propuesta = PropuestaFactory()
    client.force_login(_representante(ActorPoliticoFactory()))

    respuesta = client.get(
        reverse(
            "participacion:reporte", args=[propuesta.plataforma.proceso.slug, propuesta.plataforma.actor.slug]
        )
    )

    assert respuesta.status_code == 403


@pytest.mark.django_db
def test_sin_sesion_el_reporte_pide_iniciar_sesion(client):
    propuesta = PropuestaFactory()

    respuesta = client.get(
        reverse(
            "participacion:reporte", args=[propuesta.plataforma.proceso.slug, propuesta.plataforma.actor.slug]
        )
    )

    assert respuesta.status_code == 302
    assert "/cuentas/" in respuesta["Location"]


@pytest.mark.django_db
def test_personal_con_permiso_descarga_cualquier_reporte(client):
    propuesta = PropuestaFactory()
    personal = User.objects.create_user("staff", "staff@ieem.mx", "x", is_staff=True)
    personal.user_permissions.add(Permission.objects.get(codename="descargar_reportes"))
    client.force_login(personal)

    respuesta = client.get(
        reverse(
            "participacion:reporte", args=[propuesta.plataforma.proceso.slug, propuesta.plataforma.actor.slug]
        )
    )

    assert respuesta.status_code == 200


# --- Estadísticas (P16) -------------------------------------------------------------------------


@pytest.mark.django_db
def test_resumen_cuenta_reacciones_y_comentarios_por_actor(client):
    propuesta = PropuestaFactory()
    _reaccionar(client, propuesta)
    ComentarioFactory(propuesta=propuesta)

    resumen = {g["serie"]: g for g in resumen_participacion(propuesta.plataforma.proceso)}

    assert resumen["actor"]["reacciones"][0]["valor"] == 1
    assert resumen["actor"]["comentarios"][0]["valor"] == 1
    assert resumen["actor"]["reacciones"][0]["etiqueta"] == propuesta.plataforma.actor.siglas


@pytest.mark.django_db
def test_csv_de_estadisticas_por_tipo(client):
    propuesta = PropuestaFactory()
    _reaccionar(client, propuesta)
    proceso = propuesta.plataforma.proceso

    respuesta = client.get(
        reverse("participacion:estadisticas_csv", args=["tipo"]) + f"?proceso={proceso.slug}"
    )

    contenido = b"".join(respuesta.streaming_content).decode()
    assert "Diputación local de mayoría relativa,1,0" in contenido
