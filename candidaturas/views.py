"""Páginas públicas del registro: listado de fórmulas y planillas (P6) y archivo de procesos (P15)."""

from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from candidaturas.forms import FiltroCandidaturasForm
from candidaturas.models import (
    ActorPolitico,
    Candidatura,
    DistritoLocal,
    Eleccion,
    Municipio,
    Persona,
    ProcesoElectoral,
)
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from comun.exportar import respuesta_csv, respuesta_xlsx

CONTIENDAS_POR_PAGINA = 20
"""Se pagina por contienda, no por fila: una planilla nunca queda partida entre dos páginas."""

ENCABEZADOS_DESCARGA = [
    "id",
    "proceso",
    "tipo_de_eleccion",
    "distrito_local",
    "municipio",
    "actor_politico",
    "actor_politico_nombre",
    "cargo",
    "numero",
    "calidad",
    "nombre_completo",
    "sexo",
    "edad_el_dia_de_la_jornada",
    "accion_afirmativa",
    "estado",
    "sustituye_a_id",
    "sustituye_a_nombre",
    "fecha_del_cambio",
    "acuerdo_del_cambio",
]


def _filtros(request, proceso):
    """El formulario de filtros con las opciones de `proceso` (tres consultas)."""
    return FiltroCandidaturasForm(
        request.GET,
        municipios=Municipio.objects.filter(elecciones__proceso=proceso).distinct().order_by("nombre"),
        distritos=DistritoLocal.objects.filter(elecciones__proceso=proceso).distinct().order_by("numero"),
        actores=ActorPolitico.objects.filter(
            Exists(Candidatura.objects.filter(actor=OuterRef("pk"), eleccion__proceso=proceso))
        ).order_by("orden", "siglas"),
    )


