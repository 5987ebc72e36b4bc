import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains


@pytest.mark.django_db
def test_el_inicio_ofrece_la_caja_de_mi_seccion(client):
    respuesta = client.get(reverse("decide:inicio"))

    assert respuesta.status_code == 200
    assertContains(respuesta, "¿Qué se elige en mi sección?")
    assertContains(respuesta, f'action="{reverse("decide:mi_seccion")}"')


@pytest.mark.django_db
def test_el_inicio_hace_una_consulta_y_luego_sale_de_la_cache(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # procesos abiertos
        client.get(reverse("decide:inicio"))
    with django_assert_num_queries(0):
        client.get(reverse("decide:inicio"))


@pytest.mark.django_db
def test_el_inicio_muestra_el_proceso_en_curso_y_su_jornada(client):
    import datetime

    from tests.candidaturas.factories import ProcesoElectoralFactory

    ProcesoElectoralFactory(
        nombre="Proceso Electoral Local Ordinario 2027",
        predeterminado=True,
        es_demostracion=True,
        fecha_jornada=datetime.date(2027, 6, 6),
    )

    respuesta = client.get(reverse("decide:inicio"))

    assertContains(
        respuesta,
        "Proceso electoral en curso: <strong>Proceso Electoral Local Ordinario 2027</strong>",
        html=False,
    )
    assertContains(respuesta, "La jornada electoral es el domingo 6 de junio de 2027.")
    assertContains(respuesta, "Datos de demostración")


@pytest.mark.django_db
def test_cada_pagina_tiene_salto_al_contenido_y_aviso_de_privacidad(client):
    respuesta = client.get(reverse("decide:inicio"))

    assertContains(respuesta, 'href="#contenido"')
    assertContains(respuesta, reverse("decide:aviso_de_privacidad"))
    assertContains(respuesta, '<html lang="es-MX">', html=False)


@pytest.mark.django_db
def test_el_menu_no_lleva_a_paginas_rotas(client):
    from decide.navegacion import entradas_disponibles

    for url, _etiqueta, _descripcion in entradas_disponibles():
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_el_aviso_de_privacidad_se_muestra(client):
    respuesta = client.get(reverse("decide:aviso_de_privacidad"))

    assertContains(respuesta, "datos personales sensibles")


@pytest.mark.django_db
def test_una_pagina_inexistente_da_404_en_espanol(client):
    respuesta = client.get("/no-existe/")

    assert respuesta.status_code == 404
    assertContains(respuesta, "No encontramos esta página", status_code=404)


def test_los_errores_del_servidor_se_muestran_en_espanol(rf):
    from decide.views import error_del_servidor

    respuesta = error_del_servidor(rf.get("/"))

    assert respuesta.status_code == 500
    assert "Algo salió mal de nuestro lado" in respuesta.content.decode()


@pytest.mark.django_db
def test_las_paginas_publicas_llevan_encabezados_de_seguridad(client):
    respuesta = client.get(reverse("decide:inicio"))

    politica = respuesta["Content-Security-Policy"]
    assert "script-src 'self'" in politica
    assert "unsafe-inline" not in politica
    assert "frame-ancestors 'none'" in politica
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert respuesta["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert respuesta["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_salud_responde_ok_sin_cache(client):
    respuesta = client.get(reverse("decide:salud"))

    assert respuesta.json()["estado"] == "ok"
    assert "no-cache" in respuesta["Cache-Control"]


@pytest.mark.django_db
def test_salud_contesta_por_http_aunque_se_exija_https(client, settings):
    """El balanceador y el HEALTHCHECK de la imagen la piden por HTTP dentro de la red privada."""
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(reverse("decide:salud")).status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.django_db
def test_el_acceso_es_en_espanol_y_sin_registro_publico(client):
    respuesta = client.get(reverse("account_login"))

    assertContains(respuesta, "Iniciar sesión")
    assertContains(respuesta, "Las cuentas las crea el IEEM")
    assertNotContains(respuesta, "sign up")


@pytest.mark.django_db
def test_el_registro_publico_esta_cerrado(client):
    respuesta = client.post(
        reverse("account_signup"), {"email": "nadie@ejemplo.mx", "password1": "Segura-12345"}
    )

    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="nadie@ejemplo.mx").exists()
    assert respuesta.status_code in (200, 403)


@pytest.mark.django_db
def test_el_admin_pasa_por_el_acceso_de_allauth(client):
    respuesta = client.get("/admin/login/")

    assert respuesta.status_code == 302
    assert respuesta["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_tras_diez_intentos_fallidos_desde_el_mismo_lugar_ni_la_clave_correcta_entra(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("ana", "ana@ejemplo.mx", "Clave-correcta-123")
    for _ in range(10):
        client.post(reverse("account_login"), {"login": "ana@ejemplo.mx", "password": "equivocada"})

    respuesta = client.post(
        reverse("account_login"), {"login": "ana@ejemplo.mx", "password": "Clave-correcta-123"}
    )

    assertContains(respuesta, "Demasiados intentos fallidos")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_demasiados_intentos_desde_una_ip_reciben_429_en_espanol(client):
    import time_machine

    # El reloj quieto: con cada intento fallido pasando por el cifrado de la contraseña, 30 intentos
    # en una máquina cargada podrían tardar más del minuto de la ventana.
    with time_machine.travel("2027-03-01 12:00:00", tick=False):
        for numero in range(30):
            client.post(reverse("account_login"), {"login": f"persona{numero}@ejemplo.mx", "password": "x"})

        respuesta = client.post(reverse("account_login"), {"login": "otra@ejemplo.mx", "password": "x"})

    assert respuesta.status_code == 429
    assertContains(respuesta, "Demasiadas solicitudes", status_code=429)


@pytest.mark.django_db
def test_todas_las_paginas_del_menu_llevan_la_politica_de_contenido(client):
    from decide.navegacion import entradas_disponibles

    for url, _etiqueta, _descripcion in entradas_disponibles():
        politica = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in politica and "unsafe-inline" not in politica, url
        assert "frame-ancestors 'none'" in politica, url


@pytest.mark.django_db
def test_con_https_las_respuestas_llevan_hsts_y_cookies_seguras(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.CSRF_COOKIE_SECURE = True

    respuesta = client.get(reverse("account_login"), secure=True)

    assert respuesta["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert respuesta.cookies["csrftoken"]["secure"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "ruta",
    [
        "/",
        "/mi-seccion/",
        "/aviso-de-privacidad/",
        "/quita-dudas/",
        "/estadisticas/",
        "/estadisticas/visitas.csv",
        "/candidaturas/",
        "/procesos/",
        "/plataformas/",
        "/conoceles/",
        "/conoceles/estadisticas/",
        "/conoceles/datos/",
    ],
)
def test_head_responde_como_get_sin_cuerpo(client, ruta):
    """Regresión (issue 11): HEAD daba 405 en toda página pública (monitores y verificadores de
    enlaces lo usan)."""
    get = client.get(ruta)

    head = client.head(ruta)

    assert (head.status_code, head["Content-Type"]) == (get.status_code, get["Content-Type"])
    assert head.status_code == 200
    assert (b"".join(head.streaming_content) if head.streaming else head.content) == b""
