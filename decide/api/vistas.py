"""API pública de sólo lectura, versión 1 (`/api/v1/`), con django-ninja.

Cada operación lee los mismos QuerySets que las páginas públicas (una sola fuente para cada
hecho): `candidaturas_publicas`/`con_estado_de_captura` y `BusquedaForm` de Conóceles,
`CuestionarioCurricular.objects.publicados()`, `RespuestaIdentidad.objects.publicables()`,
`estadisticas_del_proceso` (con su protección de cifras pequeñas) y las lecturas de plataformas y
participación. Los encabezados HTTP (CORS, caché, ETag, límite por IP) los pone
`decide.api.http.ApiMiddleware`.
"""

import math
from array import array
from collections.abc import Sequence
from typing import Literal

from django.db.models import Exists, OuterRef, Q
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, NinjaAPI, Path, Query, Schema, Status
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from candidaturas.models import (
    SECCION_MAXIMA,
    ActorPolitico,
    Candidatura,
    Eleccion,
    Persona,
    ProcesoElectoral,
    SeccionElectoral,
)
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import alcance_de_proceso, memorizar
from comun.texto import normalizar
from conoceles import consultas
from conoceles import estadisticas as est
from conoceles.datos import LICENCIA as LICENCIA_DE_LOS_DATOS
from conoceles.forms import BusquedaForm, opciones_de_busqueda
from cuestionarios.models import Consentimiento, CuestionarioIdentidad, GradoDeEstudios
from decide.api import esquemas as e
from participacion import estadisticas as participacion
from plataformas.models import PlataformaElectoral

# Una sola fuente para la licencia: la de los datos abiertos de Conóceles.
LICENCIA = {
    "nombre": LICENCIA_DE_LOS_DATOS.nombre,
    "url": LICENCIA_DE_LOS_DATOS.url,
    "como_citar": (
        "Instituto Electoral del Estado de México, Decide IEEM (datos abiertos), <URL>, "
        "consultado el <fecha>."
    ),
}

POR_PAGINA = 50
SIN_CONTROL = r"^[^\x00-\x1f]*$"
"""Texto libre sin caracteres de control (PostgreSQL no acepta el carácter nulo en una consulta)."""
MAXIMO_POR_PAGINA = 100


class Renderizador(JSONRenderer):
    """JSON en UTF-8 legible (sin escapar acentos)."""

    media_type = "application/json"
    json_dumps_params = {"ensure_ascii": False, "separators": (",", ":")}


api = NinjaAPI(
    title="API de datos abiertos de Decide IEEM",
    version="1",
    description=(
        "API pública de sólo lectura del portal Decide IEEM y de Conóceles: procesos, contiendas, "
        "actores políticos, personas, candidaturas (con sus sustituciones), cuestionarios publicados, "
        "plataformas, participación y estadísticas. Sin cuentas ni llaves. Licencia CC BY 4.0."
    ),
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url=None,
    renderer=Renderizador(),
    openapi_extra={
        "info": {"license": {"name": LICENCIA_DE_LOS_DATOS.clave, "url": LICENCIA["url"]}},
        "servers": [{"url": "/"}],
    },
)

ERRORES = {400: e.Error, 404: e.Error, 429: e.Error}
SOLO_404 = {404: e.Error, 429: e.Error}


# --- Errores en JSON y en español -------------------------------------------------------------------

MENSAJES = {
    "int_parsing": gettext_lazy("Debe ser un número entero."),
    "int_from_float": gettext_lazy("Debe ser un número entero."),
    "greater_than_equal": gettext_lazy("Debe ser al menos %(ge)s."),
    "less_than_equal": gettext_lazy("Debe ser a lo más %(le)s."),
    "literal_error": gettext_lazy("Ese valor no está entre las opciones: %(expected)s."),
    "string_pattern_mismatch": gettext_lazy("Tiene caracteres que no valen aquí."),
    "string_too_long": gettext_lazy("Es demasiado largo (máximo %(max_length)s caracteres)."),
    "missing": gettext_lazy("Falta este dato."),
}


def error(request, estado, detalle, errores=None):
    return api.create_response(request, {"detalle": str(detalle), "errores": errores or {}}, status=estado)


@api.exception_handler(ValidationError)
def _parametros_no_validos(request, exc):
    errores = {}
    for falla in exc.errors:
        campo = str(falla.get("loc", ["", "?"])[-1])
        plantilla = MENSAJES.get(falla.get("type"), gettext_lazy("Valor no válido."))
        try:
            mensaje = str(plantilla) % (falla.get("ctx") or {})
        except (KeyError, TypeError):
            mensaje = _("Valor no válido.")
        errores.setdefault(campo, []).append(mensaje)
    return error(request, 400, _("Revisa los parámetros de la consulta."), errores)


@api.exception_handler(Http404)
def _no_encontrado(request, exc):
    mensaje = str(exc) if exc.args else _("No encontramos ese recurso.")
    return error(request, 404, mensaje)


# --- Piezas comunes --------------------------------------------------------------------------------


