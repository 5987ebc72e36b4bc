"""Datos abiertos de Conóceles: descargas del proceso completo y diccionario de datos (C11)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from comun.exportar import respuesta_csv, respuesta_xlsx
from conoceles import datos as abiertos


def _proceso(request):
    proceso, _abiertos = proceso_de_la_peticion(request)
    if proceso is None:
        raise Http404(_("Todavía no hay un proceso electoral registrado."))
    return proceso


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _nombre(proceso, extension, hoja=""):
    """El nombre del archivo lleva el momento del corte: los datos son los de ese instante."""
    corte = timezone.localtime().strftime("%Y%m%d-%H%M")
    return f"conoceles-{proceso.slug}{'-' + hoja if hoja else ''}-{corte}.{extension}"


@require_GET
@pagina_publica_en_cache()
def datos(request):
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {"proceso": proceso, "procesos_abiertos": procesos_abiertos}
    if proceso is not None:
        preguntas = abiertos.catalogo_de_identidad()
        contexto.update(
            {
                "columnas_curriculares": abiertos.columnas_curriculares(),
                "columnas_de_identidad": abiertos.columnas_de_identidad(preguntas),
                "estados": list(abiertos.ESTADOS.items()),
                "licencia": abiertos.LICENCIA,
                "cita": abiertos.cita(proceso, url=request.build_absolute_uri(request.path)),
                "separador": abiertos.SEPARADOR.strip(),
                "ultima_publicacion": abiertos.ultima_publicacion(proceso),
                "generada": timezone.now(),
            }
        )
    return render(request, "conoceles/datos.html", contexto)


@require_GET
def datos_xlsx(request):
    """Un libro con las hojas «curricular», «identidad» y «diccionario» (con la licencia y la cita en
    sus metadatos y en las propiedades del archivo), escrito en modo de sólo escritura."""
    proceso = _proceso(request)
    return respuesta_xlsx(_nombre(proceso, "xlsx"), abiertos.hojas(proceso, base_url=_base_url(request)))


@require_GET
def datos_csv(request, hoja):
    """Cada hoja como CSV transmitido fila por fila, y el diccionario de datos."""
    proceso = _proceso(request)
    base_url = _base_url(request)
    if hoja == "curricular":
        encabezados = [c.nombre for c in abiertos.columnas_curriculares()]
        filas = abiertos.filas_curriculares(proceso, base_url=base_url)
    elif hoja == "identidad":
        preguntas = abiertos.catalogo_de_identidad()
        encabezados = [c.nombre for c in abiertos.columnas_de_identidad(preguntas)]
        filas = abiertos.filas_de_identidad(proceso, preguntas, base_url=base_url)
    elif hoja == "diccionario":
        encabezados = abiertos.ENCABEZADOS_DEL_DICCIONARIO
        filas = abiertos.filas_del_diccionario(abiertos.catalogo_de_identidad())
    else:
        raise Http404(_("Sólo se pueden descargar las hojas «curricular» e «identidad» y el diccionario."))
    return respuesta_csv(_nombre(proceso, "csv", hoja), encabezados, filas)
