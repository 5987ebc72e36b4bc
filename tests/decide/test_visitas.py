"""Contador de visitas (P11): qué cuenta, cómo se acumula sin escribir por petición, y /estadisticas/."""

import csv
import datetime
import io

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from pytest_django.asserts import assertContains

from decide import visitas
from decide.models import AreaDelPortal, VisitaDiaria
from tests.decide.factories import VisitaDiariaFactory

pytestmark = pytest.mark.django_db

NAVEGADOR = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True)
def _contador_limpio(settings):
    """Lo que otras pruebas dejaron en la memoria del proceso no cuenta aquí; y nada se envía solo."""
    settings.VISITAS_SEGUNDOS_ENVIO = 3600
    visitas.pendientes.tomar()
    yield
    visitas.pendientes.tomar()


@pytest.fixture
def persona(client):
    client.defaults["HTTP_USER_AGENT"] = NAVEGADOR
    return client


def _contadas():
    visitas.volcar_visitas()
    return {fila.area: fila.cuenta for fila in VisitaDiaria.objects.all()}


# --- Qué cuenta y qué no ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ruta", "area"),
    [
        ("/", AreaDelPortal.INICIO),
        ("/conoceles/", AreaDelPortal.CONOCELES),
        ("/conoceles/123/", AreaDelPortal.CONOCELES),
        ("/mi-seccion/", AreaDelPortal.MI_SECCION),
        ("/candidaturas/", AreaDelPortal.CANDIDATURAS),
        ("/plataformas/pan/", AreaDelPortal.PLATAFORMAS),
        ("/atribuciones/", AreaDelPortal.ATRIBUCIONES),
        ("/quita-dudas/", AreaDelPortal.QUITA_DUDAS),
        ("/recursos/", AreaDelPortal.RECURSOS),
        ("/enlaces/", AreaDelPortal.ENLACES),
        ("/estadisticas/", AreaDelPortal.ESTADISTICAS),
        ("/procesos/", AreaDelPortal.PROCESOS),
        ("/aviso-de-privacidad/", AreaDelPortal.OTRAS),
    ],
)
def test_cada_ruta_pertenece_a_su_area(ruta, area):
    assert visitas.area_de_la_ruta(ruta) == area


@pytest.mark.parametrize(
    "ruta",
    ["/static/css/decide.css", "/media/recursos/x.jpg", "/admin/", "/salud/", "/cuentas/login/", "/captura/"],
)
def test_archivos_admin_salud_acceso_y_captura_no_se_cuentan(ruta):
    assert visitas.area_de_la_ruta(ruta) is None


@pytest.mark.parametrize(
    "agente",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36",
        "facebookexternalhit/1.1",
        "WhatsApp/2.23.20.0",
        "UptimeRobot/2.0",
    ],
)
def test_robots_y_herramientas_se_reconocen(agente):
    assert visitas.es_robot(agente)


@pytest.mark.parametrize(
    "agente",
    [
        NAVEGADOR,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ],
)
def test_los_navegadores_de_personas_no_son_robots(agente):
    assert not visitas.es_robot(agente)


def test_una_pagina_vista_por_una_persona_suma_uno(persona):
    persona.get(reverse("decide:enlaces"))
    persona.get(reverse("decide:enlaces"))
    persona.get(reverse("decide:quita_dudas"))

    assert _contadas() == {AreaDelPortal.ENLACES: 2, AreaDelPortal.QUITA_DUDAS: 1}


def test_un_robot_no_suma(client):
    client.get(reverse("decide:enlaces"), HTTP_USER_AGENT="Googlebot/2.1")

    assert _contadas() == {}


def test_salud_y_estaticos_no_suman(persona):
    persona.get(reverse("decide:salud"))
    persona.get("/static/css/decide.css")

    assert _contadas() == {}


def test_errores_redirecciones_y_post_no_suman(persona):
    persona.get("/no-existe/")
    persona.get(reverse("decide:quita_dudas"), {"q": "x" * 500})
    persona.get(reverse("decide:atribuciones"), {"proceso": "no-existe"})
    persona.post(reverse("decide:enlaces"))

    assert _contadas() == {}


def test_las_descargas_no_suman(persona):
    persona.get(reverse("decide:estadisticas_visitas_csv"))

    assert _contadas() == {}


def test_el_personal_del_ieem_no_suma(persona, django_user_model):
    persona.force_login(django_user_model.objects.create_user("staff", "s@ieem.org.mx", "x", is_staff=True))

    persona.get(reverse("decide:enlaces"))

    assert _contadas() == {}


def test_una_persona_con_sesion_que_no_es_personal_si_suma(persona, django_user_model):
    persona.force_login(django_user_model.objects.create_user("candidata", "c@ejemplo.mx", "x"))

    persona.get(reverse("decide:enlaces"))

    assert _contadas() == {AreaDelPortal.ENLACES: 1}


