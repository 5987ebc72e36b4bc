"""Ajustes de django-allauth: las cuentas las crea el IEEM; no hay registro público."""

from allauth.account.adapter import DefaultAccountAdapter


class AdaptadorDeCuentas(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False
