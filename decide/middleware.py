"""Encabezados de seguridad que Django 5.2 no pone por sí mismo (X3)."""

# Todo lo sirve el propio portal: sin CDN, sin scripts en línea. El admin de Django usa estilos en
# línea en algunos widgets, por eso sólo ahí se permiten estilos en línea.
POLITICA_PUBLICA = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
POLITICA_ADMIN = POLITICA_PUBLICA.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class EncabezadosDeSeguridadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respuesta = self.get_response(request)
        politica = POLITICA_ADMIN if request.path.startswith("/admin/") else POLITICA_PUBLICA
        respuesta.headers.setdefault("Content-Security-Policy", politica)
        respuesta.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return respuesta
