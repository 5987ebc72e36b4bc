"""Estadísticas de participación (P16): reacciones y comentarios por actor, tipo de elección,
municipio y día. Son conteos de actividad, no datos personales: no se suprimen los pequeños.

`resumen_participacion(proceso)` entrega listas listas para `{% grafica_barras %}`; el parcial
`participacion/_estadisticas.html` las pinta con sus enlaces a CSV.

Una propuesta de plataforma cuenta para su actor y su tipo de plataforma, y para "Todo el
estado" en municipios (las plataformas no son de un municipio). Una propuesta de candidatura
cuenta para el actor, la elección y el municipio de la candidatura vigente de esa persona.
"""

from collections import Counter

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import ActorPolitico, Candidatura, Eleccion
from participacion.models import Comentario, Reaccion
from plataformas.models import PlataformaElectoral

SERIES = {
    "actor": gettext_lazy("Actor político"),
    "tipo": gettext_lazy("Tipo de elección"),
    "municipio": gettext_lazy("Municipio"),
    "dia": gettext_lazy("Día"),
}
TIPO_DE_PLATAFORMA = {
    PlataformaElectoral.Tipo.GUBERNATURA: Eleccion.Tipo.GUBERNATURA,
    PlataformaElectoral.Tipo.LEGISLATIVA: Eleccion.Tipo.DIPUTACION_MR,
    PlataformaElectoral.Tipo.MUNICIPAL: Eleccion.Tipo.AYUNTAMIENTO,
}
TODO_EL_ESTADO = "estado"


def _grupos(modelo, proceso, campo_fecha):
    """Conteos agrupados por objetivo y día, en una consulta por modelo."""
    consulta = modelo.objects.filter(
        Q(propuesta__plataforma__proceso=proceso) | Q(cuestionario__proceso=proceso)
    ).order_by()
    if modelo is Comentario:
        consulta = consulta.exclude(estado=Comentario.Estado.RECHAZADO)
    else:
        # Sólo lo contado: las reacciones marcadas por el tope por IP no entran (issue 16).
        consulta = consulta.filter(contada=True)
    return list(
        consulta.annotate(dia=TruncDate(campo_fecha, tzinfo=timezone.get_current_timezone()))
        .values(
            "dia",
            "cuestionario__persona_id",
            "propuesta__plataforma__actor_id",
            "propuesta__plataforma__tipo",
        )
        .annotate(n=Count("pk"))
    )


def _candidaturas_de(proceso, personas):
    """{persona_id: (actor_id, tipo de elección, municipio_id)} de su candidatura vigente."""
    datos = {}
    for c in (
        Candidatura.objects.vigentes()
        .filter(eleccion__proceso=proceso, persona_id__in=personas)
        .order_by("calidad", "numero", "pk")
        .values("persona_id", "actor_id", "eleccion__tipo", "eleccion__municipio_id")
    ):
        datos.setdefault(c["persona_id"], (c["actor_id"], c["eleccion__tipo"], c["eleccion__municipio_id"]))
    return datos


def _contar(grupos, candidaturas):
    cuentas = {serie: Counter() for serie in SERIES}
    for g in grupos:
        if g["propuesta__plataforma__actor_id"]:
            actor, tipo, municipio = (
                g["propuesta__plataforma__actor_id"],
                TIPO_DE_PLATAFORMA[g["propuesta__plataforma__tipo"]],
                TODO_EL_ESTADO,
            )
        else:
            actor, tipo, municipio = candidaturas.get(g["cuestionario__persona_id"], (None, None, None))
        for serie, clave in (
            ("actor", actor),
            ("tipo", tipo),
            ("municipio", municipio or TODO_EL_ESTADO),
            ("dia", g["dia"]),
        ):
            if clave is not None:
                cuentas[serie][clave] += g["n"]
    return cuentas


def tabla(proceso):
    """{serie: [(etiqueta, reacciones, comentarios, color)]} para gráficas y CSV. Cinco consultas."""
    grupos_r = _grupos(Reaccion, proceso, "actualizada")
    grupos_c = _grupos(Comentario, proceso, "creado")
    personas = {g["cuestionario__persona_id"] for g in grupos_r + grupos_c if g["cuestionario__persona_id"]}
    candidaturas = _candidaturas_de(proceso, personas) if personas else {}
    reacciones, comentarios = _contar(grupos_r, candidaturas), _contar(grupos_c, candidaturas)
    claves = {serie: set(reacciones[serie]) | set(comentarios[serie]) for serie in SERIES}
    actores = {a.pk: a for a in ActorPolitico.objects.filter(pk__in=claves["actor"])}
    municipios = dict(
        Eleccion.objects.filter(municipio_id__in=claves["municipio"] - {TODO_EL_ESTADO})
        .values_list("municipio_id", "municipio__nombre")
        .distinct()
    )
    etiquetas = {
        "actor": [
            (k, actores[k].siglas, actores[k].color)
            for k in sorted(claves["actor"], key=lambda k: (actores[k].orden, actores[k].siglas))
        ],
        "tipo": [(v, e, None) for v, e in Eleccion.Tipo.choices if v in claves["tipo"]],
        "municipio": sorted(
            [
                (
                    k,
                    municipios.get(k, _("Todo el estado (plataformas)"))
                    if k != TODO_EL_ESTADO
                    else _("Todo el estado (plataformas)"),
                    None,
                )
                for k in claves["municipio"]
            ],
            key=lambda t: (t[0] != TODO_EL_ESTADO, str(t[1])),
        ),
        "dia": [(d, formats.date_format(d, "d/m/Y"), None) for d in sorted(claves["dia"])],
    }
    return {
        serie: [
            (etiqueta, reacciones[serie][k], comentarios[serie][k], color)
            for k, etiqueta, color in etiquetas[serie]
        ]
        for serie in SERIES
    }


def resumen_participacion(proceso):
    """Las gráficas de participación de `proceso`: [{serie, id, url_csv, titulo_reacciones,
    reacciones, titulo_comentarios, comentarios}], donde `reacciones` y `comentarios` son las
    barras para `{% grafica_barras %}`."""
    resultado = []
    for serie, filas in tabla(proceso).items():
        nombre = str(SERIES[serie]).lower()
        resultado.append(
            {
                "serie": serie,
                "id": f"participacion-{serie}",
                "url_csv": reverse("participacion:estadisticas_csv", args=[serie])
                + f"?proceso={proceso.slug}",
                "titulo_reacciones": _("Reacciones por %(serie)s") % {"serie": nombre},
                "reacciones": [{"etiqueta": e, "valor": r, "color": k} for e, r, _c, k in filas],
                "titulo_comentarios": _("Comentarios recibidos por %(serie)s") % {"serie": nombre},
                "comentarios": [{"etiqueta": e, "valor": c, "color": k} for e, _r, c, k in filas],
            }
        )
    return resultado


def filas_csv(proceso, serie):
    encabezados = [str(SERIES[serie]), _("Reacciones"), _("Comentarios recibidos")]
    return encabezados, [(e, r, c) for e, r, c, _k in tabla(proceso)[serie]]
