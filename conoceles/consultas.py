"""Las lecturas públicas de Conóceles: una sola fuente para la búsqueda, los perfiles, la
comparación, las estadísticas y los datos abiertos.

Qué es público:
- las candidaturas vigentes (ni sustituidas ni canceladas) del proceso, con sus datos de registro;
- el cuestionario curricular sólo si está publicado (sus campos guardan siempre la versión publicada);
- las respuestas de identidad sólo con autorización de publicación vigente (`publicables()`), y
  en estadísticas sólo con autorización estadística vigente (`para_estadistica()`).
"""

import datetime

from django.db.models import Case, CharField, Exists, OuterRef, Q, Subquery, Value, When
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Candidatura
from cuestionarios.models import CuestionarioCurricular, Estado


class EstadoDeCaptura:
    PUBLICADA = "publicada"
    ENVIADA = "enviada"
    SIN_CAPTURA = "sin_captura"

    ETIQUETAS = {
        PUBLICADA: _("Información publicada"),
        ENVIADA: _("Información enviada, en revisión del IEEM"),
        SIN_CAPTURA: _("Sin información capturada"),
    }


# Rangos de edad a la fecha de la jornada (los de IEEN 2024, spec §7).
RANGOS_DE_EDAD = [
    ("18-24", 18, 24, _("18 a 24 años")),
    ("25-29", 25, 29, _("25 a 29 años")),
    ("30-39", 30, 39, _("30 a 39 años")),
    ("40-49", 40, 49, _("40 a 49 años")),
    ("50-59", 50, 59, _("50 a 59 años")),
    ("60+", 60, None, _("60 años o más")),
]


def _restar_anios(fecha, anios):
    try:
        return fecha.replace(year=fecha.year - anios)
    except ValueError:  # 29 de febrero
        return fecha.replace(year=fecha.year - anios, day=28)


def filtro_de_edad(proceso, clave):
    """Q que deja las candidaturas cuya persona tiene la edad del rango `clave` el día de la jornada."""
    _clave, minimo, maximo, _etiqueta = next(r for r in RANGOS_DE_EDAD if r[0] == clave)
    jornada = proceso.fecha_jornada or datetime.date(proceso.anio, 6, 1)
    por_fecha = Q(persona__fecha_nacimiento__lte=_restar_anios(jornada, minimo))
    por_edad = Q(persona__edad_registrada__gte=minimo)
    if maximo is not None:
        por_fecha &= Q(persona__fecha_nacimiento__gt=_restar_anios(jornada, maximo + 1))
        por_edad &= Q(persona__edad_registrada__lte=maximo)
    return por_fecha | (Q(persona__fecha_nacimiento__isnull=True) & por_edad)


def rango_de_edad(edad):
    """Clave del rango de edad de `edad` (o None si no se conoce o es menor de 18)."""
    if edad is None:
        return None
    for clave, minimo, maximo, _etiqueta in RANGOS_DE_EDAD:
        if edad >= minimo and (maximo is None or edad <= maximo):
            return clave
    return None


def _cuestionario_de_la_candidatura():
    return CuestionarioCurricular.objects.filter(
        persona=OuterRef("persona"), proceso=OuterRef("eleccion__proceso")
    )


def con_estado_de_captura(candidaturas):
    """Anota a cada candidatura `estado_captura` (publicada / enviada / sin_captura), y de su
    cuestionario publicado `foto_publicada`, `grado_publicado` y `cuestionario_id`."""
    cuestionario = _cuestionario_de_la_candidatura()
    publicado = cuestionario.filter(publicado_en__isnull=False)
    return candidaturas.para_listado().annotate(
        estado_captura=Case(
            When(Exists(publicado), then=Value(EstadoDeCaptura.PUBLICADA)),
            When(
                Exists(cuestionario.exclude(estado=Estado.EN_CAPTURA)),
                then=Value(EstadoDeCaptura.ENVIADA),
            ),
            default=Value(EstadoDeCaptura.SIN_CAPTURA),
            output_field=CharField(),
        ),
        cuestionario_id=Subquery(publicado.values("pk")[:1]),
        foto_publicada=Subquery(publicado.values("foto")[:1]),
        grado_publicado=Subquery(publicado.values("grado_estudios")[:1]),
    )


def candidaturas_publicas(proceso):
    """Candidaturas vigentes del proceso, con lo que pinta su tarjeta, en una sola consulta."""
    return con_estado_de_captura(Candidatura.objects.vigentes().filter(eleccion__proceso=proceso))


def con_grado_de_estudios(candidaturas, grado):
    publicado = _cuestionario_de_la_candidatura().filter(publicado_en__isnull=False, grado_estudios=grado)
    return candidaturas.filter(Exists(publicado))


def cuestionario_publicado(candidatura):
    """El cuestionario curricular publicado de la persona en el proceso de la candidatura, o None."""
    return (
        CuestionarioCurricular.objects.publicados()
        .filter(persona_id=candidatura.persona_id, proceso_id=candidatura.eleccion.proceso_id)
        .first()
    )


def edad_de(candidatura):
    return candidatura.persona.edad_en(candidatura.eleccion.proceso.fecha_jornada)
