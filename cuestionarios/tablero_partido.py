"""Consultas del tablero de la representación de partido (issue 13): sus candidaturas con el estado de
la captura de cada una, búsqueda por nombre, filtros, totales por estado y orden.

Todo se resuelve en la base con un número fijo de consultas, sin importar cuántas filas haya: el
estado de la captura es una subconsulta por fila (`estado_captura`), no un diccionario armado en
Python.
"""

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from candidaturas.models import Candidatura
from comun.texto import normalizar
from cuestionarios.models import CuestionarioCurricular, Estado, Observacion

POR_PAGINA = 50
# Estados de la captura que el tablero distingue además de los del flujo.
SIN_CAPTURAR = "sin_capturar"
DEVUELTA = "devuelta"

# El orden en que el tablero muestra los estados (y sus totales): primero lo que toca hacer hoy.
ESTADOS_DEL_TABLERO = [
    Estado.ENVIADO,
    DEVUELTA,
    Estado.EN_CAPTURA,
    SIN_CAPTURAR,
    Estado.VALIDADO_PARTIDO,
    Estado.EN_REVISION,
    Estado.CON_OBSERVACIONES,
    Estado.CORREGIDO,
    Estado.PUBLICADO,
]
ETIQUETAS_DE_ESTADO = {
    Estado.ENVIADO: _("Por validar"),
    DEVUELTA: _("Devuelta con observaciones"),
    Estado.EN_CAPTURA: _("En captura"),
    SIN_CAPTURAR: _("Sin capturar"),
    Estado.VALIDADO_PARTIDO: _("Validada por el partido"),
    Estado.EN_REVISION: _("En revisión del IEEM"),
    Estado.CON_OBSERVACIONES: _("Con observaciones del IEEM"),
    Estado.CORREGIDO: _("Corregida, en espera del IEEM"),
    Estado.PUBLICADO: _("Publicada"),
}

ORDEN_ESTADO = "estado"
ORDEN_NOMBRE = "nombre"
ORDEN_CANDIDATURA = "candidatura"

# Por el nombre normalizado (sin acentos ni mayúsculas): «Álvarez» va con la «a» en SQLite y en
# PostgreSQL, sin depender de la intercalación de la base.
ORDEN_POR_NOMBRE = ("persona__nombre_normalizado", "pk")


def candidaturas_del_tablero(actor):
    """Las candidaturas vigentes del actor en procesos abiertos, cada una con `estado_captura` (un
    estado del flujo, `devuelta` o `sin_capturar`), `prioridad` (su lugar en ESTADOS_DEL_TABLERO,
    para ordenar) y `cuestionario_pk`.

    Cada dato es una subconsulta por fila sobre el índice único (persona, proceso) del cuestionario;
    ordenar por `prioridad` usa el alias, no repite las subconsultas.
    """
    # Devuelta: en captura con observaciones por atender que dejó la representación al devolverla
    # (el único movimiento de «enviado» a «en captura»; ver `Observacion.de_partido`).
    devuelta = Observacion.objects.filter(
        cuestionario_id=OuterRef("pk"),
        atendida=False,
        transicion__desde=Estado.ENVIADO,
        transicion__hacia=Estado.EN_CAPTURA,
    )
    estado = Case(
        When(Exists(devuelta), estado=Estado.EN_CAPTURA, then=Value(DEVUELTA)),
        default=F("estado"),
        output_field=CharField(),
    )
    cuestionario = (
        CuestionarioCurricular.objects.filter(
            persona_id=OuterRef("persona_id"), proceso_id=OuterRef("eleccion__proceso_id")
        )
        .order_by()  # sin el orden del modelo, que uniría persona y proceso en cada fila
        .annotate(
            estado_del_tablero=estado,
            prioridad=Case(
                *(When(estado_del_tablero=e, then=Value(n)) for n, e in enumerate(ESTADOS_DEL_TABLERO)),
                default=Value(len(ESTADOS_DEL_TABLERO)),
            ),
        )
    )
    return (
        Candidatura.objects.vigentes()
        .filter(actor=actor, eleccion__proceso__archivado=False)
        .annotate(
            estado_captura=Coalesce(
                Subquery(cuestionario.values("estado_del_tablero")[:1]), Value(SIN_CAPTURAR)
            ),
            prioridad=Coalesce(
                Subquery(cuestionario.values("prioridad")[:1]), Value(ESTADOS_DEL_TABLERO.index(SIN_CAPTURAR))
            ),
            cuestionario_pk=Subquery(cuestionario.values("pk")[:1]),
        )
    )


