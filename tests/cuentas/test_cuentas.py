"""Cuentas (C1): roles y permisos desde `cuentas/roles.py`, admin de cuentas e invitaciones, segundo
factor del personal y la regla de dependencias (`cuentas` no importa apps posteriores)."""

import ast
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from cuentas import roles
from cuentas.models import CuentaDeCaptura
from tests.candidaturas.factories import ActorPoliticoFactory, CandidaturaFactory
from tests.cuentas.factories import UsuarioFactory


def permisos_de(nombre):
    return set(Group.objects.get(name=nombre).permissions.values_list("content_type__app_label", "codename"))


def personal_con_segundo_factor(client, grupo=roles.GRUPO_PERSONAL):
    usuario = UsuarioFactory(is_staff=True)
    usuario.groups.add(Group.objects.get(name=grupo))
    Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(usuario)
    return usuario


# --- Roles ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_los_grupos_tienen_exactamente_los_permisos_de_roles():
    for nombre, pares in roles.PERMISOS_POR_GRUPO.items():
        assert permisos_de(nombre) == set(pares), nombre
    administracion = permisos_de(roles.GRUPO_ADMINISTRACION)
    esperados = set(
        Permission.objects.filter(content_type__app_label__in=roles.APPS_DE_ADMINISTRACION).values_list(
            "content_type__app_label", "codename"
        )
    ) | set(roles.PERMISOS_EXTRA_ADMINISTRACION)
    assert administracion == esperados
    assert ("cuentas", "add_cuentadecaptura") in administracion
    assert ("auth", "delete_user") not in administracion


@pytest.mark.django_db
def test_sincronizar_grupos_es_idempotente_y_repara_un_grupo_cambiado_a_mano():
    antes = {g.name: permisos_de(g.name) for g in Group.objects.all()}
    personal = Group.objects.get(name=roles.GRUPO_PERSONAL)
    personal.permissions.remove(Permission.objects.get(codename="publicar_cuestionario"))
    personal.permissions.add(Permission.objects.get(codename="delete_user"))

    roles.sincronizar_grupos(Group, Permission)
    roles.sincronizar_grupos(Group, Permission)

    assert {g.name: permisos_de(g.name) for g in Group.objects.all()} == antes


@pytest.mark.django_db
def test_los_permisos_de_cuentas_de_captura_son_de_la_app_cuentas():
    assert not ContentType.objects.filter(
        app_label="cuestionarios", model__in=["cuentadecaptura", "candidaturaparainvitar"]
    ).exists()
    usuario = UsuarioFactory(is_staff=True)
    usuario.groups.add(Group.objects.get(name=roles.GRUPO_PERSONAL))

    assert usuario.has_perm("cuentas.add_cuentadecaptura")
    assert usuario.has_perm("cuentas.view_candidaturaparainvitar")
    assert CuentaDeCaptura._meta.db_table == "cuestionarios_cuentadecaptura"


# --- Admin de cuentas --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_el_personal_crea_una_representacion_y_se_envia_la_invitacion(client):
    personal_con_segundo_factor(client)
    actor = ActorPoliticoFactory()
    url = reverse("admin:cuentas_nueva_representacion")

    assertContains(client.get(reverse("admin:cuentas_cuentadecaptura_changelist")), url)
    respuesta = client.post(url, {"actor": actor.pk, "correo": "rep@partido.mx", "nombre": "Rosa"})

    assertRedirects(respuesta, reverse("admin:cuentas_cuentadecaptura_changelist"))
    assert CuentaDeCaptura.objects.get().actor == actor
    assert mail.outbox[0].to == ["rep@partido.mx"]
    assert "/cuentas/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_un_correo_repetido_se_rechaza_y_conserva_lo_escrito(client):
    personal_con_segundo_factor(client)
    UsuarioFactory(email="rep@partido.mx")
    actor = ActorPoliticoFactory()

    respuesta = client.post(
        reverse("admin:cuentas_nueva_representacion"),
        {"actor": actor.pk, "correo": "rep@partido.mx", "nombre": "Rosa"},
    )

    assertContains(respuesta, "Ya existe una cuenta con ese correo.")
    assertContains(respuesta, 'value="Rosa"')
    assert not CuentaDeCaptura.objects.exists()


@pytest.mark.django_db
def test_crear_cuentas_desde_las_candidaturas_del_admin(client):
    personal_con_segundo_factor(client)
    candidatura = CandidaturaFactory()

    respuesta = client.post(
        reverse("admin:cuentas_candidaturaparainvitar_changelist"),
        {"action": "crear_cuentas_e_invitar", "_selected_action": [candidatura.pk]},
        follow=True,
    )

    assertContains(respuesta, "Se creó 1 cuenta y se envió su invitación.")
    assert CuentaDeCaptura.objects.get().persona == candidatura.persona
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_sin_permiso_de_invitar_no_se_abre_el_formulario_de_representacion(client):
    personal_con_segundo_factor(client, grupo=roles.GRUPO_CANDIDATURA)

    respuesta = client.get(reverse("admin:cuentas_nueva_representacion"))

    assert respuesta.status_code == 403


# --- Segundo factor del personal -----------------------------------------------------------------------


@pytest.mark.django_db
def test_personal_sin_segundo_factor_es_llevado_a_activarlo(client):
    client.force_login(UsuarioFactory(is_staff=True, is_superuser=True))

    respuesta = client.get("/admin/")

    assertRedirects(respuesta, reverse("mfa_activate_totp"), fetch_redirect_response=False)


# --- Dependencias entre apps ----------------------------------------------------------------------------

APPS_POSTERIORES = {"cuestionarios", "plataformas", "participacion", "conoceles", "decide"}


def test_cuentas_no_importa_apps_posteriores():
    raiz = Path(__file__).resolve().parents[2] / "cuentas"
    encontrados = []
    for archivo in raiz.rglob("*.py"):
        for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
            if isinstance(nodo, ast.Import):
                modulos = [alias.name for alias in nodo.names]
            elif isinstance(nodo, ast.ImportFrom):
                modulos = [nodo.module or ""]
            else:
                continue
            encontrados += [f"{archivo.name}: {m}" for m in modulos if m.split(".")[0] in APPS_POSTERIORES]
    assert encontrados == []
