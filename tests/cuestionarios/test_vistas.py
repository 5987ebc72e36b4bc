import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from cuestionarios import services
from cuestionarios.models import Consentimiento, CuestionarioCurricular, Estado
from tests.cuentas.factories import CuentaDeActorFactory
from tests.cuestionarios.factories import escenario


def entrar(client, datos):
    client.force_login(datos["cuenta"].usuario)
    return client


def urls_de_persona(datos):
    slug = datos["proceso"].slug
    return [
        ("get", reverse("cuestionarios:aviso", args=[slug])),
        ("get", reverse("cuestionarios:curricular", args=[slug])),
        ("get", reverse("cuestionarios:identidad", args=[slug])),
        ("get", reverse("cuestionarios:vista_previa", args=[slug])),
        ("post", reverse("cuestionarios:curricular", args=[slug])),
        ("post", reverse("cuestionarios:identidad", args=[slug])),
        ("post", reverse("cuestionarios:foto", args=[slug])),
        ("post", reverse("cuestionarios:enviar", args=[slug])),
        ("post", reverse("cuestionarios:aviso", args=[slug])),
    ]


def urls_de_partido(datos):
    pk = datos["curricular"].pk
    return [
        ("get", reverse("cuestionarios:partido_captura", args=[pk])),
        ("post", reverse("cuestionarios:partido_validar", args=[pk])),
    ]


# --- Matriz IDOR (X3) -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_otra_persona_candidata_recibe_404_en_cada_url_de_captura_ajena(client):
    victima = escenario()
    atacante = escenario()
    entrar(client, atacante)

    for metodo, url in urls_de_persona(victima) + urls_de_partido(victima):
        respuesta = getattr(client, metodo)(url, {"propuesta_1": "hackeo", "tratamiento": "on"})
        assert respuesta.status_code == 404, (metodo, url, respuesta.status_code)
    victima["curricular"].refresh_from_db()
    assert victima["curricular"].propuesta_1 != "hackeo"


@pytest.mark.django_db
def test_la_representacion_de_otro_partido_recibe_404(client):
    victima = escenario()
    services.mover(cuestionario=victima["curricular"], movimiento="enviar", usuario=victima["cuenta"].usuario)
    client.force_login(CuentaDeActorFactory().usuario)

    for metodo, url in urls_de_persona(victima) + urls_de_partido(victima):
        assert getattr(client, metodo)(url).status_code == 404, url
    victima["curricular"].refresh_from_db()
    assert victima["curricular"].estado == Estado.ENVIADO


@pytest.mark.django_db
def test_la_representacion_del_partido_propio_no_edita_la_captura(client):
    victima = escenario()
    client.force_login(CuentaDeActorFactory(actor=victima["actor"]).usuario)

    for metodo, url in urls_de_persona(victima):
        assert getattr(client, metodo)(url).status_code == 404, url


@pytest.mark.django_db
def test_sin_sesion_cada_url_de_captura_lleva_al_acceso_sin_mostrar_datos(client):
    victima = escenario()

    for metodo, url in urls_de_persona(victima) + urls_de_partido(victima):
        respuesta = getattr(client, metodo)(url)
        if metodo == "get":
            assert respuesta.status_code == 302, url
            assert respuesta.url.startswith(reverse("account_login")), url
        else:  # un POST sin sesión: «Tu sesión terminó» con el enlace al acceso, nada guardado
            assert respuesta.status_code == 403, url
            assertContains(respuesta, reverse("account_login"), status_code=403)
    victima["curricular"].refresh_from_db()
    assert victima["curricular"].estado == Estado.EN_CAPTURA


@pytest.mark.django_db
def test_las_paginas_de_captura_y_consentimiento_no_se_guardan_en_cache(client):
    datos = escenario()
    entrar(client, datos)

    for _metodo, url in [("get", reverse("cuestionarios:tablero"))] + [
        u for u in urls_de_persona(datos) if u[0] == "get"
    ]:
        respuesta = client.get(url)
        assert respuesta.status_code == 200, url
        assert "no-store" in respuesta["Cache-Control"], url