@require_safe
@pagina_publica_en_cache(
    parametros=("proceso", "pagina", *FiltroCandidaturasForm.base_fields), alcances=("proceso",)
)
def lista(request):
    """Todas las fórmulas y planillas del proceso, por contienda y por actor, con sus suplencias."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    contexto = {"proceso": proceso, "procesos_abiertos": procesos_abiertos, "form": None, "contiendas": []}
    if proceso is None:
        return render(request, "candidaturas/lista.html", contexto)
    form = _filtros(request, proceso)
    contexto["form"] = form
    if not form.is_valid():
        return render(request, "candidaturas/lista.html", contexto, status=400)

    candidaturas = Candidatura.objects.del_proceso(proceso).visibles().con_filtros(**form.criterios)
    elecciones = (
        Eleccion.objects.filter(pk__in=candidaturas.values("eleccion_id")).con_ambito().en_orden_de_boleta()
    )
    pagina = Paginator(elecciones, CONTIENDAS_POR_PAGINA).get_page(request.GET.get("pagina"))
    filas = list(candidaturas.filter(eleccion__in=[e.pk for e in pagina]).para_listado())
    poner_integrantes([c.actor for c in filas])
    contexto.update(
        {
            "pagina": pagina,
            "contiendas": agrupar_por_contienda(pagina.object_list, filas),
            "filtros_activos": form.activos,
        }
    )
    return render(request, "candidaturas/lista.html", contexto)


def etiquetas(opciones):
    """{valor: etiqueta traducida} de unas opciones, calculado una vez por petición.

    `get_FOO_display()` vuelve a traducir todas las opciones en cada llamada; en listados y
    descargas de miles de filas eso domina el tiempo de respuesta.
    """
    return {valor: str(etiqueta) for valor, etiqueta in opciones.choices}


def poner_integrantes(actores):
    """`actor.integrantes_lista`: los partidos de cada coalición o candidatura común (una consulta),
    para explicar sus siglas (FYC, SHH…) sin una consulta por actor."""
    agrupan = (ActorPolitico.Tipo.COALICION, ActorPolitico.Tipo.CANDIDATURA_COMUN)
    actores = [a for a in actores if a.tipo in agrupan]
    if not actores:
        return
    por_id = {}
    enlaces = ActorPolitico.integrantes.through.objects.filter(
        from_actorpolitico_id__in={a.pk for a in actores}
    ).select_related("to_actorpolitico")
    for enlace in sorted(enlaces, key=lambda e: (e.to_actorpolitico.orden, e.to_actorpolitico.siglas)):
        por_id.setdefault(enlace.from_actorpolitico_id, []).append(enlace.to_actorpolitico)
    for actor in actores:
        actor.integrantes_lista = por_id.get(actor.pk, [])


def agrupar_por_contienda(elecciones, candidaturas):
    """Contienda → actor → lugar (cargo y número) → propietaria(s) y suplente(s).

    Devuelve una lista de dicts en el orden de `elecciones`; dentro de cada una, los actores en
    su orden y los lugares en el de la planilla (presidencia, sindicaturas, regidurías).
    """
    sexos, acciones = etiquetas(Persona.Sexo), etiquetas(Candidatura.AccionAfirmativa)
    por_eleccion = {}
    for candidatura in candidaturas:
        candidatura.etiqueta_sexo = sexos.get(candidatura.persona.sexo, "")
        candidatura.etiqueta_accion = acciones.get(candidatura.accion_afirmativa, "")
        por_eleccion.setdefault(candidatura.eleccion_id, []).append(candidatura)
    contiendas = []
    for eleccion in elecciones:
        filas = sorted(
            por_eleccion.get(eleccion.pk, []),
            key=lambda c: (c.actor.orden, c.actor.siglas, c.actor_id, c.orden_en_planilla, c.pk),
        )
        actores = []
        for actor, del_actor in groupby(filas, key=lambda c: c.actor):
            lugares = []
            for _lugar, del_lugar in groupby(del_actor, key=lambda c: (c.cargo, c.numero)):
                del_lugar = list(del_lugar)
                lugares.append(
                    {
                        "etiqueta": del_lugar[0].etiqueta_cargo,
                        "propietarias": [c for c in del_lugar if not c.es_suplente],
                        "suplentes": [c for c in del_lugar if c.es_suplente],
                    }
                )
            actores.append({"actor": actor, "lugares": lugares})
        contiendas.append({"eleccion": eleccion, "actores": actores})
    return contiendas


@require_safe
def descargar(request, formato):
    """Exactamente lo filtrado en el listado (todas las páginas), en CSV o XLSX, transmitido."""
    if formato not in ("csv", "xlsx"):
        raise Http404(_("Sólo se puede descargar en CSV o XLSX."))
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    if proceso is None:
        raise Http404(_("Todavía no hay un proceso electoral registrado."))
    form = _filtros(request, proceso)
    if not form.is_valid():
        contexto = {
            "proceso": proceso,
            "procesos_abiertos": procesos_abiertos,
            "form": form,
            "contiendas": [],
        }
        return render(request, "candidaturas/lista.html", contexto, status=400)
    candidaturas = (
        Candidatura.objects.del_proceso(proceso)
        .visibles()
        .con_filtros(**form.criterios)
        .para_listado()
        .en_orden_de_listado()
    )
    textos = {
        "tipo": etiquetas(Eleccion.Tipo),
        "calidad": etiquetas(Candidatura.Calidad),
        "sexo": etiquetas(Persona.Sexo),
        "accion": etiquetas(Candidatura.AccionAfirmativa),
        "estado": etiquetas(Candidatura.Estado),
        "lugar": {},
    }
    filas = (_fila_descarga(c, proceso, textos) for c in candidaturas.iterator(chunk_size=2000))
    nombre = f"candidaturas-{proceso.slug}.{formato}"
    if formato == "csv":
        return respuesta_csv(nombre, ENCABEZADOS_DESCARGA, filas)
    return respuesta_xlsx(nombre, [(_("Candidaturas"), ENCABEZADOS_DESCARGA, filas)])


def _fila_descarga(candidatura, proceso, textos):
    eleccion = candidatura.eleccion
    anterior = candidatura.sustituye
    clave_lugar = (candidatura.cargo, candidatura.numero, eleccion.tipo)
    if clave_lugar not in textos["lugar"]:
        textos["lugar"][clave_lugar] = str(candidatura.etiqueta_cargo)
    return [
        candidatura.pk,
        proceso.slug,
        textos["tipo"][eleccion.tipo],
        eleccion.distrito_local.numero if eleccion.distrito_local_id else "",
        eleccion.municipio.nombre if eleccion.municipio_id else "",
        candidatura.actor.siglas,
        candidatura.actor.nombre,
        textos["lugar"][clave_lugar],
        candidatura.numero,
        textos["calidad"][candidatura.calidad],
        candidatura.persona.nombre_completo,
        textos["sexo"][candidatura.persona.sexo],
        candidatura.persona.edad_en(proceso.fecha_jornada),
        textos["accion"].get(candidatura.accion_afirmativa, ""),
        textos["estado"][candidatura.estado],
        anterior.pk if anterior else "",
        anterior.persona.nombre_completo if anterior else "",
        candidatura.fecha_cambio.isoformat() if candidatura.fecha_cambio else "",
        candidatura.acuerdo_cambio,
    ]


@require_safe
@pagina_publica_en_cache()
def procesos(request):
    """Los procesos abiertos y el archivo de los concluidos; cada uno se consulta con ?proceso=."""
    todos = list(ProcesoElectoral.objects.order_by("-anio", "-fecha_jornada", "nombre"))
    return render(
        request,
        "candidaturas/procesos.html",
        {
            "abiertos": [p for p in todos if not p.archivado],
            "archivados": [p for p in todos if p.archivado],
        },
    )
