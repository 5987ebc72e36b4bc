"""Lo que ve la persona candidata en /captura/ (issue 14): la foto no borra lo escrito, el avance por
paso y lo que falta, y un mensaje de bloqueo que dice cuál aplica y hasta cuándo."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular, PlazoDeCaptura
from tests.cuestionarios.factories import escenario


def entrar(client, datos):
    client.force_login(datos["cuenta"].usuario)
    return client


def foto_valida():
    contenido = io.BytesIO()
    Image.new("RGB", (300, 300), "#336699").save(contenido, "JPEG")
    return SimpleUploadedFile("foto.jpg", contenido.getvalue(), content_type="image/jpeg")


@pytest.mark.django_db
def test_subir_la_foto_conserva_lo_escrito_en_el_cuestionario(client):
    datos = escenario()
    entrar(client, datos)
    url = reverse("cuestionarios:curricular", args=[datos["proceso"].slug])

    pagina = client.get(url)
    assertContains(pagina, 'form="formulario-curricular"')  # el archivo viaja con lo escrito
    respuesta = client.post(
        reverse("cuestionarios:foto", args=[datos["proceso"].slug]),
        {"foto": foto_valida(), "propuesta_1": "Mi propuesta escrita antes de subir la foto"},
    )

    assert respuesta.status_code == 302
    despues = client.get(url)
    assertContains(despues, "Mi propuesta escrita antes de subir la foto")
    assert (
        CuestionarioCurricular.objects.get(pk=datos["curricular"].pk).borrador["propuesta_1"].startswith("Mi")
    )


@pytest.mark.django_db
def test_el_tablero_marca_el_avance_de_cada_paso_y_lo_que_falta(client):
    datos = escenario()
    entrar(client, datos)

    antes = client.get(reverse("cuestionarios:tablero"))
    assertContains(antes, "Lo que te falta")
    assertContains(antes, "Revisar la vista previa y enviar tu captura.")
    assertContains(antes, "Borrador guardado")

    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    despues = client.get(reverse("cuestionarios:tablero"))
    # El estado general y los pasos curricular, identidad y envío.
    assertContains(despues, 'estado-captura--enviado">Enviado<', count=4)
    assertNotContains(despues, "Revisar la vista previa y enviar tu captura.")


@pytest.mark.django_db
def test_el_bloqueo_por_estado_enviado_lo_dice_y_da_el_plazo(client):
    datos = escenario()
    ahora = timezone.now()
    PlazoDeCaptura.objects.create(
        proceso=datos["proceso"],
        inicio=ahora - datetime.timedelta(days=1),
        fin=ahora + datetime.timedelta(days=9),
    )
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))

    assertContains(respuesta, "Tu captura está en estado «Enviado»")
    assertContains(respuesta, "El plazo de captura termina el")
    assertNotContains(respuesta, "o el plazo de captura está cerrado")


@pytest.mark.django_db
def test_el_bloqueo_por_plazo_cerrado_dice_cuando_cerro(client):
    datos = escenario()
    ahora = timezone.now()
    PlazoDeCaptura.objects.create(
        proceso=datos["proceso"],
        inicio=ahora - datetime.timedelta(days=9),
        fin=ahora - datetime.timedelta(days=1),
    )
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:identidad", args=[datos["proceso"].slug]))

    assertContains(respuesta, "El plazo de captura cerró el")
    assertNotContains(respuesta, "Tu captura está en estado")


@pytest.mark.django_db
def test_identidad_en_tu_y_sin_erratas(client):
    datos = escenario()
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:identidad", args=[datos["proceso"].slug]))

    assertContains(respuesta, "¿Tienes alguna discapacidad?")
    assertContains(respuesta, "¿Eres una persona migrante?")
    for errata in ("usted", "Usted", "pregunta anterior, El", "Caminar,subir", "¿Tiene alguna"):
        assertNotContains(respuesta, errata)


@pytest.mark.django_db
def test_el_curricular_sin_guiones_ni_erratas(client):
    datos = escenario()
    entrar(client, datos)

    respuesta = client.get(reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))

    assertContains(respuesta, "Elige una opción")
    assertContains(respuesta, "TikTok")
    for errata in ("---------", "fotografia", "Tik Tok"):
        assertNotContains(respuesta, errata)


@pytest.mark.django_db
def test_la_vista_previa_muestra_cada_pregunta_una_vez(client):
    from tests.cuestionarios.factories import respuestas_completas

    datos = escenario()
    entrar(client, datos)
    slug = datos["proceso"].slug
    contestadas = respuestas_completas()
    contestadas["p6"] = ["sensorial", "fisica"]
    contestadas["p6_sub_sensorial"] = ["sensorial_vision", "sensorial_audicion"]
    client.post(reverse("cuestionarios:identidad", args=[slug]), contestadas)

    previa = client.get(reverse("cuestionarios:vista_previa", args=[slug]))

    assertContains(previa, "6. En caso afirmativo, ¿de qué tipo?", count=1)
    assertContains(previa, "19. Tu fuente principal de ingresos es:", count=1)
