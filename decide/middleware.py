"""Encabezados de seguridad que Django 5.2 no pone por sí mismo (X3) y el contador de visitas (P11)."""

import logging

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


class ContadorDeVisitasMiddleware:
    """Cuenta las páginas vistas por sección (P11) sin tocar la base en cada petición.

    Va primero en MIDDLEWARE: así cuenta también las páginas que la caché pública sirve sin recorrer
    la cadena, y al volver la respuesta ya está resuelto el usuario (el personal no cuenta). Toda la lógica
    está en decide/visitas.py; aquí sólo se asegura que un fallo del contador nunca tumbe una página.
    """

    def __init__(self, get_response):
        from decide import visitas

        self.get_response = get_response
        self.visitas = visitas

    def __call__(self, request):
        respuesta = self.get_response(request)
        try:
            self.visitas.registrar(request, respuesta)
        except Exception:
            logging.getLogger("decide.visitas").warning("El contador de visitas falló.", exc_info=True)
        return respuesta
