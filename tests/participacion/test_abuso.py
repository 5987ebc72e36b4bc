"""Participación que no se puede inflar (issue 16) y páginas iguales para todo visitante (issue 17).

Cada regla con su prueba: el token sólo se emite al ver una página y a ritmo acotado por IP; una
escritura sin token se rechaza; tope de reacciones contadas por IP y objetivo; reportes de K
conexiones distintas; marca de un solo uso; huellas HMAC en vez de IP; la página del personal; las
reglas públicas; los reportes y estadísticas cuentan sólo lo contado; degradación sin Redis.
"""

import datetime
import re
import time
from unittest import mock

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.test import Client, override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from comun.cache_publica import pagina_publica_en_cache
from participacion.cliente import NOMBRE_COOKIE, huella_ip, marca_de_tiempo
from participacion.estadisticas import resumen_participacion
from participacion.models import AjusteParticipacion, Comentario, Conteo, Reaccion, ReporteComentario
from tests.participacion.factories import ComentarioFactory
from tests.plataformas.factories import PropuestaFactory

ESTADO = reverse("participacion:estado")
REACCIONAR = reverse("participacion:reaccionar")


def visitante(ip="10.1.1.1", **extra):
    """Un navegador nuevo que abre una página (la petición de estado le da token y CSRF)."""
    cliente = Client(REMOTE_ADDR=ip, **extra)
    cliente.get(ESTADO)
    return cliente


def reaccionar(cliente, propuesta, valor="me_gusta", **extra):
    return cliente.post(REACCIONAR, {"propuesta": propuesta.pk, "valor": valor}, **extra)


def conteo(propuesta):
    c = Conteo.objects.filter(propuesta=propuesta).first()
    return (c.me_gusta, c.no_me_gusta) if c else (0, 0)


