from allauth.mfa import apps as apps_de_mfa
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CuentasConfig(AppConfig):
    default = True
    name = "cuentas"
    verbose_name = _("Cuentas y roles")


class SegundoFactorConfig(apps_de_mfa.MFAConfig):
    """`allauth.mfa` con nombres en español para el admin: allauth la llama «MFA» y a su modelo
    «Authenticator» (sin `verbose_name`, así que ningún catálogo lo traduce). Se instala en lugar de
    `allauth.mfa` (decide/settings.py). Los nombres del modelo se ponen en `_meta` y no en su `Meta`:
    las migraciones sólo leen lo declarado en `Meta` (`original_attrs`), así que no cambian."""

    default = False
    verbose_name = _("Verificación en dos pasos")

    def ready(self):
        super().ready()
        from allauth.mfa.models import Authenticator

        Authenticator._meta.verbose_name = _("método de verificación")
        Authenticator._meta.verbose_name_plural = _("métodos de verificación")
