"""Mínimo privilegio en el admin de usuarios (issue 12): sólo un superusuario cambia privilegios y
nadie se los sube a sí mismo, ni con el formulario ni con un POST manipulado."""

import pytest
from django.contrib.auth.models import Group, Permission

from cuentas import roles
from tests.cuentas.factories import UsuarioFactory
from tests.cuentas.test_cuentas import personal_con_segundo_factor

GRUPOS_DEL_PERSONAL = [roles.GRUPO_PERSONAL, roles.GRUPO_ADMINISTRACION]


def _datos_del_formulario(usuario, **cambios):
    datos = {
        "username": usuario.username,
        "email": usuario.email,
        "first_name": "",
        "last_name": "",
        "is_active": "on",
        "is_staff": "on" if usuario.is_staff else "",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v != ""}


def _manipulaciones():
    permiso = Permission.objects.get(codename="delete_user")
    return {
        "is_superuser": {"is_superuser": "on"},
        "is_staff": {"is_staff": "on"},
        "groups": {"groups": [str(Group.objects.get(name=roles.GRUPO_ADMINISTRACION).pk)]},
        "user_permissions": {"user_permissions": [str(permiso.pk)]},
    }


def _privilegios(usuario):
    usuario.refresh_from_db()
    return (
        usuario.is_superuser,
        usuario.is_staff,
        set(usuario.groups.values_list("name", flat=True)),
        set(usuario.user_permissions.values_list("codename", flat=True)),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("grupo", GRUPOS_DEL_PERSONAL)
@pytest.mark.parametrize("campo", ["is_superuser", "is_staff", "groups", "user_permissions"])
@pytest.mark.parametrize("sobre", ["si_mismo", "otra_cuenta"])
def test_el_personal_no_cambia_privilegios_ni_con_un_post_manipulado(client, grupo, campo, sobre):
    yo = personal_con_segundo_factor(client, grupo)
    objetivo = yo if sobre == "si_mismo" else UsuarioFactory()
    antes = _privilegios(objetivo)
    url = f"/admin/auth/user/{objetivo.pk}/change/"

    respuesta = client.get(url)
    if respuesta.status_code == 200:
        # El formulario no ofrece el campo: se muestra, pero de sólo lectura.
        assert f'name="{campo}"' not in respuesta.content.decode()

    datos = _datos_del_formulario(objetivo, **_manipulaciones()[campo])
    respuesta = client.post(url, datos)

    assert respuesta.status_code in (200, 302, 403)
    assert _privilegios(objetivo) == antes


@pytest.mark.django_db
def test_administracion_no_edita_ni_cambia_la_clave_de_un_superusuario(client):
    personal_con_segundo_factor(client, roles.GRUPO_ADMINISTRACION)
    superusuario = UsuarioFactory(is_staff=True, is_superuser=True)

    assert (
        client.post(
            f"/admin/auth/user/{superusuario.pk}/change/", _datos_del_formulario(superusuario)
        ).status_code
        == 403
    )
    respuesta = client.post(
        f"/admin/auth/user/{superusuario.pk}/password/",
        {"password1": "Otra-Clave-Larga-9", "password2": "Otra-Clave-Larga-9", "usable_password": "true"},
    )
    assert respuesta.status_code == 403
    superusuario.refresh_from_db()
    assert superusuario.check_password("clave-segura-123")


@pytest.mark.django_db
def test_administracion_si_edita_datos_que_no_son_privilegios(client):
    personal_con_segundo_factor(client, roles.GRUPO_ADMINISTRACION)
    otra = UsuarioFactory()

    respuesta = client.post(
        f"/admin/auth/user/{otra.pk}/change/", _datos_del_formulario(otra, first_name="Ana")
    )

    assert respuesta.status_code == 302
    otra.refresh_from_db()
    assert otra.first_name == "Ana"


@pytest.mark.django_db
def test_un_superusuario_si_da_privilegios(client):
    yo = UsuarioFactory(is_staff=True, is_superuser=True)
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=yo, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(yo)
    otra = UsuarioFactory()

    respuesta = client.post(
        f"/admin/auth/user/{otra.pk}/change/",
        _datos_del_formulario(otra, is_staff="on", **_manipulaciones()["groups"]),
    )

    assert respuesta.status_code == 302
    assert _privilegios(otra)[1:3] == (True, {roles.GRUPO_ADMINISTRACION})
