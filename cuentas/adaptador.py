"""Ajustes de django-allauth: las cuentas las crea el IEEM; no hay registro público."""

import time

from allauth.account import app_settings as ajustes_de_cuentas
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context

# Formas de entrar que cuentan como «acaba de confirmar que es ella»: contraseña o segundo factor.
METODOS_QUE_CONFIRMAN = {"password", "mfa"}


def acaba_de_entrar(request) -> bool:
    """¿La persona entró con su contraseña (o su código) hace menos de
    `ACCOUNT_REAUTHENTICATION_TIMEOUT` segundos en esta sesión?"""
    if request is None or not request.user.is_authenticated:
        return False
    entradas = [
        r
        for r in get_authentication_records(request, request.user)
        if r.get("method") in METODOS_QUE_CONFIRMAN and "at" in r
    ]
    return bool(entradas) and time.time() - entradas[-1]["at"] < ajustes_de_cuentas.REAUTHENTICATION_TIMEOUT


class AdaptadorDeCuentas(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """allauth pide la contraseña otra vez para activar o desactivar el segundo factor aunque la
        persona la haya escrito hace segundos: sólo cuenta una «reautenticación», no el inicio de
        sesión. Al personal se le manda a activar el TOTP justo al entrar (`cuentas.middleware`), así
        que se le pedía la contraseña dos veces seguidas. Aquí, haber entrado con contraseña o código
        dentro del mismo plazo vale como haberla confirmado; pasado el plazo se pide de nuevo."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        return not acaba_de_entrar(context.request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Las contraseñas fallidas se cuentan por IP + correo, no sólo por correo: quien adivina
        desde otro lugar agota su propio cupo y no bloquea a la persona dueña de la cuenta (el último
        día de captura, por ejemplo). Ver «Límites de acceso» en docs/decisiones.md."""
        return (
            f"{self.get_client_ip(request)}:{super()._get_login_attempts_cache_key(request, **credentials)}"
        )
