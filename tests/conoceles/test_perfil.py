import datetime
import json
import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura
from tests.candidaturas.factories import (
    CandidaturaFactory,
    EleccionFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.conoceles.factories import publicar, responder_identidad


@pytest.fixture
def candidatura(db):
    proceso = ProcesoElectoralFactory(predeterminado=True, fecha_jornada=datetime.date(2027, 6, 6))
    persona = PersonaFactory(
        nombre="Ana",
        primer_apellido="Pérez",
        segundo_apellido="Ruiz",
        fecha_nacimiento=datetime.date(1980, 1, 1),
    )
    return CandidaturaFactory(persona=persona, eleccion=EleccionFactory(proceso=proceso))


def url(candidatura):
    return reverse("conoceles:perfil", args=[candidatura.pk])


def test_muestra_nombre_cargo_actor_y_edad(client, candidatura):
    respuesta = client.get(url(candidatura))

    assert respuesta.status_code == 200
    assertContains(respuesta, '<h1 id="nombre-persona">Ana Pérez Ruiz</h1>', html=False)
    assertContains(respuesta, candidatura.actor.nombre)
    assertContains(respuesta, "47 años")
    assertContains(respuesta, "es responsabilidad de la candidatura")


def test_sin_cuestionario_publicado_cada_parte_dice_que_no_hay_informacion(client, candidatura):
    respuesta = client.get(url(candidatura))

    assertContains(respuesta, "La candidatura no proporcionó información.", count=6)
    assertContains(respuesta, "Sin información capturada")


def test_un_cuestionario_sin_publicar_no_se_muestra(client, candidatura):
    from tests.cuestionarios.factories import CuestionarioCurricularFactory

    CuestionarioCurricularFactory(
        persona=candidatura.persona,
        proceso=candidatura.eleccion.proceso,
        propuesta_1="Propuesta secreta en borrador",
    )

    respuesta = client.get(url(candidatura))

    assertNotContains(respuesta, "Propuesta secreta en borrador")


def test_el_cuestionario_publicado_se_muestra_con_su_fecha(client, candidatura):
    publicar(
        candidatura,
        propuesta_1="Agua potable para todas las colonias",
        facebook="https://facebook.com/anaperez",
        telefono_publico="722 123 4567",
        publicado_en=datetime.datetime(2027, 5, 2, 12, tzinfo=datetime.UTC),
    )

    respuesta = client.get(url(candidatura))

    assertContains(respuesta, "Agua potable para todas las colonias")
    assertContains(respuesta, 'href="https://facebook.com/anaperez"')
    assertContains(respuesta, 'href="tel:7221234567"')
    assertContains(respuesta, "Actualizado el 2 de mayo de 2027")
    assertContains(respuesta, "Información publicada")


def test_las_respuestas_de_identidad_solo_se_ven_con_autorizacion(client, candidatura):
    publicar(candidatura)
    consentimiento = responder_identidad(candidatura, publicacion=True)

    con_autorizacion = client.get(url(candidatura))
    consentimiento.autoriza_publicacion = False
    consentimiento.save()
    from comun.cache_publica import invalidar_paginas_publicas

    invalidar_paginas_publicas()
    sin_autorizacion = client.get(url(candidatura))

    assertContains(con_autorizacion, "Cuestionario de identidad")
    assertNotContains(con_autorizacion, "no autorizó publicarla")
    assertContains(sin_autorizacion, "La candidatura no proporcionó información o no autorizó publicarla.")


def test_muestra_el_registro_por_accion_afirmativa(client, candidatura):
    candidatura.accion_afirmativa = Candidatura.AccionAfirmativa.INDIGENA
    candidatura.save()

    respuesta = client.get(url(candidatura))

    assertContains(respuesta, "Registro por acción afirmativa")
    assertContains(respuesta, "Persona indígena")


def test_enlaza_a_su_suplente(client, candidatura):
    suplente = CandidaturaFactory(
        eleccion=candidatura.eleccion, actor=candidatura.actor, calidad=Candidatura.Calidad.SUPLENTE
    )

    respuesta = client.get(url(candidatura))

    assertContains(respuesta, f'href="{url(suplente)}"')


def test_una_candidatura_inexistente_da_404(client, db):
    respuesta = client.get(reverse("conoceles:perfil", args=[999999]))

    assert respuesta.status_code == 404


def test_una_candidatura_sustituida_avisa_y_enlaza_a_quien_la_sustituye(client, candidatura):
    publicar(candidatura, propuesta_1="Propuesta de quien ya no compite")
    candidatura.estado = Candidatura.Estado.SUSTITUIDA
    candidatura.fecha_cambio = datetime.date(2027, 5, 10)
    candidatura.save()
    nueva = CandidaturaFactory(eleccion=candidatura.eleccion, actor=candidatura.actor, sustituye=candidatura)

    respuesta = client.get(url(candidatura))

    assertContains(respuesta, "fue sustituida")
    assertContains(respuesta, f'href="{url(nueva)}"')
    assertNotContains(respuesta, "Propuesta de quien ya no compite")


def test_lleva_datos_estructurados_y_opengraph(client, candidatura):
    publicar(candidatura, pagina_web="https://anaperez.mx")

    respuesta = client.get(url(candidatura))

    bloque = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', respuesta.content.decode(), re.S
    )
    datos = json.loads(bloque.group(1))
    assert datos["@type"] == "Person"
    assert datos["name"] == "Ana Pérez Ruiz"
    assert datos["sameAs"] == ["https://anaperez.mx"]
    assertContains(respuesta, '<meta property="og:title"', html=False)
    assertContains(respuesta, "impresion", html=False)


def test_el_texto_de_la_candidatura_se_muestra_escapado(client, candidatura):
    publicar(candidatura, propuesta_1="<script>alert('x')</script> y </script> en medio")

    respuesta = client.get(url(candidatura))

    assertNotContains(respuesta, "<script>alert('x')</script>")
    assertContains(respuesta, "&lt;script&gt;")


def test_el_perfil_hace_un_numero_fijo_de_consultas(client, candidatura, django_assert_num_queries):
    publicar(candidatura)
    responder_identidad(candidatura)

    # candidatura, su cuestionario (de él sale el estado de captura), su pareja junto con sus otras
    # candidaturas, respuestas de identidad; participación: ajuste del proceso, conteos y comentarios
    with django_assert_num_queries(7):
        client.get(url(candidatura))
