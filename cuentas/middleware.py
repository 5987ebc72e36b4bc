"""El personal del IEEM debe tener activado el segundo factor (TOTP de allauth) para usar el admin."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class ExigirSegundoFactorEnAdmin:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        usuario = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and usuario is not None
            and usuario.is_authenticated
            and usuario.is_staff
            and not is_mfa_enabled(usuario, [Authenticator.Type.TOTP])
        ):
            messages.warning(
                request,
                _("Para entrar a la administración activa primero la verificación en dos pasos."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
