"""Ajustes de django-allauth: las cuentas las crea el IEEM; no hay registro público."""

from allauth.account.adapter import DefaultAccountAdapter


class AdaptadorDeCuentas(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Las contraseñas fallidas se cuentan por IP + correo, no sólo por correo: quien adivina
        desde otro lugar agota su propio cupo y no bloquea a la persona dueña de la cuenta (el último
        día de captura, por ejemplo). Ver «Límites de acceso» en docs/decisiones.md."""
        return (
            f"{self.get_client_ip(request)}:{super()._get_login_attempts_cache_key(request, **credentials)}"
        )
