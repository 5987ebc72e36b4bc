"""El personal del IEEM (`is_staff`) debe tener activado el segundo factor (TOTP de allauth) para
usar cualquier vista del portal, no sólo el admin: los reportes de partido, la revisión de captura y
cualquier vista futura quedan cubiertos sin tener que acordarse de marcarlas (issue 12).

Quedan libres sólo las páginas de la cuenta (`/cuentas/`: entrar, salir, activar el TOTP), los
archivos estáticos y `/salud/`."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

CLAVE_SIGUIENTE = "cuentas_siguiente"
"""En la sesión: a dónde iba la persona cuando la mandamos a activar el segundo factor."""

RUTAS_LIBRES = ("/cuentas/", "/static/", "/media/", "/salud/", "/favicon.ico", "/robots.txt")


def necesita_segundo_factor(usuario) -> bool:
    return (
        usuario is not None
        and usuario.is_authenticated
        and usuario.is_staff
        and not is_mfa_enabled(usuario, [Authenticator.Type.TOTP])
    )


class ExigirSegundoFactorAlPersonal:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(RUTAS_LIBRES) and necesita_segundo_factor(
            getattr(request, "user", None)
        ):
            messages.warning(
                request,
                _("Para usar las herramientas del personal activa primero la verificación en dos pasos."),
            )
            if request.method == "GET":
                request.session[CLAVE_SIGUIENTE] = request.get_full_path()
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def siguiente_paso(request) -> str:
    """A dónde seguir al terminar en las páginas de la cuenta (activar el segundo factor, ver los
    códigos de recuperación): el `next` de la dirección, o lo que la persona pidió cuando la mandamos
    a activarlo, o su página de inicio (el admin para el personal, su captura para las demás)."""
    for url in (request.GET.get("next"), request.session.get(CLAVE_SIGUIENTE)):
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
    if request.user.is_authenticated and request.user.is_staff:
        return reverse("admin:index")
    return settings.LOGIN_REDIRECT_URL