class Paginacion(Schema):
    pagina: int = Field(1, ge=1, le=e.ENTERO_MAXIMO, description="Número de página, desde 1.")
    por_pagina: int = Field(
        POR_PAGINA, ge=1, le=MAXIMO_POR_PAGINA, description="Elementos por página (hasta 100)."
    )


class ConProceso(Paginacion):
    proceso: str | None = Field(
        None, pattern=e.PATRON_SLUG, description="Identificador del proceso; sin él, el predeterminado."
    )


def _proceso(request):
    proceso, _abiertos = proceso_de_la_peticion(request)
    if proceso is None:
        raise Http404(_("Todavía no hay un proceso electoral registrado."))
    return proceso


def _proceso_por_id(slug):
    proceso = ProcesoElectoral.objects.filter(slug=slug).first()
    if proceso is None:
        raise Http404(_("No existe el proceso electoral «%(slug)s».") % {"slug": slug})
    return proceso


def _con_candidaturas_en(consulta, campo, slug):
    """`consulta` sólo con lo que tiene alguna candidatura (por su `campo`) en el proceso `slug`;
    sin `slug`, igual. 404 si el proceso no existe."""
    if not slug:
        return consulta
    proceso = _proceso_por_id(slug)
    return consulta.filter(
        Exists(Candidatura.objects.filter(**{campo: OuterRef("pk")}, eleccion__proceso=proceso))
    )


class Base:
    """Arma URLs absolutas sin recalcular el anfitrión en cada fila."""

    def __init__(self, request):
        self.request = request
        self.raiz = request.build_absolute_uri("/").rstrip("/")
        self._contiendas = {}
        self._posts = {}
        # El perfil de cada fila sin un `reverse` por fila (50 por página): «/conoceles/0/» sin «0/».
        self._perfiles = self.raiz + reverse("conoceles:perfil", args=[0]).removesuffix("0/")

    def contienda(self, eleccion):
        """(contienda breve, área) de `eleccion`, calculadas una vez por petición: en una página
        muchas candidaturas comparten contienda y sus nombres pasan por la traducción."""
        if eleccion.pk not in self._contiendas:
            self._contiendas[eleccion.pk] = (_contienda_breve(eleccion), _area(eleccion))
        return self._contiendas[eleccion.pk]

    def post(self, candidatura):
        """`_post` de la candidatura, calculado una vez por cargo y lugar en la petición (su etiqueta
        pasa por la traducción)."""
        clave = (candidatura.cargo, candidatura.numero, candidatura.calidad, candidatura.eleccion.tipo)
        if clave not in self._posts:
            self._posts[clave] = _post(candidatura)
        return self._posts[clave]

    def url(self, ruta):
        return self.raiz + ruta

    def perfil(self, pk):
        return f"{self._perfiles}{pk}/"

    def api(self, nombre, **kwargs):
        return self.raiz + reverse(f"api:{nombre}", kwargs=kwargs)

    def archivo(self, campo):
        return self.url(campo.url) if campo else None


def paginar(request, consulta, filtros):
    """(objetos de la página, sobre) con una consulta para el total y otra para la página (o sin
    consultas, si `consulta` ya es una secuencia).

    Una página fuera de rango responde 404 (la primera siempre existe, aunque esté vacía)."""
    total = len(consulta) if isinstance(consulta, Sequence) else consulta.count()
    paginas = max(1, math.ceil(total / filtros.por_pagina))
    if filtros.pagina > paginas:
        raise Http404(
            _("No existe la página %(pagina)s: hay %(paginas)s.")
            % {"pagina": filtros.pagina, "paginas": paginas}
        )
    inicio = (filtros.pagina - 1) * filtros.por_pagina
    objetos = list(consulta[inicio : inicio + filtros.por_pagina])

    def enlace(numero):
        if not 1 <= numero <= paginas:
            return None
        parametros = request.GET.copy()
        parametros["pagina"] = numero
        return request.build_absolute_uri(request.path + "?" + parametros.urlencode())

    sobre = {
        "total": total,
        "pagina": filtros.pagina,
        "paginas": paginas,
        "siguiente": enlace(filtros.pagina + 1),
        "anterior": enlace(filtros.pagina - 1),
    }
    return objetos, sobre


def _actor(actor):
    return {"id": actor.slug, "name": actor.nombre, "siglas": actor.siglas}


def _area(eleccion):
    if eleccion.tipo == Eleccion.Tipo.DIPUTACION_MR:
        return {
            "classification": "distrito_local",
            "id": eleccion.distrito_local.numero,
            "name": str(eleccion.ambito),
        }
    if eleccion.tipo == Eleccion.Tipo.AYUNTAMIENTO:
        return {
            "classification": "municipio",
            "id": eleccion.municipio.clave_ieem,
            "name": eleccion.municipio.nombre,
        }
    return {"classification": "estado", "id": None, "name": str(eleccion.ambito)}


def _contienda_breve(eleccion):
    return {"id": eleccion.pk, "label": str(eleccion.nombre), "tipo": eleccion.tipo}


def _post(candidatura):
    return {
        "label": str(candidatura.etiqueta_cargo),
        "role": candidatura.cargo,
        "numero": candidatura.numero,
        "calidad": candidatura.calidad,
    }


