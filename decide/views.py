import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from candidaturas.models import Eleccion, SeccionElectoral
from candidaturas.procesos import otros_procesos_en_la_seccion, proceso_de_la_peticion
from comun.cache_publica import CONTENIDO, pagina_publica_en_cache
from comun.exportar import respuesta_csv
from decide import contenido, visitas
from decide.forms import ConsultaSeccionForm
from decide.salud import revisar as revisar_salud
from participacion.estadisticas import resumen_participacion


@require_safe
@pagina_publica_en_cache(alcances=("proceso", CONTENIDO))
def inicio(request):
    """Portada (P1): el proceso en curso, la caja de Mi sección, Conóceles y las secciones."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {
        "form_seccion": ConsultaSeccionForm(),
        "proceso": proceso,
        "procesos_abiertos": procesos_abiertos,
    }
    return render(request, "decide/inicio.html", contexto)


UBICADOR_DE_CASILLAS = "https://ubicatucasilla.ine.mx/"
"""El ubicador oficial del INE: dice dónde se instala cada casilla el día de la jornada."""


@require_safe
@pagina_publica_en_cache(parametros=("proceso", "seccion"), alcances=("proceso",))
def mi_seccion(request):
    """Sección de la credencial → municipio, distritos y lo que se elige ahí (P8).

    Sin parámetro muestra el formulario (200). Una entrada que no es un número de sección
    responde 400 y una sección que no existe 404, ambas con el mensaje en la misma página.
    """
    form = ConsultaSeccionForm(request.GET if "seccion" in request.GET else None)
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {
        "form": form,
        "seccion": None,
        "numero_buscado": None,
        "proceso": proceso,
        "procesos_abiertos": procesos_abiertos,
        "contiendas": [],
        "ubicador_de_casillas": UBICADOR_DE_CASILLAS,
    }
    estado = 200
    if form.is_bound:
        if form.is_valid():
            numero = form.cleaned_data["seccion"]
            contexto["numero_buscado"] = numero
            contexto["seccion"] = SeccionElectoral.objects.para_consulta().filter(numero=numero).first()
            if contexto["seccion"] is None:
                estado = 404
            elif proceso is not None:
                # Lo que trae la boleta de esta sección en el proceso, con quien encabeza cada opción.
                contexto["contiendas"] = list(
                    Eleccion.objects.filter(proceso=proceso)
                    .en_la_boleta(contexto["seccion"])
                    .con_ambito()
                    .con_encabezados()
                    .en_orden_de_boleta()
                )
                contexto["otros_procesos"] = otros_procesos_en_la_seccion(
                    contexto["seccion"], proceso, procesos_abiertos
                )
        else:
            estado = 400
    return render(request, "decide/mi_seccion.html", contexto, status=estado)


@require_safe
def aviso_de_privacidad(request):
    return render(request, "decide/aviso_de_privacidad.html")


@require_safe
@pagina_publica_en_cache()
def accesibilidad(request):
    """Declaración de accesibilidad: objetivo, cómo se prueba, limitaciones y cómo reportar."""
    return render(request, "decide/accesibilidad.html")


@require_safe
def robots(request):
    """Deja indexar lo público y señala el sitemap; no las áreas con cuenta, el admin ni la API."""
    lineas = [
        "User-agent: *",
        *(f"Disallow: {ruta}" for ruta in ("/captura/", "/cuentas/", "/admin/", "/api/", "/participacion/")),
        "",
        "Sitemap: " + request.build_absolute_uri(reverse("sitemap")),
        "",
    ]
    respuesta = HttpResponse("\n".join(lineas), content_type="text/plain; charset=utf-8")
    patch_cache_control(respuesta, public=True, max_age=3600)
    return respuesta


@never_cache
@require_safe
def salud(request):
    """Para el balanceador y quien opera: el estado de cada dependencia en JSON (decide/salud.py).
    200 si la base contesta («ok» o «degradado» si fallan la caché o la cola); 503 si no."""
    estado, informe = revisar_salud()
    cuerpo = json.dumps(informe, ensure_ascii=False, indent=2) + "\n"
    return HttpResponse(cuerpo, status=estado, content_type="application/json; charset=utf-8")


# --- Páginas de error ---------------------------------------------------------------------------


PREFIJOS_PRIVADOS = ("/captura/", "/cuentas/", "/admin/", "/participacion/reportes/")
"""Bajo estas rutas una página de error depende de quién la pide: nunca se guarda en una caché."""


def _error(request, plantilla, estado, contexto=None):
    respuesta = render(request, plantilla, contexto, status=estado)
    if estado == 403 or request.path.startswith(PREFIJOS_PRIVADOS):
        add_never_cache_headers(respuesta)
    return respuesta


def solicitud_incorrecta(request, exception=None):
    return _error(request, "400.html", 400)


def prohibido(request, exception=None):
    """403. A quien tiene sesión se le dice que su cuenta no tiene acceso (nunca «inicia sesión») y el
    motivo, si la vista lo dio (p. ej. «Este cuestionario no se puede editar…»)."""
    motivo = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    return _error(request, "403.html", 403, {"motivo": motivo})


def no_encontrada(request, exception=None):
    return _error(request, "404.html", 404)


def error_del_servidor(request):
    # Sin contexto de la petición: si la falla vino de la base de datos, la plantilla no debe
    # volver a consultarla.
    return _error(request, "500.html", 500)


# --- Contenido del portal (P2, P3, P9, P10) y visitas (P11) -------------------------------------


@require_safe
@pagina_publica_en_cache(alcances=("proceso", CONTENIDO))
def atribuciones(request):
    """Qué hace cada cargo que se elige en el proceso (P2). Un proceso extraordinario de
    ayuntamiento muestra sólo presidencia, sindicatura y regidurías."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {
        "proceso": proceso,
        "procesos_abiertos": procesos_abiertos,
        "grupos": contenido.atribuciones_por_organo(proceso),
    }
    return render(request, "decide/atribuciones.html", contexto)