@pytest.mark.django_db
def test_post_sin_token_csrf_se_rechaza():
    from django.test import Client

    datos = escenario()
    cliente = Client(enforce_csrf_checks=True)
    cliente.force_login(datos["cuenta"].usuario)

    respuesta = cliente.post(
        reverse("cuestionarios:curricular", args=[datos["proceso"].slug]), {"propuesta_1": "x"}
    )

    assert respuesta.status_code == 403


# --- Páginas -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_tablero_muestra_candidaturas_estado_y_observaciones(client):
    datos = escenario()
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:tablero"))

    assertContains(respuesta, datos["persona"].nombre_completo)
    assertContains(respuesta, "En captura")
    assertContains(respuesta, datos["proceso"].nombre)


@pytest.mark.django_db
def test_tablero_no_crece_en_consultas_con_mas_candidaturas(client, django_assert_max_num_queries):
    from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory

    datos = escenario()
    entrar(client, datos)
    client.get(reverse("cuestionarios:tablero"))
    with django_assert_max_num_queries(9) as una:  # + respuestas de identidad por proceso (avance)
        client.get(reverse("cuestionarios:tablero"))
    for _ in range(5):
        CandidaturaFactory(persona=datos["persona"], eleccion=EleccionFactory(proceso=datos["proceso"]))
    with django_assert_max_num_queries(len(una.captured_queries)):
        client.get(reverse("cuestionarios:tablero"))


@pytest.mark.django_db
def test_sin_consentimiento_la_captura_lleva_al_aviso(client):
    datos = escenario()
    Consentimiento.objects.all().delete()
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))

    assertRedirects(respuesta, reverse("cuestionarios:aviso", args=[datos["proceso"].slug]))


@pytest.mark.django_db
def test_el_aviso_exige_la_autorizacion_de_tratamiento(client):
    datos = escenario()
    Consentimiento.objects.all().delete()
    entrar(client, datos)

    respuesta = client.post(
        reverse("cuestionarios:aviso", args=[datos["proceso"].slug]), {"publicacion": "on"}
    )

    assert respuesta.status_code == 400
    assertContains(respuesta, "Sin esta autorización no es posible capturar", status_code=400)


@pytest.mark.django_db
def test_error_de_validacion_conserva_el_texto_y_lo_guarda_como_borrador(client):
    datos = escenario()
    entrar(client, datos)
    url = reverse("cuestionarios:curricular", args=[datos["proceso"].slug])
    texto = "Mi historia que no quiero perder. " + "x" * 5000

    respuesta = client.post(url, {"historia_profesional": texto, "facebook": "https://ejemplo.com/yo"})

    assert respuesta.status_code == 400
    assertContains(respuesta, "Mi historia que no quiero perder.", status_code=400)
    assertContains(respuesta, "facebook.com", status_code=400)
    de_vuelta = client.get(url)
    assertContains(de_vuelta, "Mi historia que no quiero perder.")
    assertContains(de_vuelta, "Recuperamos el texto")


@pytest.mark.django_db
def test_sesion_caducada_no_pierde_lo_escrito(client):
    """Lo escrito vuelve en la misma respuesta para copiarlo; el servidor no lo guarda (issue 12)."""
    datos = escenario()
    url = reverse("cuestionarios:curricular", args=[datos["proceso"].slug])

    respuesta = client.post(url, {"propuesta_2": "Texto escrito antes de que caducara la sesión"})

    assertContains(respuesta, "Tu sesión terminó", status_code=403)
    assertContains(respuesta, "Texto escrito antes de que caducara la sesión", status_code=403)
    assertContains(respuesta, f"{reverse('account_login')}?next=", status_code=403)
    assert "no-store" in respuesta["Cache-Control"]
    datos["curricular"].refresh_from_db()
    assert not datos["curricular"].borrador