def _referencia(candidatura):
    if candidatura is None:
        return None
    return {"id": candidatura.pk, "name": candidatura.persona.nombre_completo}


def _candidatura(base, c):
    contienda, area = base.contienda(c.eleccion)
    return {
        "id": c.pk,
        "url": base.perfil(c.pk),
        "proceso": c.eleccion.proceso.slug,
        "person_id": c.persona_id,
        "person": {"id": c.persona_id, "name": c.persona.nombre_completo},
        "on_behalf_of_id": c.actor.slug,
        "on_behalf_of": _actor(c.actor),
        "post": base.post(c),
        "contienda": contienda,
        "area": area,
        "estado": c.estado,
        "accion_afirmativa": c.accion_afirmativa or None,
        "sustituye": _referencia(c.api_sustituye),
        "sustituida_por": _referencia(c.api_sustituida_por),
        "estado_captura": c.estado_captura,
    }


def _contiendas_y_actores(proceso):
    """{id: Eleccion} (con su proceso, distrito y municipio) y {id: ActorPolitico} del proceso,
    memorizados en el proceso de gunicorn hasta que cambie el proceso: una página de 50 candidaturas
    ya no los une en cada consulta (planear y compilar esos JOIN costaba más que leerlos)."""

    def calcular():
        elecciones = Eleccion.objects.filter(proceso=proceso).select_related(
            "proceso", "distrito_local", "municipio"
        )
        return {e.pk: e for e in elecciones}, {a.pk: a for a in ActorPolitico.objects.all()}

    return memorizar(f"api:contiendas:{proceso.pk}", [alcance_de_proceso(proceso.slug)], calcular)


def _por_id_y_sustitutas(filtro):
    """({pk: candidatura}, {pk de la sustituida: sustituta}) de las candidaturas de `filtro`, con el
    nombre de su persona y nada más."""
    relacionadas = list(
        Candidatura.objects.filter(filtro)
        .select_related("persona")
        .only(
            "pk", "sustituye_id", "persona__nombre", "persona__primer_apellido", "persona__segundo_apellido"
        )
    )
    return {r.pk: r for r in relacionadas}, {r.sustituye_id: r for r in relacionadas if r.sustituye_id}


def _sustituciones(proceso):
    """Las sustituciones del proceso (quien sustituye y a quién), memorizadas hasta que cambie el
    proceso: son pocas, y sustituir invalida el proceso (`candidaturas.services`)."""
    return memorizar(
        f"api:sustituciones:{proceso.pk}",
        [alcance_de_proceso(proceso.slug)],
        lambda: _por_id_y_sustitutas(
            Q(eleccion__proceso=proceso, sustituye__isnull=False)
            | Q(pk__in=Candidatura.objects.filter(eleccion__proceso=proceso).values("sustituye_id"))
        ),
    )


def _con_todo(candidaturas, proceso=None):
    """Las candidaturas de `candidaturas` con lo que pinta la API, en tres consultas (la página, su
    estado de captura y sus sustituciones). Con `proceso`, sus contiendas, actores y sustituciones
    salen de lo memorizado (`_contiendas_y_actores`, `_sustituciones`): dos consultas.

    El estado de captura sale de `anotar_estado_de_captura` (el mismo del buscador). Las sustituciones
    (la anterior y la sustituta, con su persona) se traen aparte: como JOIN harían que PostgreSQL
    tardara más en planear la consulta (doce tablas) que en ejecutarla.
    """
    lista = None
    if proceso is not None:
        elecciones, actores = _contiendas_y_actores(proceso)
        lista = list(candidaturas.select_related("persona"))
        if all(c.eleccion_id in elecciones and c.actor_id in actores for c in lista):
            for c in lista:
                c.eleccion, c.actor = elecciones[c.eleccion_id], actores[c.actor_id]
        else:  # una contienda o un actor creado después de memorizarlos (p. ej. en el admin)
            lista = None
    if lista is None:
        lista = list(
            candidaturas.select_related(
                "persona", "actor", "eleccion__proceso", "eleccion__distrito_local", "eleccion__municipio"
            )
        )
    consultas.anotar_estado_de_captura(lista)
    if proceso is not None:
        por_id, sustitutas = _sustituciones(proceso)
    else:
        ids = [c.pk for c in lista]
        anteriores = [c.sustituye_id for c in lista if c.sustituye_id]
        por_id, sustitutas = _por_id_y_sustitutas(Q(pk__in=anteriores) | Q(sustituye_id__in=ids))
    for c in lista:
        c.api_sustituye = por_id.get(c.sustituye_id)
        c.api_sustituida_por = sustitutas.get(c.pk)
    return lista


def _contienda(base, eleccion):
    return {
        "id": eleccion.pk,
        "label": str(eleccion.nombre),
        "tipo": eleccion.tipo,
        "proceso": eleccion.proceso.slug,
        "area": _area(eleccion),
        "url": base.url(eleccion.url_en_listado),
        "candidaturas": base.api("candidaturas")
        + f"?proceso={eleccion.proceso.slug}&contienda={eleccion.pk}",
    }