def test_la_precarga_del_navegador_no_suma(persona):
    persona.get(reverse("decide:enlaces"), HTTP_SEC_PURPOSE="prefetch")

    assert _contadas() == {}


def test_no_se_guarda_ningun_dato_de_quien_visita(persona):
    persona.get(reverse("decide:enlaces"), REMOTE_ADDR="203.0.113.9")

    visitas.volcar_visitas()

    columnas = {campo.name for campo in VisitaDiaria._meta.get_fields()}
    assert columnas == {"id", "fecha", "area", "cuenta"}


# --- Sin escribir en la base en cada petición -----------------------------------------------------


def test_las_peticiones_no_escriben_en_la_base(persona, django_assert_num_queries):
    persona.get(reverse("decide:enlaces"))  # llena la caché de la página

    with django_assert_num_queries(0):
        for _ in range(20):
            persona.get(reverse("decide:enlaces"))

    assert not VisitaDiaria.objects.exists()


def test_cien_visitas_se_vuelcan_con_una_escritura_por_seccion(persona, django_assert_num_queries):
    for _ in range(100):
        persona.get(reverse("decide:enlaces"))
    visitas.enviar_a_la_cache()

    # guardado (savepoint) · una escritura (UPDATE que no encuentra fila, luego INSERT) · liberar
    with django_assert_num_queries(4):
        volcadas = visitas.volcar_a_la_base()

    assert volcadas == 100
    assert VisitaDiaria.objects.get(area=AreaDelPortal.ENLACES).cuenta == 100


def test_un_segundo_volcado_suma_con_F_sobre_la_misma_fila(persona, django_assert_num_queries):
    persona.get(reverse("decide:enlaces"))
    visitas.volcar_visitas()
    for _ in range(5):
        persona.get(reverse("decide:enlaces"))
    visitas.enviar_a_la_cache()

    with django_assert_num_queries(3):  # savepoint · UPDATE … SET cuenta = cuenta + 5 · liberar
        visitas.volcar_a_la_base()

    assert VisitaDiaria.objects.get(area=AreaDelPortal.ENLACES).cuenta == 6
    assert VisitaDiaria.objects.count() == 1