@pytest.mark.django_db
def test_guardar_borrador_valido_y_ver_vista_previa(client):
    datos = escenario()
    entrar(client, datos)
    slug = datos["proceso"].slug

    respuesta = client.post(
        reverse("cuestionarios:curricular", args=[slug]),
        {"propuesta_1": "Una propuesta corta", "siguiente": "vista_previa"},
    )

    assertRedirects(respuesta, reverse("cuestionarios:vista_previa", args=[slug]))
    previa = client.get(respuesta.url)
    assertContains(previa, "Una propuesta corta")
    assertContains(previa, "Escribe al menos 280 caracteres")
    assertContains(previa, "La candidatura no proporcionó información.")


@pytest.mark.django_db
def test_enviar_incompleto_se_rechaza_con_la_lista_de_pendientes(client):
    datos = escenario()
    entrar(client, datos)

    respuesta = client.post(reverse("cuestionarios:enviar", args=[datos["proceso"].slug]))

    assert respuesta.status_code == 400
    assertContains(respuesta, "Falta completar antes de enviar", status_code=400)
    assert CuestionarioCurricular.objects.get().estado == Estado.EN_CAPTURA


@pytest.mark.django_db
def test_identidad_muestra_las_20_preguntas_y_la_pista_sin_javascript(client):
    datos = escenario()
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:identidad", args=[datos["proceso"].slug]))

    assertContains(respuesta, "20. Entidad federativa de nacimiento:")
    assertContains(respuesta, "Responde sólo si en la pregunta 4 contestaste «Sí».")
    assertContains(respuesta, "Prefiero no contestar")


@pytest.mark.django_db
def test_la_representacion_del_partido_no_ve_respuestas_de_identidad(client):
    datos = escenario()
    client.force_login(CuentaDeActorFactory(actor=datos["actor"]).usuario)

    respuesta = client.get(reverse("cuestionarios:partido_captura", args=[datos["curricular"].pk]))

    assertContains(respuesta, datos["persona"].nombre_completo)
    assertNotContains(respuesta, "Cuestionario de identidad")


@pytest.mark.django_db
def test_la_representacion_valida_una_captura_enviada(client):
    datos = escenario()
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    client.force_login(CuentaDeActorFactory(actor=datos["actor"]).usuario)

    respuesta = client.post(reverse("cuestionarios:partido_validar", args=[datos["curricular"].pk]))

    assertRedirects(respuesta, reverse("cuestionarios:tablero"))
    assert CuestionarioCurricular.objects.get().estado == Estado.VALIDADO_PARTIDO


@pytest.mark.django_db
def test_el_tablero_del_partido_ofrece_solo_su_reporte_de_participacion(client):
    datos = escenario()
    client.force_login(CuentaDeActorFactory(actor=datos["actor"]).usuario)

    respuesta = client.get(reverse("cuestionarios:tablero"))

    url = reverse("participacion:reporte", args=[datos["proceso"].slug, datos["actor"].slug])
    assertContains(respuesta, f'href="{url}"')
    assertContains(respuesta, "Lo que la ciudadanía opinó de sus propuestas")


@pytest.mark.django_db
def test_un_caracter_nulo_se_rechaza_con_mensaje_y_no_rompe_el_borrador(client):
    datos = escenario()
    entrar(client, datos)
    url = reverse("cuestionarios:curricular", args=[datos["proceso"].slug])

    respuesta = client.post(url, {"historia_profesional": "Mi historia\x00 con un nulo pegado"})

    assert respuesta.status_code == 400
    assertContains(respuesta, "Mi historia", status_code=400)
    assert (
        "\x00"
        not in CuestionarioCurricular.objects.get(pk=datos["curricular"].pk).borrador["historia_profesional"]
    )
