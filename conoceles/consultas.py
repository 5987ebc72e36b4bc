"""Las lecturas públicas de Conóceles: una sola fuente para la búsqueda, los perfiles, la
comparación, las estadísticas y los datos abiertos.

Qué es público:
- las candidaturas vigentes (ni sustituidas ni canceladas) del proceso, con sus datos de registro;
- el cuestionario curricular sólo si está publicado (sus campos guardan siempre la versión publicada);
- las respuestas de identidad sólo con autorización de publicación vigente (`publicables()`), y
  en estadísticas sólo con autorización estadística vigente (`para_estadistica()`).
"""

import datetime
import json
from array import array

from django.core.paginator import Paginator
from django.db.models import Case, CharField, Exists, OuterRef, Q, Subquery, Value, When
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Candidatura
from comun.cache_publica import memorizar
from comun.texto import son_digitos
from cuestionarios.models import CuestionarioCurricular, Estado, RespuestaIdentidad


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


def _cuestionario_de_la_candidatura():
    # Sin orden: el `ordering` del modelo metería dos JOIN más en cada subconsulta.
    return CuestionarioCurricular.objects.filter(
        persona=OuterRef("persona"), proceso=OuterRef("eleccion__proceso")
    ).order_by()


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


def anotar_estado_de_captura(candidaturas):
    """Lo mismo que `con_estado_de_captura` para una lista ya traída (una página, un perfil, una
    comparación), con una sola consulta sencilla a los cuestionarios de esas personas.

    Las cinco subconsultas correlacionadas por fila costaban más en planearse y compilarse que en
    ejecutarse (~10 ms por página de 24 o 50 en PostgreSQL, docs/rendimiento.md). Cada candidatura
    necesita `eleccion` ya traída (p. ej. con `para_listado()`). Devuelve la lista."""
    lista = list(candidaturas)
    if not lista:
        return lista
    filas = (
        CuestionarioCurricular.objects.filter(
            persona_id__in={c.persona_id for c in lista},
            proceso_id__in={c.eleccion.proceso_id for c in lista},
        )
        .order_by()
        .values_list("persona_id", "proceso_id", "pk", "estado", "publicado_en", "foto", "grado_estudios")
    )
    por_persona = {(f[0], f[1]): f for f in filas}
    for c in lista:
        fila = por_persona.get((c.persona_id, c.eleccion.proceso_id))
        if fila is None:
            _poner_estado(c, None, None, None)
        else:
            _poner_estado(c, *fila[2:])
    return lista


def _poner_estado(candidatura, cuestionario_id, estado, publicado_en, foto=None, grado_estudios=None):
    """Los atributos que `con_estado_de_captura` anota, a partir de la fila del cuestionario (o None)."""
    publicado = cuestionario_id is not None and publicado_en is not None
    if publicado:
        candidatura.estado_captura = EstadoDeCaptura.PUBLICADA
    elif cuestionario_id is not None and estado != Estado.EN_CAPTURA:
        candidatura.estado_captura = EstadoDeCaptura.ENVIADA
    else:
        candidatura.estado_captura = EstadoDeCaptura.SIN_CAPTURA
    candidatura.cuestionario_id, candidatura.foto_publicada, candidatura.grado_publicado = (
        (cuestionario_id, foto, grado_estudios) if publicado else (None, None, None)
    )


def candidaturas_publicas(proceso):
    """Candidaturas vigentes del proceso, con lo que pinta su tarjeta, en una sola consulta."""
    return con_estado_de_captura(Candidatura.objects.vigentes().filter(eleccion__proceso=proceso))


ORDEN_POR_NOMBRE = ("persona__primer_apellido", "persona__segundo_apellido", "persona__nombre", "pk")


def posiciones_por_nombre(candidaturas):
    """{id: lugar} de `candidaturas` ordenadas por nombre (una consulta; ~18 ms para 9,700)."""
    return {
        pk: i for i, pk in enumerate(candidaturas.order_by(*ORDEN_POR_NOMBRE).values_list("pk", flat=True))
    }