def _contienda_con_encabezados(base, eleccion):
    return {
        **_contienda(base, eleccion),
        "encabezados": [
            {
                "candidatura_id": c.pk,
                "name": c.persona.nombre_completo,
                "on_behalf_of": _actor(c.actor),
                "url": base.perfil(c.pk),
            }
            for c in eleccion.encabezados
        ],
    }


# --- Raíz -------------------------------------------------------------------------------------------


@api.get("/", response={200: e.Raiz, 429: e.Error}, summary="Índice de la API", tags=["Índice"])
def raiz(request):
    """Qué recursos hay, dónde está el esquema y con qué licencia se publican los datos."""
    base = Base(request)
    recursos = {
        nombre: base.api(nombre)
        for nombre in ("procesos", "contiendas", "actores", "personas", "candidaturas", "plataformas")
    }
    recursos["seccion"] = base.api("seccion", numero=1).replace("/1/", "/{numero}/")
    return {
        "nombre": "Decide IEEM",
        "version": "1",
        "licencia": LICENCIA,
        "esquema": base.url(reverse("api:openapi-json")),
        "documentacion": base.url(reverse("api_documentacion")),
        "recursos": recursos,
    }


# --- Procesos ---------------------------------------------------------------------------------------


def _proceso_json(p):
    return {
        "id": p.slug,
        "name": p.nombre,
        "anio": p.anio,
        "tipo": p.tipo,
        "fecha_jornada": p.fecha_jornada,
        "inicio_campanas": p.inicio_campanas,
        "fin_campanas": p.fin_campanas,
        "predeterminado": p.predeterminado,
        "archivado": p.archivado,
        "es_demostracion": p.es_demostracion,
    }


@api.get(
    "/procesos/",
    response={200: e.pagina_de(e.Proceso), **ERRORES},
    url_name="procesos",
    summary="Procesos electorales",
    tags=["Procesos"],
)
def procesos(request, filtros: Query[Paginacion]):
    """Todos los procesos, abiertos y archivados, del más reciente al más antiguo."""
    objetos, sobre = paginar(request, ProcesoElectoral.objects.all(), filtros)
    return {**sobre, "resultados": [_proceso_json(p) for p in objetos]}


Slug = Path(..., pattern=e.PATRON_SLUG, description="Identificador del proceso.")


@api.get(
    "/procesos/{slug}/",
    response={200: e.Proceso, **ERRORES},
    url_name="proceso",
    summary="Un proceso",
    tags=["Procesos"],
)
def proceso(request, slug: str = Slug):
    return _proceso_json(_proceso_por_id(slug))


class FiltroDeCargo(Schema):
    cargo: e.Cargo | None = Field(None, description="Sólo las candidaturas a este cargo.")


@api.get(
    "/procesos/{slug}/estadisticas/",
    response={200: e.Estadisticas, **ERRORES},
    url_name="estadisticas",
    summary="Estadísticas de Conóceles",
    tags=["Procesos"],
)
def estadisticas(request, filtros: Query[FiltroDeCargo], slug: str = Slug):
    """Las cifras de /conoceles/estadisticas/, con la misma protección de cifras pequeñas: una cifra
    protegida llega con `valor` nulo y su `texto` («menos de 5», «dato protegido»)."""
    proceso = _proceso_por_id(slug)
    datos = est.estadisticas_del_proceso(proceso, cargo=filtros.cargo or "")

    def cifra(c):
        return {"valor": c.valor, "texto": str(c.texto)}

    def fila(f):
        publicada, enviada, sin_captura = f.cifras
        return {
            "grupo": [str(enc["texto"]) for enc in f.encabezados],
            "publicada": cifra(publicada),
            "enviada": cifra(enviada),
            "sin_captura": cifra(sin_captura),
            "total": cifra(f.total),
        }

    def grafica(clave, titulo, datos_grafica):
        return {
            "clave": clave,
            "titulo": str(titulo),
            "total": cifra(datos_grafica["total"]),
            "categorias": [
                {"etiqueta": str(b["etiqueta"]), "cifra": {"valor": b["valor"], "texto": str(b["texto"])}}
                for b in datos_grafica["barras"]
            ],
        }

    avance = [{"clave": "avance", "columnas": [_("Grupo")], "filas": [fila(datos["general"])]}]
    for clave, tabla in (
        ("avance-actor-cargo", datos["por_actor"]),
        ("avance-municipio", datos["por_municipio"]),
        ("avance-distrito", datos["por_distrito"]),
    ):
        avance.append(
            {
                "clave": clave,
                "columnas": [str(c) for c in tabla["columnas"]],
                "filas": [fila(f) for f in tabla["filas"]],
            }
        )
    graficas = [
        grafica("sexo", _("Sexo"), datos["sexo"]),
        grafica("edad", _("Edad el día de la jornada"), datos["edad"]),
        grafica("escolaridad", _("Grado máximo de estudios"), datos["escolaridad"]),
    ]
    for dimension in datos["identidad"]:
        for g in dimension["graficas"]:
            graficas.append(grafica(g["slug"], g["pregunta"].texto.strip(), g))
    return {
        "proceso": proceso.slug,
        "cargo": filtros.cargo,
        "umbral": est.UMBRAL,
        "avance": avance,
        "graficas": graficas,
    }


