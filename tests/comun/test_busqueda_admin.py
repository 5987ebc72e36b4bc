"""La búsqueda del admin no distingue acentos ni mayúsculas en ninguna lista (issue 13). Corre igual en
SQLite (función de Python) y en PostgreSQL (`unaccent`): `DATABASE_URL=postgres://… pytest …`."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from comun.admin import BusquedaSinAcentosMixin
from tests.candidaturas.factories import ActorPoliticoFactory, CandidaturaFactory
from tests.conoceles.factories_cuestionarios import enviar_curricular
from tests.cuentas.factories import UsuarioFactory
from tests.cuentas.test_cuentas import personal_con_segundo_factor
from tests.decide.factories import PreguntaFrecuenteFactory


def _lista(modelo):
    return reverse(f"admin:{modelo._meta.app_label}_{modelo._meta.model_name}_changelist")


def _entrar_como_superusuaria(client):
    usuario = UsuarioFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(usuario)


@pytest.fixture
def aurora(db):
    candidatura = CandidaturaFactory(
        persona__nombre="Aurora", persona__primer_apellido="Piña", persona__segundo_apellido="Ruiz"
    )
    CandidaturaFactory(
        persona__nombre="Berta", persona__primer_apellido="Gómez", persona__segundo_apellido="Ríos"
    )
    enviar_curricular(candidatura)
    return candidatura


def test_todo_admin_con_busqueda_la_hace_sin_acentos():
    sin_mixin = [
        modelo._meta.label
        for modelo, modelo_admin in admin.site._registry.items()
        if modelo_admin.search_fields and not isinstance(modelo_admin, BusquedaSinAcentosMixin)
    ]

    assert sin_mixin == []


@pytest.mark.django_db
@pytest.mark.parametrize("termino", ["Piña", "piña", "PIÑA", "pina", "Aurora Piña", "aurora PINA ruíz"])
@pytest.mark.parametrize("lista", ["candidatura", "persona", "cuestionariocurricular"])
def test_buscar_con_acentos_o_mayusculas_encuentra_a_la_persona(client, aurora, termino, lista):
    personal_con_segundo_factor(client, grupo="Administración")
    modelos = {
        "candidatura": aurora._meta.model,
        "persona": aurora.persona._meta.model,
        "cuestionariocurricular": aurora.persona.cuestionarios_curriculares.model,
    }

    respuesta = client.get(_lista(modelos[lista]), {"q": termino})

    assertContains(respuesta, "Aurora Piña Ruiz")
    assertNotContains(respuesta, "Berta Gómez Ríos")


@pytest.mark.django_db
def test_campos_sin_columna_normalizada_tambien_ignoran_acentos(client):
    _entrar_como_superusuaria(client)
    ActorPoliticoFactory(siglas="PAC", nombre="Partido Acción Ciudadana")
    ActorPoliticoFactory(siglas="PV", nombre="Partido Verde")
    PreguntaFrecuenteFactory(pregunta="¿Qué es la sección electoral?")
    PreguntaFrecuenteFactory(pregunta="¿Dónde voto?")

    actores = client.get(reverse("admin:candidaturas_actorpolitico_changelist"), {"q": "ACCION ciudadana"})
    preguntas = client.get(reverse("admin:decide_preguntafrecuente_changelist"), {"q": "Seccion ELECTORAL"})

    assertContains(actores, "Partido Acción Ciudadana")
    assertNotContains(actores, "Partido Verde")
    assertContains(preguntas, "¿Qué es la sección electoral?")
    assertNotContains(preguntas, "¿Dónde voto?")


@pytest.mark.django_db
def test_los_roles_se_buscan_sin_acentos(client):
    _entrar_como_superusuaria(client)

    respuesta = client.get(reverse("admin:auth_group_changelist"), {"q": "REVISION"})

    assertContains(respuesta, "Personal de captura y revisión")
    assertNotContains(respuesta, "Representación de partido")