def _ordenar_por_posicion(candidaturas, posiciones):
    """Los identificadores de `candidaturas` en el orden de `posiciones` (las que no están, al final
    por id). Sin ORDER BY: PostgreSQL ya no ordena miles de nombres con la intercalación del español
    en cada filtro nuevo (12 → 4 ms con 4,800 suplentes)."""
    ultimo = len(posiciones)
    return sorted(
        candidaturas.order_by().values_list("pk", flat=True), key=lambda pk: (posiciones.get(pk, ultimo), pk)
    )


def pagina_de_resultados(candidaturas, numero, por_pagina, *, posiciones, memoria):
    """Página `numero` de `candidaturas` por nombre, con lo que pinta cada tarjeta.

    Primero ordena y corta sólo los identificadores (filas angostas) y luego trae con su estado de
    captura nada más las candidaturas de la página: así el costo no crece con el proceso. El orden
    sale de `posiciones` (de `posiciones_por_nombre` sobre un conjunto que contiene a `candidaturas`).

    Con `memoria=(nombre, alcances)` la lista ordenada de identificadores se memoriza en el proceso
    de gunicorn (ver `comun.cache_publica.memorizar`) mientras no cambien esos alcances: pasar de
    página o volver a los mismos filtros ya no filtra ni ordena de nuevo. Se guarda como `array` de
    enteros (8 bytes por candidatura).
    """
    nombre, alcances = memoria
    ordenadas = memorizar(
        nombre, alcances, lambda: array("q", _ordenar_por_posicion(candidaturas, posiciones))
    )
    pagina = Paginator(ordenadas, por_pagina).get_page(numero)
    identificadores = list(pagina.object_list)
    por_id = {
        c.pk: c
        for c in anotar_estado_de_captura(Candidatura.objects.filter(pk__in=identificadores).para_ficha())
    }
    pagina.object_list = [por_id[i] for i in identificadores]
    return pagina


def con_grado_de_estudios(candidaturas, grado):
    publicado = _cuestionario_de_la_candidatura().filter(publicado_en__isnull=False, grado_estudios=grado)
    return candidaturas.filter(Exists(publicado))


def cuestionario_publicado(candidatura):
    """El cuestionario curricular publicado de la persona en el proceso de la candidatura, o None."""
    return (
        CuestionarioCurricular.objects.publicados()
        .select_related("proceso")
        .filter(persona_id=candidatura.persona_id, proceso_id=candidatura.eleccion.proceso_id)
        .first()
    )


def edad_de(candidatura):
    return candidatura.persona.edad_en(candidatura.eleccion.proceso.fecha_jornada)


# --- Perfil y comparación -----------------------------------------------------------------------

# Partes del cuestionario curricular tal como se muestran en el perfil y la comparación:
# (clave de la parte para su fecha, título, campos).
PARTES_DEL_PERFIL = [
    ("formacion", _("Formación académica"), ("grado_estudios", "estatus_estudios", "otra_formacion")),
    ("historia", _("Historia profesional y laboral"), ("historia_profesional",)),
    ("trayectoria", _("Trayectoria política"), ("trayectoria_politica",)),
    ("motivacion", _("¿Por qué quiere ocupar el cargo?"), ("por_que_quiero_el_cargo",)),
    ("propuestas", _("Propuestas"), ("propuesta_1", "propuesta_2", "propuesta_genero")),
]

REDES = [
    ("pagina_web", _("Página web")),
    ("facebook", _("Facebook")),
    ("x_twitter", _("X (antes Twitter)")),
    ("instagram", _("Instagram")),
    ("tiktok", _("TikTok")),
    ("youtube", _("YouTube")),
    ("otra_red", _("Otra red social")),
]


def sustituta_vigente(candidatura):
    """La candidatura vigente que ocupa hoy el lugar de `candidatura` (sigue la cadena de sustituciones)."""
    actual = candidatura
    for _vuelta in range(20):
        siguiente = Candidatura.objects.filter(sustituye=actual).select_related("persona").first()
        if siguiente is None or siguiente.vigente:
            return siguiente
        actual = siguiente
    return None


