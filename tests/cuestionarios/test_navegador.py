"""Recorrido completo en Chromium: invitación → contraseña → consentimiento → cuestionarios (con un
error que conserva lo escrito) → envío → validación del partido → observación → corrección →
publicación. axe en cada página, a 375 y 1280 px."""

import re

import pytest
from django.core import mail

from candidaturas.models import Candidatura
from cuentas import services as servicios_de_cuentas
from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular, Estado, RespuestaIdentidad
from tests.candidaturas.factories import CandidaturaFactory
from tests.cuentas.factories import CuentaDeActorFactory, UsuarioFactory
from tests.cuestionarios.factories import PROPUESTA, TEXTO_LARGO
from tests.navegador import ESCRITORIO, TELEFONO, afirmar_accesible, capturar

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


def revisar(pagina, nombre):
    """axe sin violaciones a 375 y a 1280 px, con captura de cada ancho."""
    for ancho, vista in (("telefono", TELEFONO), ("escritorio", ESCRITORIO)):
        pagina.set_viewport_size(vista)
        afirmar_accesible(pagina)
        capturar(pagina, f"captura-{nombre}-{ancho}")


def test_recorrido_de_captura_completo(pagina, settings):
    from django.contrib.auth.models import Permission

    settings.DECIDE_URL_BASE = pagina.url_base
    candidatura = CandidaturaFactory(persona__nombre="Ana", persona__primer_apellido="Pérez")
    cuenta = servicios_de_cuentas.crear_cuentas_de_personas(Candidatura.objects.all())["creadas"][0]
    servicios_de_cuentas.enviar_invitacion(cuenta)
    enlace = re.search(r"(http\S+/password/reset/key/\S+)", mail.outbox[-1].body).group(1)

    # Invitación → contraseña.
    pagina.goto(enlace)
    revisar(pagina, "contrasena")
    pagina.fill("#id_password1", "Una-clave-larga-2027")
    pagina.fill("#id_password2", "Una-clave-larga-2027")
    pagina.click("text=Guardar contraseña")
    pagina.wait_for_url("**/captura/")
    revisar(pagina, "tablero")

    # Aviso y consentimiento.
    pagina.click("text=Aviso de privacidad y autorizaciones")
    revisar(pagina, "aviso")
    pagina.check("#id_tratamiento")
    pagina.check("#id_publicacion")
    pagina.click("text=Guardar mis autorizaciones")
    pagina.wait_for_url("**/captura/")

    # Curricular con un error deliberado: lo escrito no se pierde.
    pagina.click("text=Cuestionario curricular y fotografía")
    pagina.fill("#id_historia_profesional", TEXTO_LARGO)
    pagina.fill("#id_facebook", "https://ejemplo.com/ana")
    pagina.click("text=Guardar borrador")
    assert pagina.locator("#id_historia_profesional").input_value() == TEXTO_LARGO
    assert pagina.locator("text=Esta dirección no es de Facebook").count() == 1
    revisar(pagina, "curricular-error")
    pagina.fill("#id_facebook", "https://www.facebook.com/ana")
    pagina.select_option("#id_grado_estudios", "licenciatura")
    pagina.select_option("#id_estatus_estudios", "titulo")
    for campo in ("trayectoria_politica", "por_que_quiero_el_cargo"):
        pagina.fill(f"#id_{campo}", TEXTO_LARGO)
    for campo in ("propuesta_1", "propuesta_2", "propuesta_genero"):
        pagina.fill(f"#id_{campo}", PROPUESTA)
    assert "de 1,600 caracteres" in pagina.locator("#id_propuesta_1_contador").inner_text()
    pagina.click("text=Guardar borrador")
    revisar(pagina, "curricular")

    # Identidad: las condicionadas se ocultan con JavaScript hasta que aplican.
    pagina.goto(pagina.url_base + f"/captura/{candidatura.eleccion.proceso.slug}/identidad/")
    assert pagina.locator('[data-campo="p5"]').is_hidden()
    for numero in (1, 2, 8, 9, 11, 16, 17, 18, 19, 20):
        pagina.locator(f'input[name="p{numero}"][value="prefiero_no_contestar"]').check()
    pagina.locator('input[name="p3"][value="no_aplica"]').check()
    pagina.locator('input[name="p4"][value="si"]').check()
    assert pagina.locator('[data-campo="p5"]').is_visible()
    pagina.locator('input[name="p5"][value="permanente"]').check()
    pagina.locator('input[name="p6"][value="sensorial"]').check()
    pagina.locator('input[name="p6_sub_sensorial"][value="sensorial_vision"]').check()
    pagina.locator('input[name="p7"][value="ver"]').check()
    revisar(pagina, "identidad")
    pagina.click("text=Guardar y ver vista previa")
    pagina.wait_for_url("**/vista-previa/")
    revisar(pagina, "vista-previa")
    pagina.click("text=Enviar mi captura")
    pagina.wait_for_url("**/captura/")

    # Partido valida, el IEEM observa.
    cuestionario = CuestionarioCurricular.objects.get()
    partido = CuentaDeActorFactory(actor=candidatura.actor).usuario
    services.mover(cuestionario=cuestionario, movimiento="validar", usuario=partido)
    revisor = UsuarioFactory(is_staff=True)
    revisor.user_permissions.add(
        *Permission.objects.filter(codename__in=["revisar_cuestionario", "publicar_cuestionario"])
    )
    services.mover(cuestionario=cuestionario, movimiento="revisar", usuario=revisor)
    services.hacer_observaciones(
        cuestionario=cuestionario,
        usuario=revisor,
        observaciones=[{"parte": "propuestas", "supuesto": "lemas", "texto": "Quita el lema."}],
    )

    # La persona ve la observación, corrige y reenvía.
    pagina.goto(pagina.url_base + "/captura/")
    assert pagina.locator("text=Quita el lema.").count() == 1
    revisar(pagina, "tablero-observaciones")
    pagina.click("text=Cuestionario curricular y fotografía")
    pagina.fill("#id_propuesta_1", PROPUESTA.replace("becas", "apoyos"))
    pagina.click("text=Guardar y ver vista previa")
    pagina.wait_for_url("**/vista-previa/")
    pagina.click("text=Enviar correcciones")
    pagina.wait_for_url("**/captura/")

    cuestionario.refresh_from_db()
    assert cuestionario.estado == Estado.CORREGIDO
    services.mover(cuestionario=cuestionario, movimiento="revisar", usuario=revisor)
    services.mover(cuestionario=cuestionario, movimiento="publicar", usuario=revisor)
    publicado = CuestionarioCurricular.objects.publicados().get()
    assert "apoyos" in publicado.propuesta_1
    assert RespuestaIdentidad.objects.publicables().filter(pregunta__numero=4).exists()