@api.get(
    "/procesos/{slug}/participacion/",
    response={200: e.Participacion, **ERRORES},
    url_name="participacion",
    summary="Totales de participación",
    tags=["Procesos"],
)
def participacion_del_proceso(request, slug: str = Slug):
    """Reacciones y comentarios recibidos por actor, tipo de elección, municipio y día (P16)."""
    proceso = _proceso_por_id(slug)
    tabla = participacion.tabla(proceso)
    series = [
        {
            "clave": serie,
            "titulo": str(participacion.SERIES[serie]),
            "filas": [
                {"etiqueta": str(etiqueta), "reacciones": reacciones, "comentarios": comentarios}
                for etiqueta, reacciones, comentarios, _color in filas
            ],
        }
        for serie, filas in tabla.items()
    ]
    por_dia = tabla.get("dia", [])
    return {
        "proceso": proceso.slug,
        "reacciones": sum(f[1] for f in por_dia),
        "comentarios": sum(f[2] for f in por_dia),
        "series": series,
    }


# --- Contiendas -------------------------------------------------------------------------------------


class FiltrosDeContiendas(ConProceso):
    tipo: e.TipoDeEleccion | None = None
    municipio: int | None = Field(None, ge=1, le=e.ENTERO_MAXIMO, description="Clave IEEM del municipio.")
    distrito: int | None = Field(None, ge=1, le=e.ENTERO_MAXIMO, description="Número de distrito local.")


@api.get(
    "/contiendas/",
    response={200: e.pagina_de(e.Contienda), **ERRORES},
    url_name="contiendas",
    summary="Contiendas (elecciones) de un proceso",
    tags=["Contiendas"],
)
def contiendas(request, filtros: Query[FiltrosDeContiendas]):
    """En el orden de las boletas: gubernatura, diputaciones de mayoría, lista RP y ayuntamientos."""
    proceso = _proceso(request)
    consulta = Eleccion.objects.filter(proceso=proceso).con_ambito().en_orden_de_boleta()
    if filtros.tipo:
        consulta = consulta.filter(tipo=filtros.tipo)
    if filtros.municipio:
        consulta = consulta.filter(municipio__clave_ieem=filtros.municipio)
    if filtros.distrito:
        consulta = consulta.filter(distrito_local__numero=filtros.distrito)
    objetos, sobre = paginar(request, consulta, filtros)
    base = Base(request)
    return {**sobre, "resultados": [_contienda(base, c) for c in objetos]}


Id = Path(..., ge=1, le=e.ENTERO_MAXIMO)


@api.get(
    "/contiendas/{id}/",
    response={200: e.ContiendaEnLaBoleta, **ERRORES},
    url_name="contienda",
    summary="Una contienda, con quien encabeza cada opción",
    tags=["Contiendas"],
)
def contienda(request, id: int = Id):
    eleccion = Eleccion.objects.con_ambito().con_encabezados().filter(pk=id).first()
    if eleccion is None:
        raise Http404(_("No existe la contienda %(id)s.") % {"id": id})
    return _contienda_con_encabezados(Base(request), eleccion)


# --- Actores políticos ------------------------------------------------------------------------------


class FiltrosDeActores(Paginacion):
    proceso: str | None = Field(
        None, pattern=e.PATRON_SLUG, description="Sólo los actores con candidaturas en este proceso."
    )


def _actor_json(a):
    return {
        "id": a.slug,
        "name": a.nombre,
        "classification": a.tipo,
        "siglas": a.siglas,
        "color": a.color,
        "proceso": a.proceso.slug if a.proceso_id else None,
        "members": [i.slug for i in a.integrantes.all()],
    }


def _actores():
    return (
        ActorPolitico.objects.select_related("proceso")
        .prefetch_related("integrantes")
        .order_by("orden", "siglas")
    )


@api.get(
    "/actores/",
    response={200: e.pagina_de(e.Actor), **ERRORES},
    url_name="actores",
    summary="Actores políticos (Popolo organizations)",
    tags=["Actores políticos"],
)
def actores(request, filtros: Query[FiltrosDeActores]):
    """Partidos, coaliciones, candidaturas comunes e independientes."""
    consulta = _con_candidaturas_en(_actores(), "actor", filtros.proceso)
    objetos, sobre = paginar(request, consulta, filtros)
    return {**sobre, "resultados": [_actor_json(a) for a in objetos]}


@api.get(
    "/actores/{slug}/",
    response={200: e.Actor, **ERRORES},
    url_name="actor",
    summary="Un actor político",
    tags=["Actores políticos"],
)
def actor(request, slug: str = Path(..., pattern=e.PATRON_SLUG)):
    encontrado = _actores().filter(slug=slug).first()
    if encontrado is None:
        raise Http404(_("No existe el actor político «%(slug)s».") % {"slug": slug})
    return _actor_json(encontrado)


# --- Personas ---------------------------------------------------------------------------------------


class FiltrosDePersonas(Paginacion):
    q: str | None = Field(
        None,
        max_length=100,
        pattern=SIN_CONTROL,
        description="Parte del nombre; no importan acentos ni mayúsculas.",
    )
    proceso: str | None = Field(
        None, pattern=e.PATRON_SLUG, description="Sólo quienes compiten en este proceso."
    )


