"""Revisiones de `manage.py check --deploy` propias del portal."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCALES = {"127.0.0.1", "localhost", "[::1]", "::1", "0.0.0.0"}


@register(Tags.security, deploy=True)
def url_publica(app_configs, **kwargs):
    """Los enlaces de los correos deben llevar a la dirección pública, no a la máquina local."""
    partes = urlsplit(settings.DECIDE_URL_PUBLICA)
    if partes.scheme not in ("http", "https") or not partes.hostname or partes.hostname in LOCALES:
        return [
            Warning(
                f"DECIDE_URL_PUBLICA es {settings.DECIDE_URL_PUBLICA!r}: los enlaces de los correos "
                "(invitaciones, observaciones) no llevarían al portal.",
                hint="Define DECIDE_URL_PUBLICA con la dirección pública, p. ej. https://decide.ieem.org.mx",
                id="decide.W001",
            )
        ]
    if settings.HTTPS and partes.scheme != "https":
        return [
            Warning(
                "DECIDE_URL_PUBLICA usa http aunque el portal exige HTTPS.",
                hint="Usa https:// en DECIDE_URL_PUBLICA.",
                id="decide.W002",
            )
        ]
    return []