def medios_de_contacto(cuestionario):
    """[(etiqueta, enlace, texto)] de los medios públicos de contacto (enlace None si no lo es)."""
    if cuestionario is None:
        return []
    medios = []
    for campo, etiqueta in REDES:
        valor = getattr(cuestionario, campo)
        if valor:
            medios.append((etiqueta, valor, valor))
    if cuestionario.correo_publico:
        medios.append(
            (_("Correo electrónico"), f"mailto:{cuestionario.correo_publico}", cuestionario.correo_publico)
        )
    if cuestionario.telefono_publico:
        digitos = "".join(c for c in cuestionario.telefono_publico if son_digitos(c) or c == "+")
        medios.append((_("Teléfono"), f"tel:{digitos}", cuestionario.telefono_publico))
    if cuestionario.domicilio_campana:
        medios.append((_("Casa de campaña"), None, cuestionario.domicilio_campana))
    return medios


def respuestas_publicables(persona_id, proceso_id):
    """Respuestas de identidad que el público puede ver, agrupadas por pregunta, en orden."""
    respuestas = (
        RespuestaIdentidad.objects.publicables()
        .con_catalogo()
        .filter(cuestionario__persona_id=persona_id, cuestionario__proceso_id=proceso_id)
        .order_by("pregunta__numero", "opcion__orden")
    )
    agrupadas = []
    for respuesta in respuestas:
        if not agrupadas or agrupadas[-1]["pregunta"].pk != respuesta.pregunta_id:
            agrupadas.append({"pregunta": respuesta.pregunta, "respuestas": []})
        agrupadas[-1]["respuestas"].append(respuesta)
    return agrupadas


def ficha_completa(candidatura):
    """Todo lo que muestra el perfil público, en un número fijo de consultas (3): el cuestionario de
    la persona en el proceso (de él sale también el estado de captura), sus demás candidaturas junto
    con su pareja de fórmula, y sus respuestas de identidad publicables. Deja en `candidatura` lo que
    anota `anotar_estado_de_captura`."""
    proceso = candidatura.eleccion.proceso
    cuestionario = (
        CuestionarioCurricular.objects.select_related("proceso")
        .filter(persona_id=candidatura.persona_id, proceso_id=proceso.pk)
        .order_by()
        .first()
    )
    if cuestionario is None:
        _poner_estado(candidatura, None, None, None)
    else:
        _poner_estado(
            candidatura,
            cuestionario.pk,
            cuestionario.estado,
            cuestionario.publicado_en,
            cuestionario.foto.name,
            cuestionario.grado_estudios,
        )
        if cuestionario.publicado_en is None:
            cuestionario = None  # sólo lo publicado es público
    # Su pareja de fórmula (el mismo lugar, la otra calidad) y sus demás candidaturas vigentes, también
    # en otros procesos (MR, RP, extraordinarias), en una sola consulta.
    mismo_lugar = Q(
        eleccion_id=candidatura.eleccion_id,
        actor_id=candidatura.actor_id,
        cargo=candidatura.cargo,
        numero=candidatura.numero,
    )
    relacionadas = list(
        Candidatura.objects.vigentes()
        .filter(Q(persona_id=candidatura.persona_id) | (mismo_lugar & ~Q(calidad=candidatura.calidad)))
        .exclude(pk=candidatura.pk)
        .para_ficha()
        .order_by("-eleccion__proceso__anio", "eleccion__proceso__nombre", "pk")
    )
    otras = [c for c in relacionadas if c.persona_id == candidatura.persona_id]
    pareja = next(
        (
            c
            for c in relacionadas
            if (c.eleccion_id, c.actor_id, c.cargo, c.numero)
            == (candidatura.eleccion_id, candidatura.actor_id, candidatura.cargo, candidatura.numero)
            and c.calidad != candidatura.calidad
        ),
        None,
    )
    partes = []
    for clave, titulo, campos in PARTES_DEL_PERFIL:
        valores = {campo: getattr(cuestionario, campo, "") for campo in campos} if cuestionario else {}
        partes.append(
            {
                "clave": clave,
                "titulo": titulo,
                "valores": valores,
                "vacia": not any(valores.values()),
                "fecha": cuestionario.fecha_de_parte(clave) if cuestionario else None,
            }
        )
    return {
        "candidatura": candidatura,
        "proceso": proceso,
        "cuestionario": cuestionario,
        "fecha_contacto": cuestionario.fecha_de_parte("contacto") if cuestionario else None,
        "json_ld": persona_json_ld(candidatura, cuestionario),
        "partes": partes,
        "contactos": medios_de_contacto(cuestionario),
        "identidad": respuestas_publicables(candidatura.persona_id, proceso.pk),
        "pareja": pareja,
        "otras_candidaturas": otras,
        "edad": edad_de(candidatura),
    }


