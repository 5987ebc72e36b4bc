from django.conf import settings

from decide.navegacion import con_proceso, entradas_disponibles


def portal(request):
    """Lo común a todas las páginas (menú y pie); no consulta la base de datos."""
    ruta = request.path
    menu = [
        {
            "url": url,
            "etiqueta": etiqueta,
            "descripcion": descripcion,
            "actual": ruta == url if url == "/" else ruta.startswith(url),
            "con_proceso": url in con_proceso(),
        }
        for url, etiqueta, descripcion in entradas_disponibles()
    ]
    return {
        "menu_principal": menu,
        "contacto_correo": settings.DECIDE_CONTACTO_CORREO,
        "contacto_telefono": settings.DECIDE_CONTACTO_TELEFONO,
    }