def _persona_json(p):
    return {
        "id": p.pk,
        "name": p.nombre_completo,
        "given_name": p.nombre,
        "family_name": " ".join(a for a in (p.primer_apellido, p.segundo_apellido) if a),
        "primer_apellido": p.primer_apellido,
        "segundo_apellido": p.segundo_apellido,
        "gender": p.sexo,
    }


def _personas_publicas():
    """Quien tiene al menos una candidatura registrada: su registro es público (P6)."""
    return Persona.objects.filter(Exists(Candidatura.objects.filter(persona=OuterRef("pk"))))


@api.get(
    "/personas/",
    response={200: e.pagina_de(e.Persona), **ERRORES},
    url_name="personas",
    summary="Personas (un registro permanente entre procesos)",
    tags=["Personas"],
)
def personas(request, filtros: Query[FiltrosDePersonas]):
    consulta = _con_candidaturas_en(_personas_publicas(), "persona", filtros.proceso)
    texto = normalizar(filtros.q or "")
    for palabra in texto.split():
        consulta = consulta.filter(nombre_normalizado__contains=palabra)
    objetos, sobre = paginar(request, consulta.order_by(*Persona._meta.ordering, "pk"), filtros)
    return {**sobre, "resultados": [_persona_json(p) for p in objetos]}


@api.get(
    "/personas/{id}/",
    response={200: e.PersonaDetalle, **ERRORES},
    url_name="persona",
    summary="Una persona y todas sus candidaturas",
    tags=["Personas"],
)
def persona(request, id: int = Id):
    encontrada = _personas_publicas().filter(pk=id).first()
    if encontrada is None:
        raise Http404(_("No existe la persona %(id)s.") % {"id": id})
    base = Base(request)
    candidaturas = (
        Candidatura.objects.filter(persona=encontrada)
        .para_listado()
        .order_by("-eleccion__proceso__anio", "eleccion__proceso__nombre", "pk")
    )
    return {
        **_persona_json(encontrada),
        "memberships": [
            {
                "id": c.pk,
                "proceso": c.eleccion.proceso.slug,
                "contienda": _contienda_breve(c.eleccion),
                "on_behalf_of": _actor(c.actor),
                "post": _post(c),
                "estado": c.estado,
                "url": base.perfil(c.pk),
            }
            for c in candidaturas
        ],
    }


# --- Candidaturas -----------------------------------------------------------------------------------


class FiltrosDeCandidaturas(ConProceso):
    """Los filtros de la búsqueda de Conóceles (mismos nombres y valores), más `estado`."""

    q: str | None = Field(
        None, max_length=100, pattern=SIN_CONTROL, description="Parte del nombre; al menos dos letras."
    )
    cargo: e.Cargo | None = None
    actor: str | None = Field(None, pattern=e.PATRON_SLUG, description="Identificador del actor político.")
    municipio: int | None = Field(None, ge=1, le=e.ENTERO_MAXIMO, description="Clave IEEM del municipio.")
    distrito: int | None = Field(None, ge=1, le=e.ENTERO_MAXIMO, description="Número de distrito local.")
    sexo: e.Sexo | None = None
    edad: e.RangoDeEdad | None = Field(None, description="Rango de edad el día de la jornada.")
    grado: e.Grado | None = Field(None, description="Grado máximo de estudios (de cuestionarios publicados).")
    accion: e.FiltroDeAccion | None = Field(None, description="Acción afirmativa; `cualquiera` para todas.")
    calidad: e.Calidad | None = None
    contienda: int | None = Field(
        None, ge=1, le=e.ENTERO_MAXIMO, description="Identificador de la contienda."
    )
    orden: Literal["id", "nombre"] = Field(
        "id", description="id (estable y el más rápido) o nombre (apellidos y nombre, como la búsqueda)."
    )
    estado: e.EstadoDeCandidatura | Literal["todas"] = Field(
        "registrada",
        description="registrada (vigentes, lo que muestra Conóceles), sustituida, cancelada o todas.",
    )


CAMPOS_DE_BUSQUEDA = ("q",) + BusquedaForm.FILTROS + ("contienda",)


