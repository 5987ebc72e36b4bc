"""Sin sesión nada se guarda bajo /captura/, y sus páginas de error no se guardan en cachés (issue 12).

Antes, un POST anónimo a cualquier `/captura/<slug>/…` creaba una sesión en la base con todo el
cuerpo (hasta 5 MB, sin límite de sesiones, para siempre), y los 403/404 de /captura/ salían sin
`Cache-Control: no-store`; el 403 de quien tiene sesión le pedía «inicia sesión».
"""

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from cuestionarios import services
from tests.cuestionarios.factories import escenario
from tests.cuestionarios.test_vistas import urls_de_partido, urls_de_persona


@pytest.mark.django_db
def test_un_post_anonimo_a_captura_no_crea_sesiones_ni_guarda_el_cuerpo():
    datos = escenario()
    cuerpo = {"propuesta_1": "x" * 1_000_000, "historia_profesional": "Texto de alguien sin sesión"}
    urls = [url for _m, url in urls_de_persona(datos) + urls_de_partido(datos)]
    urls += [reverse("cuestionarios:tablero"), "/captura/proceso-que-no-existe/curricular/"]
    antes = Session.objects.count()

    for url in urls:
        respuesta = Client().post(url, cuerpo)
        assert respuesta.status_code in (403, 404), (url, respuesta.status_code)
        assert "sessionid" not in respuesta.cookies, url

    assert Session.objects.count() == antes
    datos["curricular"].refresh_from_db()
    assert not datos["curricular"].borrador
    assert datos["curricular"].propuesta_1 != cuerpo["propuesta_1"]


@pytest.mark.django_db
def test_con_la_sesion_vencida_el_post_tampoco_escribe_en_la_base():
    """El caso real: la cookie de una sesión que ya venció (su fila sigue hasta `clearsessions`)."""
    datos = escenario()
    vieja = SessionStore()
    vieja["_auth_user_id"] = str(datos["cuenta"].usuario.pk)
    vieja.create()
    vencida = timezone.now() - datetime.timedelta(hours=1)
    Session.objects.filter(pk=vieja.session_key).update(expire_date=vencida)
    filas = list(Session.objects.values_list("session_key", "session_data", "expire_date"))
    cliente = Client()
    cliente.cookies["sessionid"] = vieja.session_key

    respuesta = cliente.post(
        reverse("cuestionarios:curricular", args=[datos["proceso"].slug]), {"propuesta_1": "Mi propuesta"}
    )

    assertContains(respuesta, "Mi propuesta", status_code=403)
    assert list(Session.objects.values_list("session_key", "session_data", "expire_date")) == filas


@pytest.mark.django_db
def test_un_get_anonimo_a_captura_lleva_al_acceso_sin_crear_sesion():
    datos = escenario()
    antes = Session.objects.count()

    respuesta = Client().get(reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))

    assert respuesta.status_code == 302 and respuesta.url.startswith(reverse("account_login"))
    assert Session.objects.count() == antes


# --- Páginas de error bajo /captura/ -------------------------------------------------------------------


@pytest.mark.django_db
def test_el_404_bajo_captura_no_se_guarda_en_cache(client):
    datos = escenario()
    client.force_login(datos["cuenta"].usuario)

    ajena = client.get(reverse("cuestionarios:curricular", args=["proceso-ajeno"]))
    inexistente = Client().get("/captura/no/existe/aqui/")

    for respuesta in (ajena, inexistente):
        assertContains(respuesta, "No encontramos esta página", status_code=404)
        assert "no-store" in respuesta["Cache-Control"]


@pytest.mark.django_db
def test_el_403_de_quien_tiene_sesion_le_dice_que_su_cuenta_no_tiene_acceso(client):
    datos = escenario()
    usuario = datos["cuenta"].usuario
    usuario.username = "ue72ea24ef62aa222"
    usuario.save()
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=usuario)
    client.force_login(usuario)

    respuesta = client.post(
        reverse("cuestionarios:curricular", args=[datos["proceso"].slug]), {"propuesta_1": "Cambio"}
    )

    assert respuesta.status_code == 403
    assert "no-store" in respuesta["Cache-Control"]
    assertContains(respuesta, "Tu cuenta no tiene acceso a esta página", status_code=403)
    assertContains(respuesta, "Este cuestionario no se puede editar en su estado actual.", status_code=403)
    assertContains(respuesta, f'href="{reverse("cuestionarios:tablero")}"', status_code=403)
    assertContains(respuesta, f'href="{reverse("account_logout")}"', status_code=403)
    assertNotContains(respuesta, "inicia sesión", status_code=403)
    assertNotContains(respuesta, "Inicia sesión", status_code=403)
    assertNotContains(respuesta, "ue72ea24ef62aa222", status_code=403)


@pytest.mark.django_db
def test_el_403_sin_sesion_sigue_invitando_a_entrar():
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from decide.views import prohibido

    peticion = RequestFactory().get("/captura/")
    peticion.user = AnonymousUser()

    respuesta = prohibido(peticion)

    assert respuesta.status_code == 403
    assert "inicia sesión" in respuesta.content.decode()
    assert "no-store" in respuesta["Cache-Control"]