def buscar_por_nombre(candidaturas, texto):
    """Cada palabra de `texto` debe estar en el nombre, sin importar acentos ni mayúsculas.

    Compara contra `Persona.nombre_normalizado` (ya sin acentos ni mayúsculas, con índice trigram
    en PostgreSQL): igual en SQLite y en PostgreSQL, sin `unaccent`, que el proyecto no instala.
    """
    for palabra in normalizar(texto).split():
        candidaturas = candidaturas.filter(persona__nombre_normalizado__contains=palabra)
    return candidaturas


def filtrar(candidaturas, datos):
    """Aplica lo válido del formulario de filtros (`cleaned_data`) y su orden."""
    if datos.get("q"):
        candidaturas = buscar_por_nombre(candidaturas, datos["q"])
    if datos.get("cargo"):
        candidaturas = candidaturas.filter(cargo=datos["cargo"])
    candidaturas = candidaturas.con_filtros(municipio=datos.get("municipio"), distrito=datos.get("distrito"))
    if datos.get("estado"):
        candidaturas = candidaturas.filter(estado_captura=datos["estado"])
    return ordenar(candidaturas, datos.get("orden"))


def ordenar(candidaturas, orden):
    if orden == ORDEN_NOMBRE:
        return candidaturas.order_by(*ORDEN_POR_NOMBRE)
    if orden == ORDEN_CANDIDATURA:
        return candidaturas.en_orden_de_listado()
    return candidaturas.order_by("prioridad", *ORDEN_POR_NOMBRE)


def _texto_del_total(estado, n):
    """«12 por validar», «1 publicada»… con su plural y el número resaltado (cada cadena, literal
    para makemessages)."""
    textos = {
        Estado.ENVIADO: ngettext("{n} por validar", "{n} por validar", n),
        DEVUELTA: ngettext("{n} devuelta con observaciones", "{n} devueltas con observaciones", n),
        Estado.EN_CAPTURA: ngettext("{n} en captura", "{n} en captura", n),
        SIN_CAPTURAR: ngettext("{n} sin capturar", "{n} sin capturar", n),
        Estado.VALIDADO_PARTIDO: ngettext("{n} validada por el partido", "{n} validadas por el partido", n),
        Estado.EN_REVISION: ngettext("{n} en revisión del IEEM", "{n} en revisión del IEEM", n),
        Estado.CON_OBSERVACIONES: ngettext(
            "{n} con observaciones del IEEM", "{n} con observaciones del IEEM", n
        ),
        Estado.CORREGIDO: ngettext(
            "{n} corregida, en espera del IEEM", "{n} corregidas, en espera del IEEM", n
        ),
        Estado.PUBLICADO: ngettext("{n} publicada", "{n} publicadas", n),
    }
    return format_html(textos[estado], n=format_html('<span class="totales__numero">{}</span>', f"{n:,}"))


def totales(candidaturas):
    """[{estado, etiqueta, n, texto}] de todos los estados, en el orden del tablero (una consulta)."""
    cuantas = dict(
        candidaturas.order_by()
        .values("estado_captura")
        .annotate(n=Count("pk"))
        .values_list("estado_captura", "n")
    )
    return [
        {
            "estado": estado,
            "etiqueta": ETIQUETAS_DE_ESTADO[estado],
            "n": cuantas.get(estado, 0),
            "texto": _texto_del_total(estado, cuantas.get(estado, 0)),
        }
        for estado in ESTADOS_DEL_TABLERO
    ]