@require_safe
@pagina_publica_en_cache(parametros=("proceso", "q"), alcances=(CONTENIDO,))
def quita_dudas(request):
    """Quita Dudas Electoral (P3): preguntas por categoría y búsqueda sin acentos ni mayúsculas."""
    form = contenido.BusquedaPreguntasForm(request.GET or None)
    busqueda = ""
    estado = 200
    if form.is_bound:
        if form.is_valid():
            busqueda = form.cleaned_data["q"]
        else:
            estado = 400
    categorias = contenido.preguntas_por_categoria(busqueda) if estado == 200 else []
    contexto = {
        "form": form,
        "busqueda": busqueda,
        "categorias": categorias,
        "encontradas": sum(len(preguntas) for _, _, preguntas in categorias),
    }
    return render(request, "decide/quita_dudas.html", contexto, status=estado)


@require_safe
@pagina_publica_en_cache(alcances=(CONTENIDO,))
def recursos(request):
    """Videos e infografías (P9): ningún reproductor de terceros se carga sin un clic."""
    return render(request, "decide/recursos.html", contenido.recursos_por_tipo())


@require_safe
@pagina_publica_en_cache(alcances=(CONTENIDO,))
def enlaces(request):
    """Accesos directos a sitios de interés (P10), agrupados."""
    return render(request, "decide/enlaces.html", {"grupos": contenido.enlaces_por_grupo()})


@require_safe
@pagina_publica_en_cache(segundos=60, alcances=("proceso",))
def estadisticas(request):
    """Visitas al portal (P11). La participación (P16) se agrega a este mismo contexto y se pinta
    debajo, en su propia parcial (ver docs/visitas.md)."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {
        "visitas": visitas.resumen_de_visitas(),
        "proceso": proceso,
        "procesos_abiertos": procesos_abiertos,
        "graficas_participacion": resumen_participacion(proceso) if proceso else [],
    }
    return render(request, "decide/estadisticas.html", contexto)


@require_safe
def estadisticas_visitas_csv(request):
    encabezados = [
        gettext("fecha"),
        gettext("clave del área"),
        gettext("área del portal"),
        gettext("páginas vistas"),
    ]
    return respuesta_csv("decide-ieem-visitas-por-dia.csv", encabezados, visitas.filas_csv())
