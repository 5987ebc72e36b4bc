"""El personal del IEEM (`is_staff`) debe tener activado el segundo factor (TOTP de allauth) para
usar cualquier vista del portal, no sólo el admin: los reportes de partido, la revisión de captura y
cualquier vista futura quedan cubiertos sin tener que acordarse de marcarlas (issue 12).

Quedan libres sólo las páginas de la cuenta (`/cuentas/`: entrar, salir, activar el TOTP), los
archivos estáticos y `/salud/`."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

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
            return redirect("mfa_activate_totp")
        return self.get_response(request)
