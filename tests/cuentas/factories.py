"""Fábricas de cuentas: usuarios, cuentas de personas candidatas y de representaciones de partido."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from cuentas.models import CuentaDeCaptura
from cuentas.roles import GRUPO_CANDIDATURA, GRUPO_REPRESENTACION
from tests.candidaturas.factories import ActorPoliticoFactory, PersonaFactory


class UsuarioFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"usuario{n}")
    email = factory.Sequence(lambda n: f"usuario{n}@ejemplo.mx")
    password = factory.LazyFunction(lambda: _clave_cifrada())


CLAVE = "clave-segura-123"
_CIFRADA = []


def _clave_cifrada():
    """Se cifra una sola vez: el hasher lento multiplicaría el tiempo de la suite."""
    if not _CIFRADA:
        from django.contrib.auth.hashers import make_password

        _CIFRADA.append(make_password(CLAVE))
    return _CIFRADA[0]


def _agregar_grupo(usuario, nombre):
    usuario.groups.add(Group.objects.get(name=nombre))


class CuentaDePersonaFactory(DjangoModelFactory):
    class Meta:
        model = CuentaDeCaptura
        skip_postgeneration_save = True

    usuario = factory.SubFactory(UsuarioFactory)
    persona = factory.SubFactory(PersonaFactory)
    actor = None

    @factory.post_generation
    def grupo(obj, create, extracted, **kwargs):
        _agregar_grupo(obj.usuario, GRUPO_CANDIDATURA)


class CuentaDeActorFactory(DjangoModelFactory):
    class Meta:
        model = CuentaDeCaptura
        skip_postgeneration_save = True

    usuario = factory.SubFactory(UsuarioFactory)
    persona = None
    actor = factory.SubFactory(ActorPoliticoFactory)

    @factory.post_generation
    def grupo(obj, create, extracted, **kwargs):
        _agregar_grupo(obj.usuario, GRUPO_REPRESENTACION)