def persona_json_ld(candidatura, cuestionario):
    """schema.org Person del perfil, listo para ir dentro de <script type="application/ld+json">."""
    datos = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": candidatura.persona.nombre_completo,
        "gender": candidatura.persona.get_sexo_display(),
        "affiliation": {"@type": "PoliticalParty", "name": candidatura.actor.nombre},
        "jobTitle": str(_("Candidatura a %(cargo)s, %(eleccion)s"))
        % {"cargo": candidatura.etiqueta_cargo, "eleccion": candidatura.eleccion.nombre},
    }
    if cuestionario is not None:
        enlaces = [getattr(cuestionario, campo) for campo, _etiqueta in REDES if getattr(cuestionario, campo)]
        if enlaces:
            datos["sameAs"] = enlaces
        if cuestionario.correo_publico:
            datos["email"] = cuestionario.correo_publico
    texto = json.dumps(datos, ensure_ascii=False)
    # Mismos escapes que json_script: nada dentro puede cerrar la etiqueta <script>.
    return mark_safe(texto.translate({ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}))


def comparacion(candidaturas):
    """Filas idénticas para comparar candidaturas de una contienda (2 consultas en total)."""
    proceso_id = candidaturas[0].eleccion.proceso_id
    cuestionarios = {
        c.persona_id: c
        for c in CuestionarioCurricular.objects.publicados().filter(
            proceso_id=proceso_id, persona_id__in=[c.persona_id for c in candidaturas]
        )
    }
    columnas = [
        {"candidatura": c, "cuestionario": cuestionarios.get(c.persona_id), "edad": edad_de(c)}
        for c in candidaturas
    ]

    def fila(titulo, valor_de, largo=False):
        celdas = [(col["candidatura"].persona.nombre_completo, valor_de(col)) for col in columnas]
        return {"titulo": titulo, "largo": largo, "celdas": celdas}

    def del_cuestionario(campo, mostrar=None):
        def valor(col):
            cuestionario = col["cuestionario"]
            if cuestionario is None or not getattr(cuestionario, campo):
                return ""
            return mostrar(cuestionario) if mostrar else getattr(cuestionario, campo)

        return valor

    filas = [
        fila(_("Partido, coalición o candidatura"), lambda col: col["candidatura"].actor.nombre),
        fila(_("Calidad"), lambda col: col["candidatura"].etiqueta_calidad),
        fila(_("Sexo"), lambda col: col["candidatura"].persona.get_sexo_display()),
        fila(
            _("Edad el día de la jornada"),
            lambda col: _("%(edad)s años") % {"edad": col["edad"]} if col["edad"] else "",
        ),
        fila(
            _("Grado máximo de estudios"),
            del_cuestionario("grado_estudios", lambda c: c.get_grado_estudios_display()),
        ),
        fila(
            _("Estatus de los estudios"),
            del_cuestionario("estatus_estudios", lambda c: c.get_estatus_estudios_display()),
        ),
        fila(_("Otra formación"), del_cuestionario("otra_formacion"), largo=True),
        fila(_("Historia profesional y laboral"), del_cuestionario("historia_profesional"), largo=True),
        fila(_("Trayectoria política"), del_cuestionario("trayectoria_politica"), largo=True),
        fila(_("¿Por qué quiere ocupar el cargo?"), del_cuestionario("por_que_quiero_el_cargo"), largo=True),
        fila(_("Propuesta 1"), del_cuestionario("propuesta_1"), largo=True),
        fila(_("Propuesta 2"), del_cuestionario("propuesta_2"), largo=True),
        fila(
            _("Propuesta de género o grupo en situación de discriminación"),
            del_cuestionario("propuesta_genero"),
            largo=True,
        ),
    ]
    return {"columnas": columnas, "filas": filas, "eleccion": candidaturas[0].eleccion}
