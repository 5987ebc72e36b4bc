from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from candidaturas.cache_publica import pagina_publica_en_cache
from candidaturas.models import Seccion
from decide.forms import ConsultaSeccionForm


@require_GET
def inicio(request):
    return render(request, "decide/inicio.html", {"form_seccion": ConsultaSeccionForm()})


@require_GET
@pagina_publica_en_cache()
def mi_seccion(request):
    """Sección de la credencial → municipio, distritos y lo que se elige ahí (P8).

    Sin parámetro muestra el formulario (200). Una entrada que no es un número de sección
    responde 400 y una sección que no existe 404, ambas con el mensaje en la misma página.
    """
    form = ConsultaSeccionForm(request.GET if "seccion" in request.GET else None)
    contexto = {"form": form, "seccion": None, "numero_buscado": None}
    estado = 200
    if form.is_bound:
        if form.is_valid():
            numero = form.cleaned_data["seccion"]
            contexto["numero_buscado"] = numero
            contexto["seccion"] = Seccion.objects.para_consulta().filter(numero=numero).first()
            if contexto["seccion"] is None:
                estado = 404
        else:
            estado = 400
    return render(request, "decide/mi_seccion.html", contexto, status=estado)


@require_GET
def aviso_de_privacidad(request):
    return render(request, "decide/aviso_de_privacidad.html")


@never_cache
@require_GET
def salud(request):
    """Para el balanceador: responde 200 si la base de datos contesta."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


# --- Páginas de error ---------------------------------------------------------------------------


def _error(request, plantilla, estado):
    return render(request, plantilla, status=estado)


def solicitud_incorrecta(request, exception=None):
    return _error(request, "400.html", 400)


def prohibido(request, exception=None):
    return _error(request, "403.html", 403)


def no_encontrada(request, exception=None):
    return _error(request, "404.html", 404)


def error_del_servidor(request):
    # Sin contexto de la petición: si la falla vino de la base de datos, la plantilla no debe
    # volver a consultarla.
    return _error(request, "500.html", 500)