@api.get(
    "/candidaturas/",
    response={200: e.pagina_de(e.Candidatura), **ERRORES},
    url_name="candidaturas",
    summary="Candidaturas (Popolo memberships)",
    tags=["Candidaturas"],
)
def candidaturas(request, filtros: Query[FiltrosDeCandidaturas]):
    """Las candidaturas de un proceso con los filtros de la búsqueda de Conóceles, por `id` o por nombre.

    Una candidatura sustituida trae en `sustituida_por` a quien ocupa su lugar, y la sustituta trae
    en `sustituye` a la anterior."""
    proceso = _proceso(request)
    datos = QueryDict(mutable=True)
    for campo in CAMPOS_DE_BUSQUEDA:
        valor = getattr(filtros, campo)
        if valor not in (None, ""):
            datos[campo] = str(valor)
    # Las opciones de actor, municipio y distrito sólo hacen falta para validar esos filtros.
    if any(campo in datos for campo in ("actor", "municipio", "distrito")):
        actores_, municipios, distritos = opciones_de_busqueda(proceso)
    else:
        actores_, municipios, distritos = [], [], []
    form = BusquedaForm(datos, proceso=proceso, actores=actores_, municipios=municipios, distritos=distritos)
    if not form.is_valid():
        errores = {campo: [str(m) for m in mensajes] for campo, mensajes in form.errors.items()}
        return Status(400, {"detalle": _("Revisa los parámetros de la consulta."), "errores": errores})
    consulta = Candidatura.objects.filter(eleccion__proceso=proceso)
    if filtros.estado != "todas":
        consulta = consulta.filter(estado=filtros.estado)
    orden = consultas.ORDEN_POR_NOMBRE if filtros.orden == "nombre" else ("pk",)
    consulta = form.filtrar(consulta).order_by(*orden).values_list("pk", flat=True)
    # Como en la búsqueda: la lista ordenada de identificadores se memoriza por proceso y consulta
    # hasta que cambie el proceso, así otra página no vuelve a contar ni a ordenar.
    en_orden = memorizar(
        f"api:candidaturas:{proceso.pk}:{filtros.estado}:{filtros.orden}:{form.clave()}",
        [alcance_de_proceso(proceso.slug)],
        lambda: array("q", consulta),
    )
    identificadores, sobre = paginar(request, en_orden, filtros)
    por_id = {c.pk: c for c in _con_todo(Candidatura.objects.filter(pk__in=identificadores), proceso)}
    base = Base(request)
    return {**sobre, "resultados": [_candidatura(base, por_id[i]) for i in identificadores]}


def _curricular(base, cuestionario):
    if cuestionario is None:
        return None
    contactos = [
        {"type": campo, "label": str(etiqueta), "value": getattr(cuestionario, campo)}
        for campo, etiqueta in consultas.REDES
        if getattr(cuestionario, campo)
    ]
    for campo, tipo, etiqueta in (
        ("correo_publico", "email", _("Correo electrónico")),
        ("telefono_publico", "telefono", _("Teléfono")),
        ("domicilio_campana", "domicilio", _("Casa de campaña")),
    ):
        if getattr(cuestionario, campo):
            contactos.append({"type": tipo, "label": str(etiqueta), "value": getattr(cuestionario, campo)})
    grado = cuestionario.grado_estudios
    return {
        "foto": base.archivo(cuestionario.foto),
        "grado_estudios": grado or None,
        "grado_estudios_texto": str(GradoDeEstudios(grado).label) if grado else "",
        "estatus_estudios": cuestionario.get_estatus_estudios_display()
        if cuestionario.estatus_estudios
        else "",
        "otra_formacion": cuestionario.otra_formacion,
        "historia_profesional": cuestionario.historia_profesional,
        "trayectoria_politica": cuestionario.trayectoria_politica,
        "por_que_quiero_el_cargo": cuestionario.por_que_quiero_el_cargo,
        "propuesta_1": cuestionario.propuesta_1,
        "propuesta_2": cuestionario.propuesta_2,
        "propuesta_genero": cuestionario.propuesta_genero,
        "contact_details": contactos,
        "publicado_en": cuestionario.publicado_en,
    }


def _identidad(agrupadas):
    return [
        {
            "numero": grupo["pregunta"].numero,
            "pregunta": grupo["pregunta"].texto.strip(),
            "dimension": grupo["pregunta"].dimension,
            "respuestas": [
                {
                    "clave": r.opcion.clave,
                    "texto": f"{r.opcion.padre.texto}: {r.opcion.texto}"
                    if r.opcion.padre_id
                    else r.opcion.texto,
                    "especificacion": r.texto,
                }
                for r in grupo["respuestas"]
            ],
        }
        for grupo in agrupadas
    ]


def ultima_modificacion(candidatura, cuestionario):
    """La fecha más reciente de lo que muestra la candidatura: su registro, su cuestionario publicado,
    su identidad publicada y su consentimiento (retirarlo cambia lo que se ve). Una consulta."""
    fechas = [candidatura.actualizada]
    if cuestionario is not None:
        fechas.append(cuestionario.publicado_en)
    if candidatura.vigente:
        de_la_persona = {"persona_id": candidatura.persona_id, "proceso_id": candidatura.eleccion.proceso_id}
        otras = (
            Consentimiento.objects.filter(**de_la_persona)
            .values("actualizado_en")
            .annotate(
                identidad=CuestionarioIdentidad.objects.filter(**de_la_persona)
                .order_by()
                .values("publicado_en")[:1]
            )
            .first()
        )
        if otras:
            fechas += [otras["actualizado_en"], otras["identidad"]]
    return max(f for f in fechas if f is not None)


