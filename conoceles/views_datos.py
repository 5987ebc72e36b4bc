"""Datos abiertos de Conóceles: la página de descargas y diccionario (C11) y las descargas.

Los archivos no se generan aquí: los construye la tarea `conoceles.tareas.generar_datos_abiertos`
una vez por cambio, y estas vistas sólo sirven el archivo ya escrito, como un estático: con `ETag`
(su SHA-256), `Last-Modified`, respuestas 304 y `Cache-Control` público, para que el proxy o la CDN
lo guarden (docs/deploy.md). Si todavía no existe, 503 con Retry-After y un mensaje claro.
"""

from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from conoceles import datos as abiertos
from conoceles import tareas
from conoceles.models import CorteDeDatosAbiertos

SEGUNDOS_EN_CACHE = 60
"""Cuánto guardan una descarga el navegador y el proxy antes de revalidarla con su ETag."""
SEGUNDOS_PARA_REINTENTAR = 120

ETIQUETAS = {
    "xlsx": gettext_lazy("Libro de Excel (XLSX) con las dos hojas y el diccionario"),
    "curricular": gettext_lazy("Hoja «curricular» (CSV)"),
    "identidad": gettext_lazy("Hoja «identidad» (CSV)"),
    "diccionario": gettext_lazy("Diccionario de datos, con la licencia y los metadatos (CSV)"),
}


def _proceso(request):
    proceso, _abiertos = proceso_de_la_peticion(request)
    if proceso is None:
        raise Http404(_("Todavía no hay un proceso electoral registrado."))
    return proceso


def _corte(proceso):
    return CorteDeDatosAbiertos.objects.filter(proceso=proceso).first()


def _descargas(request, proceso, corte):
    """[{clave, etiqueta, url, tamano, sha256}] en el orden de la página; vacía si aún no hay archivos."""
    if corte is None or not corte.archivos:
        return []
    consulta = f"?proceso={proceso.slug}" if request.GET.get("proceso") else ""
    filas = []
    for clave in tareas.ARCHIVOS:
        archivo = corte.archivos.get(clave)
        if archivo is None:
            continue
        if clave == "xlsx":
            url = reverse("conoceles:datos_xlsx")
        else:
            url = reverse("conoceles:datos_csv", args=[clave])
        filas.append({"clave": clave, "etiqueta": ETIQUETAS[clave], "url": url + consulta, **archivo})
    return filas


@require_safe
@pagina_publica_en_cache(alcances=("proceso",))
def datos(request):
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {"proceso": proceso, "procesos_abiertos": procesos_abiertos}
    if proceso is not None:
        preguntas = abiertos.catalogo_de_identidad()
        corte = _corte(proceso)
        descargas = _descargas(request, proceso, corte)
        if not descargas:
            tareas.pedir_datos_abiertos(proceso.pk)
        contexto.update(
            {
                "columnas_curriculares": abiertos.columnas_curriculares(),
                "columnas_de_identidad": abiertos.columnas_de_identidad(preguntas),
                "estados": list(abiertos.ESTADOS.items()),
                "licencia": abiertos.LICENCIA,
                "cita": abiertos.cita(proceso, url=request.build_absolute_uri(request.path)),
                "separador": abiertos.SEPARADOR.strip(),
                "ultima_publicacion": abiertos.ultima_publicacion(proceso),
                "descargas": descargas,
                "corte": corte if descargas else None,
                "actualizando": bool(descargas and corte.pendiente_desde),
            }
        )
    return render(request, "conoceles/datos.html", contexto)


@require_safe
def datos_xlsx(request):
    """El libro con las hojas «curricular», «identidad» y «diccionario» (licencia y cita en sus
    metadatos y en las propiedades del archivo), ya construido por la tarea de datos abiertos."""
    return _servir(request, "xlsx")


@require_safe
def datos_csv(request, hoja):
    """Cada hoja como CSV, y el diccionario de datos, ya construidos."""
    if hoja not in ("curricular", "identidad", "diccionario"):
        raise Http404(_("Sólo se pueden descargar las hojas «curricular» e «identidad» y el diccionario."))
    return _servir(request, hoja)


def _nombre_de_descarga(proceso, corte, clave):
    """El nombre lleva el momento del corte: los datos son los de ese instante."""
    sufijo, extension, _tipo = tareas.ARCHIVOS[clave]
    momento = timezone.localtime(corte.corte).strftime("%Y%m%d-%H%M")
    return f"conoceles-{proceso.slug}{sufijo}-{momento}.{extension}"


def _servir(request, clave):
    """Dos consultas (el proceso y su corte), nunca la generación del archivo."""
    proceso = _proceso(request)
    corte = _corte(proceso)
    archivo = corte.archivos.get(clave) if corte is not None else None
    ruta = tareas.raiz() / archivo["ruta"] if archivo else None
    try:
        abierto = open(ruta, "rb") if ruta else None  # noqa: SIM115 (FileResponse lo cierra)
    except FileNotFoundError:
        abierto = None
    if abierto is None:
        return _preparando(request, proceso)

    etag = f'"{archivo["sha256"]}"'
    modificado = corte.generado_en.replace(microsecond=0)
    cabeceras = {
        "ETag": etag,
        "Last-Modified": http_date(modificado.timestamp()),
    }
    condicional = get_conditional_response(request, etag=etag, last_modified=modificado.timestamp())
    if condicional is not None:
        abierto.close()
        respuesta = condicional if condicional.status_code == 412 else HttpResponseNotModified()
    else:
        respuesta = FileResponse(
            abierto,
            as_attachment=True,
            filename=_nombre_de_descarga(proceso, corte, clave),
            content_type=tareas.ARCHIVOS[clave][2],
        )
    for nombre, valor in cabeceras.items():
        respuesta[nombre] = valor
    patch_cache_control(
        respuesta,
        public=True,
        max_age=SEGUNDOS_EN_CACHE,
        s_maxage=SEGUNDOS_EN_CACHE,
        stale_while_revalidate=SEGUNDOS_EN_CACHE * 10,
    )
    return respuesta


def _preparando(request, proceso):
    """503 con Retry-After: el archivo todavía no existe (recién instalado, o se perdió el disco).
    Pide la regeneración (con antirrebote), nunca la hace aquí."""
    tareas.pedir_datos_abiertos(proceso.pk)
    respuesta = render(
        request,
        "conoceles/datos_preparando.html",
        {"proceso": proceso},
        status=503,
    )
    respuesta["Retry-After"] = str(SEGUNDOS_PARA_REINTENTAR)
    respuesta["Cache-Control"] = "no-store"
    return respuesta
