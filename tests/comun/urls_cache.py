"""Vistas de prueba para la caché de páginas públicas (sólo las usan tests/comun/test_cache_publica.py)."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import include, path

from comun.cache_publica import pagina_publica_en_cache

CONSTRUCCIONES = []


@pagina_publica_en_cache(parametros=("q",), alcances=("cosa:{pk}",))
def cosa(request, pk):
    CONSTRUCCIONES.append(pk)
    return HttpResponse(f"cosa {pk} q={request.GET.get('q', '')}")


@pagina_publica_en_cache()
def con_token(request):
    """Pinta un token CSRF: CsrfViewMiddleware pondrá la cookie al salir."""
    return HttpResponse(f"token {get_token(request)}")


urlpatterns = [
    path("cosa/<int:pk>/", cosa),
    path("token/", con_token),
    path("", include("decide.urls")),
]