@api.get(
    "/candidaturas/{id}/",
    response={200: e.CandidaturaDetalle, **ERRORES},
    url_name="candidatura",
    summary="Una candidatura, con sus cuestionarios publicados",
    tags=["Candidaturas"],
)
def candidatura(request, id: int = Id):
    """El mismo contenido que el perfil /conoceles/<id>/. Una candidatura sustituida o cancelada no
    muestra cuestionarios (como su perfil) y, si fue sustituida, señala su reemplazo."""
    encontrada = next(iter(_con_todo(Candidatura.objects.filter(pk=id))), None)
    if encontrada is None:
        raise Http404(_("No existe la candidatura %(id)s.") % {"id": id})
    base = Base(request)
    cuestionario, identidad = None, []
    if encontrada.vigente:
        cuestionario = consultas.cuestionario_publicado(encontrada)
        identidad = consultas.respuestas_publicables(encontrada.persona_id, encontrada.eleccion.proceso_id)
    request.api_ultima_modificacion = ultima_modificacion(encontrada, cuestionario)
    return {
        **_candidatura(base, encontrada),
        "edad": consultas.edad_de(encontrada),
        "curricular": _curricular(base, cuestionario),
        "identidad": _identidad(identidad),
    }


# --- Plataformas ------------------------------------------------------------------------------------


class FiltrosDePlataformas(ConProceso):
    actor: str | None = Field(None, pattern=e.PATRON_SLUG, description="Identificador del actor político.")
    tipo: e.TipoDePlataforma | None = None


def _plataforma(base, p):
    return {
        "id": p.pk,
        "proceso": p.proceso.slug,
        "tipo": p.tipo,
        "organization": _actor(p.actor),
        "resumen": p.resumen,
        "documento": base.url(p.url_del_documento()) if p.documento else None,
        "numero_propuestas": p.numero_propuestas,
        "url": base.url(p.get_absolute_url()),
    }


@api.get(
    "/plataformas/",
    response={200: e.pagina_de(e.Plataforma), **ERRORES},
    url_name="plataformas",
    summary="Plataformas electorales",
    tags=["Plataformas"],
)
def plataformas(request, filtros: Query[FiltrosDePlataformas]):
    proceso = _proceso(request)
    consulta = PlataformaElectoral.objects.publicadas().del_proceso(proceso).para_listado()
    if filtros.actor:
        consulta = consulta.filter(actor__slug=filtros.actor)
    if filtros.tipo:
        consulta = consulta.filter(tipo=filtros.tipo)
    objetos, sobre = paginar(
        request, consulta.order_by("actor__orden", "actor__siglas", "tipo", "pk"), filtros
    )
    base = Base(request)
    return {**sobre, "resultados": [_plataforma(base, p) for p in objetos]}


@api.get(
    "/plataformas/{id}/",
    response={200: e.PlataformaDetalle, **ERRORES},
    url_name="plataforma",
    summary="Una plataforma y sus propuestas",
    tags=["Plataformas"],
)
def plataforma(request, id: int = Id):
    encontrada = PlataformaElectoral.objects.publicadas().para_detalle().filter(pk=id).first()
    if encontrada is None:
        raise Http404(_("No existe la plataforma %(id)s.") % {"id": id})
    base = Base(request)
    propuestas = list(encontrada.propuestas.all())
    encontrada.numero_propuestas = len(propuestas)
    return {
        **_plataforma(base, encontrada),
        "propuestas": [
            {
                "id": p.pk,
                "titulo": p.titulo,
                "texto": p.texto,
                "tema": p.tema.nombre,
                "url": base.url(p.get_absolute_url()),
            }
            for p in propuestas
        ],
    }


# --- Secciones --------------------------------------------------------------------------------------


class FiltroDeProceso(Schema):
    proceso: str | None = Field(None, pattern=e.PATRON_SLUG, description="Sin él, el proceso predeterminado.")


def _distrito(d):
    if d is None:
        return None
    return {"numero": d.numero, "cabecera": d.cabecera_legible}


@api.get(
    "/secciones/{numero}/",
    response={200: e.Seccion, **ERRORES},
    url_name="seccion",
    summary="Sección electoral → contiendas en su boleta",
    tags=["Secciones"],
)
def seccion(request, filtros: Query[FiltroDeProceso], numero: int = Path(..., ge=1, le=SECCION_MAXIMA)):
    """Lo mismo que «Mi sección»: municipio, distritos y las contiendas de la boleta, con quien
    encabeza cada fórmula, planilla o lista."""
    encontrada = SeccionElectoral.objects.para_consulta().filter(numero=numero).first()
    if encontrada is None:
        raise Http404(_("No encontramos la sección %(numero)s en el Estado de México.") % {"numero": numero})
    proceso, _abiertos = proceso_de_la_peticion(request)
    contiendas_ = []
    if proceso is not None:
        contiendas_ = list(
            Eleccion.objects.filter(proceso=proceso)
            .en_la_boleta(encontrada)
            .con_ambito()
            .con_encabezados()
            .en_orden_de_boleta()
        )
    base = Base(request)
    return {
        "numero": encontrada.numero,
        "municipio": {"clave_ieem": encontrada.municipio.clave_ieem, "name": encontrada.municipio.nombre},
        "distrito_local": _distrito(encontrada.distrito_local),
        "distrito_federal": _distrito(encontrada.distrito_federal),
        "casillas": encontrada.casillas,
        "lista_nominal": encontrada.lista_nominal,
        "proceso": proceso.slug if proceso else None,
        "contiendas": [_contienda_con_encabezados(base, c) for c in contiendas_],
    }