@pytest.fixture
def admin_client(admin_client, admin_user):
    Authenticator.objects.create(
        user=admin_user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return admin_client


# --- Token: sólo al ver una página, a ritmo acotado; sin token no se escribe ----------------------


@pytest.mark.django_db
def test_sin_token_la_reaccion_se_rechaza_y_no_recibe_uno(client):
    propuesta = PropuestaFactory()

    respuesta = reaccionar(client, propuesta)
    en_json = reaccionar(client, propuesta, HTTP_ACCEPT="application/json")

    assertContains(respuesta, "No pudimos reconocer tu navegador", status_code=403)
    assert en_json.status_code == 403 and "reconocer" in en_json.json()["mensaje"]
    assert NOMBRE_COOKIE not in respuesta.cookies and NOMBRE_COOKIE not in en_json.cookies
    assert not Reaccion.objects.exists()
    assert conteo(propuesta) == (0, 0)


@pytest.mark.django_db
def test_sin_token_el_comentario_se_rechaza_conservando_lo_escrito(client):
    propuesta = PropuestaFactory()
    with time_machine.travel(time.time() - 10, tick=False):
        marca = marca_de_tiempo()

    respuesta = client.post(
        reverse("participacion:comentar"),
        {"propuesta": propuesta.pk, "texto": "Mi idea sin cookie de cliente.", "marca": marca},
    )

    assertContains(respuesta, "Mi idea sin cookie de cliente.", status_code=403)
    assert NOMBRE_COOKIE not in respuesta.cookies
    assert not Comentario.objects.exists()


@pytest.mark.django_db
def test_sin_token_el_reporte_se_rechaza(client):
    comentario = ComentarioFactory()

    respuesta = client.post(reverse("participacion:reportar", args=[comentario.pk]))

    assert respuesta.status_code == 403
    assert not ReporteComentario.objects.exists()


@pytest.mark.django_db
@override_settings(PARTICIPACION_TOKENS_POR_IP=3)
def test_los_tokens_nuevos_por_ip_estan_acotados():
    respuestas = [Client(REMOTE_ADDR="10.2.2.2").get(ESTADO) for _i in range(5)]
    otra_ip = Client(REMOTE_ADDR="10.2.2.3").get(ESTADO)

    assert [r.json()["participa"] for r in respuestas] == [True, True, True, False, False]
    assert [NOMBRE_COOKIE in r.cookies for r in respuestas] == [True, True, True, False, False]
    assert otra_ip.json()["participa"] is True


@pytest.mark.django_db
@override_settings(PARTICIPACION_TOKENS_POR_IP=1)
def test_quien_ya_tiene_token_no_consume_y_la_confirmacion_explica_el_tope():
    propuesta = PropuestaFactory()
    con_token = visitante("10.3.3.3")

    assert con_token.get(ESTADO).json()["participa"] is True
    respuesta = Client(REMOTE_ADDR="10.3.3.3").get(
        reverse("participacion:confirmar_reaccion"), {"propuesta": propuesta.pk, "valor": "me_gusta"}
    )
    assertContains(respuesta, "Muchas personas nuevas desde tu conexión", status_code=429)


@pytest.mark.django_db
def test_las_escrituras_nunca_emiten_token():
    propuesta = PropuestaFactory()
    cliente = visitante()

    respuesta = reaccionar(cliente, propuesta)

    assert respuesta.status_code == 302
    assert NOMBRE_COOKIE not in respuesta.cookies


# --- Tope de reacciones contadas por IP y objetivo ----------------------------------------------


@pytest.mark.django_db
@override_settings(PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO=3, PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_pasado_el_tope_por_ip_se_responde_igual_pero_no_cuenta():
    propuesta = PropuestaFactory()
    otra = PropuestaFactory(plataforma=propuesta.plataforma)

    respuestas = [
        reaccionar(visitante("10.4.4.4"), propuesta, HTTP_ACCEPT="application/json") for _i in range(5)
    ]
    reaccionar(visitante("10.4.4.4"), otra)
    reaccionar(visitante("10.4.4.5"), propuesta)

    assert {r.status_code for r in respuestas} == {200}
    assert {r.json()["mensaje"] for r in respuestas} == {respuestas[0].json()["mensaje"]}
    assert [r.json()["mia"] for r in respuestas] == ["me_gusta"] * 5
    assert conteo(propuesta) == (4, 0)  # 3 de la primera IP + 1 de la otra
    assert conteo(otra) == (1, 0)  # el tope es por objetivo
    assert Reaccion.objects.filter(propuesta=propuesta, contada=False).count() == 2


@pytest.mark.django_db
@override_settings(PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO=1, PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_el_tope_se_cuenta_en_una_ventana_de_24_horas():
    propuesta = PropuestaFactory()
    reaccionar(visitante("10.5.5.5"), propuesta)
    reaccionar(visitante("10.5.5.5"), propuesta)

    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=25)):
        reaccionar(visitante("10.5.5.5"), propuesta)

    assert conteo(propuesta) == (2, 0)
    assert Reaccion.objects.filter(contada=False).count() == 1


@pytest.mark.django_db
@override_settings(PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO=1, PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_cambiar_o_retirar_una_reaccion_marcada_no_mueve_los_totales():
    propuesta = PropuestaFactory()
    reaccionar(visitante("10.6.6.6"), propuesta)
    marcada = visitante("10.6.6.6")
    reaccionar(marcada, propuesta, "me_gusta")

    reaccionar(marcada, propuesta, "no_me_gusta")
    assert conteo(propuesta) == (1, 0)
    reaccionar(marcada, propuesta, "retirar")
    assert conteo(propuesta) == (1, 0)


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_veinte_personas_tras_una_ip_cuentan_todas():
    propuesta = PropuestaFactory()

    for _i in range(20):
        reaccionar(visitante("10.7.7.7"), propuesta)

    assert conteo(propuesta) == (20, 0)
    assert not Reaccion.objects.filter(contada=False).exists()


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_cincuenta_reacciones_de_un_token_cuentan_una():
    propuesta = PropuestaFactory()
    cliente = visitante()

    for _i in range(50):
        reaccionar(cliente, propuesta)

    assert Reaccion.objects.count() == 1
    assert conteo(propuesta) == (1, 0)


# --- Reportes de K conexiones distintas ---------------------------------------------------------


@pytest.mark.django_db
@override_settings(PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_diez_reportes_desde_una_ip_no_ocultan_y_van_a_la_cola(admin_client):
    comentario = ComentarioFactory(texto="Comentario reportado desde una sola conexión")
    AjusteParticipacion.objects.create(
        proceso=comentario.propuesta.plataforma.proceso, moderacion="posterior"
    )
    url = reverse("participacion:reportar", args=[comentario.pk])

    for _i in range(10):
        visitante("10.8.8.8").post(url)

    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO
    assert comentario.reportes.count() == 10
    cola = admin_client.get(reverse("admin:participacion_comentario_changelist") + "?reportes=con")
    assertContains(cola, "Comentario reportado desde una sola conexión")


@pytest.mark.django_db
def test_reportes_de_tres_ips_distintas_ocultan():
    comentario = ComentarioFactory(texto="Comentario reportado por tres conexiones")
    url = reverse("participacion:reportar", args=[comentario.pk])

    for ip in ("10.9.0.1", "10.9.0.2"):
        visitante(ip).post(url)
    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO
    visitante("10.9.0.3").post(url)

    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.OCULTO
    assert "3 conexiones distintas" in comentario.motivo_revision


# --- Marca de un solo uso -----------------------------------------------------------------------


@pytest.mark.django_db
def test_la_marca_del_comentario_sirve_una_sola_vez():
    propuesta = PropuestaFactory()
    with time_machine.travel(time.time() - 10, tick=False):
        marca = marca_de_tiempo()
    datos = {"propuesta": propuesta.pk, "texto": "Propongo bancas en el parque.", "marca": marca}

    primero = visitante("10.10.0.1").post(reverse("participacion:comentar"), datos)
    segundo = visitante("10.10.0.2").post(reverse("participacion:comentar"), datos)

    assert primero.status_code == 302
    assertContains(segundo, "ya se envió una vez", status_code=400)
    assertContains(segundo, "Propongo bancas en el parque.", status_code=400)
    assert Comentario.objects.count() == 1


# --- Huellas, no IPs; proxies de confianza ------------------------------------------------------


@pytest.mark.django_db
def test_se_guarda_la_huella_hmac_nunca_la_ip():
    propuesta = PropuestaFactory()

    reaccionar(visitante("203.0.113.9"), propuesta)

    reaccion = Reaccion.objects.get()
    assert reaccion.ip == huella_ip("203.0.113.9")
    assert len(reaccion.ip) == 32 and "203.0.113.9" not in reaccion.ip
    with override_settings(SECRET_KEY="otra-llave-distinta-para-la-prueba-de-huellas-0123456789"):
        assert huella_ip("203.0.113.9") != reaccion.ip


def test_en_ipv6_la_huella_es_la_del_prefijo_64():
    assert huella_ip("2001:db8:1:2::1") == huella_ip("2001:db8:1:2:ffff::9")
    assert huella_ip("2001:db8:1:3::1") != huella_ip("2001:db8:1:2::1")
    assert huella_ip("::ffff:192.0.2.1") == huella_ip("192.0.2.1")


@pytest.mark.django_db
def test_x_forwarded_for_se_ignora_sin_proxies_de_confianza():
    propuesta = PropuestaFactory()

    reaccionar(visitante("10.11.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4"), propuesta)
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1):
        reaccionar(visitante("10.11.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 1.2.3.4"), propuesta)

    assert sorted(Reaccion.objects.values_list("ip", flat=True)) == sorted(
        [huella_ip("10.11.0.1"), huella_ip("1.2.3.4")]
    )


# --- Lo que ve el personal y lo que se publica --------------------------------------------------


@pytest.mark.django_db
@override_settings(PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO=2, PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_la_pagina_de_patrones_muestra_marcadas_y_pocas_ips_con_huellas(
    admin_client, django_assert_max_num_queries
):
    propuesta = PropuestaFactory(titulo="Propuesta inflada")
    for _i in range(12):
        reaccionar(visitante("198.51.100.7"), propuesta)
    comentario = ComentarioFactory(texto="Comentario con reportes")
    visitante("198.51.100.8").post(reverse("participacion:reportar", args=[comentario.pk]))

    with django_assert_max_num_queries(20):
        respuesta = admin_client.get(reverse("admin:participacion_reaccion_patrones"))

    assertContains(respuesta, "Reacciones marcadas (no contadas): 10")
    assertContains(respuesta, "Propuesta inflada")
    assertContains(respuesta, huella_ip("198.51.100.7")[:12])
    assertContains(respuesta, "Comentario con reportes")
    assertNotContains(respuesta, "198.51.100.7")
    assert (
        admin_client.get(reverse("admin:participacion_reaccion_changelist") + "?contada__exact=0").status_code
        == 200
    )


@pytest.mark.django_db
def test_la_pagina_de_patrones_es_solo_para_el_personal(client):
    assert client.get(reverse("admin:participacion_reaccion_patrones")).status_code == 302


@pytest.mark.django_db
def test_las_reglas_son_publicas_en_espanol_y_se_enlazan_desde_las_reacciones(client):
    propuesta = PropuestaFactory()

    reglas = client.get(reverse("participacion:reglas"))
    pagina = client.get(propuesta.get_absolute_url())

    assertContains(reglas, "contamos a lo más 20 reacciones por conexión a internet en 24 horas")
    assertContains(reglas, "desde 3 conexiones distintas")
    assertContains(pagina, f'href="{reverse("participacion:reglas")}"')


@pytest.mark.django_db
@override_settings(PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO=1, PARTICIPACION_LIMITE_POR_MINUTO=1000)
def test_estadisticas_y_reporte_cuentan_solo_lo_contado():
    from participacion.reportes import hojas_del_reporte

    propuesta = PropuestaFactory()
    for _i in range(3):
        reaccionar(visitante("10.12.0.1"), propuesta)
    proceso = propuesta.plataforma.proceso

    resumen = {g["serie"]: g for g in resumen_participacion(proceso)}
    hojas = hojas_del_reporte(proceso, propuesta.plataforma.actor)

    assert resumen["actor"]["reacciones"][0]["valor"] == 1
    assert hojas[0][2][0][3] == 1  # totales por propuesta
    assert [fila[-2] for fila in hojas[1][2]] == [1]  # reacciones por día


# --- Sin Redis: límites en memoria del proceso, nunca 500 ---------------------------------------


@pytest.mark.django_db
@override_settings(PARTICIPACION_TOKENS_POR_IP=2)
def test_si_la_cache_falla_los_limites_siguen_acotados_sin_500():
    from participacion import cliente

    cliente._respaldo.clear()
    with mock.patch("participacion.cliente.cache.add", side_effect=ConnectionError("sin redis")):
        respuestas = [Client(REMOTE_ADDR="10.13.0.1").get(ESTADO) for _i in range(3)]

    assert [r.status_code for r in respuestas] == [200, 200, 200]
    assert [r.json()["participa"] for r in respuestas] == [True, True, False]


# --- Estado por visitante y confirmaciones sin JavaScript ---------------------------------------


@pytest.mark.django_db
def test_el_estado_da_csrf_marca_reaccion_propia_y_totales_sin_cache(django_assert_max_num_queries):
    propuesta = PropuestaFactory()
    otra = PropuestaFactory(plataforma=propuesta.plataforma)
    cliente = visitante()
    reaccionar(cliente, propuesta, "no_me_gusta")
    claves = [f"propuesta-{propuesta.pk}", f"propuesta-{otra.pk}"]

    with django_assert_max_num_queries(2):
        respuesta = cliente.get(ESTADO, {"o": claves})

    datos = respuesta.json()
    assert respuesta["Cache-Control"] == "private, no-store"
    assert datos["csrf"] and datos["marca"] and datos["participa"] is True
    assert datos["mias"] == {claves[0]: "no_me_gusta", claves[1]: None}
    assert datos["totales"] == {claves[0]: [0, 1], claves[1]: [0, 0]}


@pytest.mark.django_db
def test_el_estado_rechaza_claves_malas_con_400(client):
    respuesta = client.get(ESTADO, {"o": ["propuesta-1", "<script>"]})

    assert respuesta.status_code == 400
    assert "no es válida" in respuesta.json()["mensaje"]


@pytest.mark.django_db
def test_sin_javascript_se_confirma_en_una_pagina_corta_y_cuenta(client):
    propuesta = PropuestaFactory(titulo="Más parques")
    pagina = client.get(propuesta.get_absolute_url())
    accion = re.search(
        r'<form class="reacciones__form" method="get" action="([^"]+)"', pagina.content.decode()
    )

    confirmacion = client.get(
        accion.group(1),
        {"propuesta": propuesta.pk, "valor": "me_gusta", "siguiente": propuesta.get_absolute_url()},
    )
    assertContains(confirmacion, "Vas a marcar «Me gusta»")
    assertContains(confirmacion, 'name="csrfmiddlewaretoken"')
    assert "no-store" in confirmacion["Cache-Control"]
    assert NOMBRE_COOKIE in confirmacion.cookies

    final = client.post(
        REACCIONAR,
        {"propuesta": propuesta.pk, "valor": "me_gusta", "siguiente": propuesta.get_absolute_url()},
        follow=True,
    )
    assertContains(final, "Guardamos tu «Me gusta» en «Más parques»")
    assert conteo(propuesta) == (1, 0)
    retirar_sin_tener = visitante().get(
        reverse("participacion:confirmar_reaccion"),
        {"propuesta": propuesta.pk, "valor": "retirar"},
        follow=True,
    )
    assertContains(retirar_sin_tener, "No tienes una reacción que retirar")
    otra_vez = client.get(
        reverse("participacion:confirmar_reaccion"), {"propuesta": propuesta.pk, "valor": "me_gusta"}
    )
    assertContains(otra_vez, "¿Quieres retirarlo?")


@pytest.mark.django_db
def test_sin_javascript_el_comentario_y_el_reporte_tienen_su_pagina(client):
    propuesta = PropuestaFactory()
    comentario = ComentarioFactory(propuesta=propuesta, texto="Un comentario publicado para reportar")

    escribir = client.get(reverse("participacion:escribir_comentario"), {"propuesta": propuesta.pk})
    reportar = client.get(reverse("participacion:confirmar_reporte", args=[comentario.pk]))

    assertContains(escribir, "Escribe tu idea o comentario")
    assertContains(escribir, 'name="marca" value="')
    assertContains(reportar, "Sí, reportar este comentario")
    assertContains(reportar, "Un comentario publicado para reportar")
    for respuesta in (escribir, reportar):
        assertContains(respuesta, 'name="csrfmiddlewaretoken"')
        assert "no-store" in respuesta["Cache-Control"]


# --- Páginas iguales para todo visitante, y la guarda de cookies de la caché ----------------------


@pytest.fixture
def paginas(db):
    from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory, ProcesoElectoralFactory
    from tests.conoceles.factories import publicar

    proceso = ProcesoElectoralFactory(predeterminado=True)
    candidatura = CandidaturaFactory(eleccion=EleccionFactory(proceso=proceso))
    publicar(candidatura, propuesta_1="Agua potable para todas las colonias")
    propuesta = PropuestaFactory(plataforma__proceso=proceso)
    ComentarioFactory(propuesta=propuesta, texto="Un comentario publicado")
    return {
        "perfil": reverse("conoceles:perfil", args=[candidatura.pk]),
        "plataforma": propuesta.plataforma.get_absolute_url(),
        "propuesta": propuesta.get_absolute_url(),
        "tema": reverse("plataformas:tema", args=[propuesta.tema.slug]),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("cual", ["perfil", "plataforma", "propuesta", "tema"])
def test_el_html_es_identico_byte_a_byte_para_dos_visitantes(paginas, cual):
    from django.core.cache import cache

    primero = visitante("10.20.0.1")
    reaccionar(primero, PropuestaFactory(), HTTP_ACCEPT="application/json")  # con token y reacción propia
    segundo = Client(REMOTE_ADDR="10.20.0.2")

    a = primero.get(paginas[cual])
    cache.clear()  # el segundo no lo recibe de la caché: se genera de nuevo
    b = segundo.get(paginas[cual])
    c = Client(REMOTE_ADDR="10.20.0.3").get(paginas[cual])

    assert a.status_code == b.status_code == 200
    assert a.content == b.content == c.content
    assert b["X-Cache"] == "MISS" and c["X-Cache"] == "HIT"
    assert not a.cookies and not b.cookies and not c.cookies
    assert b'csrfmiddlewaretoken" value=""' in a.content or cual in ("plataforma", "tema")
    assert not re.search(rb'csrfmiddlewaretoken" value="[^"]', a.content)


def _vista_con_csrf(request):
    from django.template import engines

    plantilla = engines["django"].from_string("<form>{% csrf_token %}</form>")
    from django.http import HttpResponse

    return HttpResponse(plantilla.render({}, request))


vista_con_csrf = pagina_publica_en_cache()(_vista_con_csrf)
urlpatterns = [__import__("django.urls").urls.path("con-csrf/", vista_con_csrf)]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_una_pagina_que_pone_csrftoken_nunca_se_guarda_ni_se_sirve_a_otro():
    primera = Client().get("/con-csrf/")
    segunda = Client().get("/con-csrf/")

    assert "csrftoken" in primera.cookies
    assert segunda["X-Cache"] == "MISS"
    token_1 = re.search(rb'value="([^"]+)"', primera.content).group(1)
    token_2 = re.search(rb'value="([^"]+)"', segunda.content).group(1)
    assert token_1 != token_2