def test_volcar_sin_nada_pendiente_no_escribe(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert visitas.volcar_a_la_base() == 0


def test_lo_volcado_se_descuenta_de_la_cache_y_no_se_cuenta_dos_veces(persona):
    for _ in range(3):
        persona.get(reverse("decide:enlaces"))

    visitas.volcar_visitas()
    visitas.volcar_visitas()

    assert VisitaDiaria.objects.get(area=AreaDelPortal.ENLACES).cuenta == 3


def test_si_otro_proceso_esta_volcando_no_se_vuelca_dos_veces():
    cache.add(visitas.CLAVE_CANDADO, 1, timeout=60)

    assert visitas.volcar_a_la_base() is None


def test_si_la_base_falla_lo_tomado_vuelve_a_la_cache(persona, monkeypatch):
    for _ in range(4):
        persona.get(reverse("decide:enlaces"))
    visitas.enviar_a_la_cache()

    def falla(*args, **kwargs):
        raise RuntimeError("base caída")

    monkeypatch.setattr(VisitaDiaria.objects, "create", falla)
    with pytest.raises(RuntimeError):
        visitas.volcar_a_la_base()
    monkeypatch.undo()
    visitas.volcar_a_la_base()

    assert VisitaDiaria.objects.get(area=AreaDelPortal.ENLACES).cuenta == 4


def test_las_visitas_de_cada_dia_van_a_su_fecha(persona):
    with time_machine.travel(
        datetime.datetime(2027, 6, 6, 23, 59, tzinfo=datetime.UTC).astimezone(), tick=False
    ):
        persona.get(reverse("decide:enlaces"))
    with time_machine.travel(datetime.datetime(2027, 6, 8, 12, 0, tzinfo=datetime.UTC), tick=False):
        persona.get(reverse("decide:enlaces"))
        visitas.volcar_visitas()

    fechas = dict(VisitaDiaria.objects.values_list("fecha", "cuenta"))
    assert fechas == {datetime.date(2027, 6, 6): 1, datetime.date(2027, 6, 8): 1}


def test_el_comando_vuelca_lo_acumulado(persona):
    for _ in range(7):
        persona.get(reverse("decide:quita_dudas"))
    visitas.enviar_a_la_cache()
    salida = io.StringIO()

    call_command("volcar_visitas", stdout=salida)

    assert VisitaDiaria.objects.get(area=AreaDelPortal.QUITA_DUDAS).cuenta == 7
    assert "7" in salida.getvalue()


@pytest.mark.django_db(transaction=True)
def test_una_peticion_vuelca_a_lo_mas_una_vez_por_minuto(settings):
    settings.VISITAS_SEGUNDOS_ENVIO = 0
    visitas.pendientes.tomar()
    fabrica = RequestFactory(HTTP_USER_AGENT=NAVEGADOR)
    pagina = HttpResponse("<p>hola</p>", content_type="text/html; charset=utf-8")

    visitas.registrar(fabrica.get("/enlaces/"), pagina)
    visitas.registrar(fabrica.get("/enlaces/"), pagina)

    # La primera volcó (1); la segunda llegó a la caché pero el minuto aún no pasaba.
    assert VisitaDiaria.objects.get(area=AreaDelPortal.ENLACES).cuenta == 1
    cache.delete(visitas.CLAVE_ULTIMO_VOLCADO)
    visitas.registrar(fabrica.get("/", HTTP_USER_AGENT="curl/8"), pagina)
    assert VisitaDiaria.objects.get(area=AreaDelPortal.ENLACES).cuenta == 2


def test_si_el_contador_falla_la_pagina_se_sirve_igual(persona, monkeypatch):
    def falla(*args, **kwargs):
        raise RuntimeError("caché caída")

    monkeypatch.setattr(visitas, "registrar", falla)

    respuesta = persona.get(reverse("decide:enlaces"))

    assert respuesta.status_code == 200


# --- /estadisticas/ -----------------------------------------------------------------------------


@pytest.fixture
def con_visitas():
    hoy = datetime.date.today()
    VisitaDiariaFactory(fecha=hoy, area=AreaDelPortal.INICIO, cuenta=1200)
    VisitaDiariaFactory(fecha=hoy, area=AreaDelPortal.CONOCELES, cuenta=340)
    VisitaDiariaFactory(fecha=hoy - datetime.timedelta(days=1), area=AreaDelPortal.INICIO, cuenta=55)
    VisitaDiariaFactory(fecha=hoy - datetime.timedelta(days=90), area=AreaDelPortal.MI_SECCION, cuenta=7)


def test_estadisticas_muestra_el_total_y_cada_seccion(client, con_visitas):
    respuesta = client.get(reverse("decide:estadisticas"))

    assertContains(respuesta, "<strong>1,602</strong> páginas vistas desde el")
    assertContains(respuesta, '<th scope="row">Inicio</th><td>1,255</td>', html=True)
    assertContains(respuesta, '<th scope="row">Conóceles</th><td>340</td>', html=True)
    assertContains(respuesta, "Páginas vistas por día, últimos 30 días")
    assertContains(respuesta, "En total, 1,595 páginas vistas en este periodo.")
    assertContains(respuesta, f'href="{reverse("decide:estadisticas_visitas_csv")}" download')


def test_estadisticas_sin_visitas_lo_dice(client):
    respuesta = client.get(reverse("decide:estadisticas"))

    assertContains(respuesta, "Todavía no hay visitas registradas.")


def test_estadisticas_explica_que_no_guarda_datos_personales(client):
    respuesta = client.get(reverse("decide:estadisticas"))

    assertContains(respuesta, "no guardamos ningún dato de quién visita")


@pytest.mark.parametrize("dias", [1, 60])
def test_estadisticas_hace_tres_consultas_con_pocos_o_muchos_dias(client, dias, django_assert_num_queries):
    hoy = datetime.date.today()
    for atras in range(dias):
        VisitaDiariaFactory(fecha=hoy - datetime.timedelta(days=atras), area=AreaDelPortal.INICIO)

    with django_assert_num_queries(4):  # procesos abiertos · total y primer día · por sección · serie diaria
        client.get(reverse("decide:estadisticas"))


@pytest.mark.parametrize("dias", [1, 60])
def test_estadisticas_con_proceso_suma_la_participacion_en_consultas_fijas(
    client, dias, django_assert_num_queries
):
    from tests.candidaturas.factories import ProcesoElectoralFactory

    ProcesoElectoralFactory(predeterminado=True)
    hoy = datetime.date.today()
    for atras in range(dias):
        VisitaDiariaFactory(fecha=hoy - datetime.timedelta(days=atras), area=AreaDelPortal.INICIO)

    with django_assert_num_queries(6):  # las 4 de visitas y procesos · reacciones y comentarios agregados
        respuesta = client.get(reverse("decide:estadisticas"))

    assert "Participación: reacciones y comentarios" in respuesta.content.decode()


def test_el_csv_trae_la_serie_completa_por_dia_y_seccion(client, con_visitas):
    respuesta = client.get(reverse("decide:estadisticas_visitas_csv"))

    texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(texto)))
    assert respuesta["Content-Type"].startswith("text/csv")
    assert filas[0] == ["fecha", "clave del área", "área del portal", "páginas vistas"]
    assert len(filas) == 5
    assert filas[1][1:] == ["mi_seccion", "Mi sección", "7"]
