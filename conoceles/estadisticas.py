"""Estadísticas de Conóceles (C10) y tablero de avance de la captura (C12).

Todo sale de las mismas lecturas públicas que el buscador y los perfiles (`conoceles.consultas`)
y de `RespuestaIdentidad.objects.para_estadistica()`. Cada conteo pasa por `proteger()`, la única
regla de protección de cifras pequeñas del portal (se explica en la página y en
docs/datos_abiertos.md):

1. Un conteo de 1 a 4 se muestra como «menos de 5». El 0 se muestra como 0.
2. En un grupo de cifras cuya suma se conoce (una fila con su total, las opciones de una pregunta
   de respuesta única) no basta con ocultar una sola cifra: se resta. Se ocultan también las
   cifras más pequeñas del grupo («dato protegido») hasta que la resta ya no da el valor de
   ninguna cifra oculta; si ni así se logra, se oculta el total.
3. Los porcentajes sólo acompañan a cifras visibles y se calculan sobre un total visible.

Cada función hace una consulta agregada, sin importar cuántas candidaturas haya.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import Candidatura, Eleccion, Persona
from conoceles.consultas import RANGOS_DE_EDAD, EstadoDeCaptura, candidaturas_publicas, filtro_de_edad
from cuestionarios.models import GradoDeEstudios, Opcion, Pregunta, RespuestaIdentidad

UMBRAL = 5
"""Conteos menores que este (y mayores que cero) nunca se publican."""

TEXTO_MENOS_DE_UMBRAL = gettext_lazy("menos de 5")
TEXTO_PROTEGIDO = gettext_lazy("dato protegido")

ESTADOS = [EstadoDeCaptura.PUBLICADA, EstadoDeCaptura.ENVIADA, EstadoDeCaptura.SIN_CAPTURA]
ETIQUETAS_DE_ESTADO = {
    EstadoDeCaptura.PUBLICADA: gettext_lazy("Publicada"),
    EstadoDeCaptura.ENVIADA: gettext_lazy("Enviada, en revisión"),
    EstadoDeCaptura.SIN_CAPTURA: gettext_lazy("Sin captura"),
}
COLORES_DE_ESTADO = {
    EstadoDeCaptura.PUBLICADA: "#1b6b3a",
    EstadoDeCaptura.ENVIADA: "#7a4b00",
    EstadoDeCaptura.SIN_CAPTURA: "#5b5b66",
}

DIMENSIONES = {
    "indigena": gettext_lazy("Personas indígenas"),
    "discapacidad": gettext_lazy("Personas con discapacidad"),
    "afromexicana": gettext_lazy("Personas afromexicanas"),
    "diversidad_sexual": gettext_lazy("Diversidad sexual"),
    "migrante": gettext_lazy("Personas migrantes"),
    "joven": gettext_lazy("Personas jóvenes"),
    "mayor": gettext_lazy("Personas mayores"),
    "ingresos": gettext_lazy("Nivel y fuente de ingresos"),
    "nacimiento": gettext_lazy("Entidad de nacimiento"),
}

SIN_DATO = ""


# --- Protección de cifras pequeñas -------------------------------------------------------------


@dataclass(frozen=True)
class Cifra:
    """Un conteo tal como se publica: `valor` es None si está protegido."""

    valor: int | None
    texto: str
    porcentaje: str = ""

    @property
    def protegida(self):
        return self.valor is None

    def como_barra(self, etiqueta, color=None):
        """El dict que espera `{% grafica_barras %}`."""
        return {"etiqueta": etiqueta, "valor": self.valor, "texto": self.texto, "color": color}


def _visible(valor):
    return Cifra(valor, number_format(valor, force_grouping=True))


def _es_segura(conteos, primarias, secundarias):
    """¿Puede alguien deducir una cifra oculta restando las visibles al total?

    Quien mira sabe la suma S de las ocultas, que cada primaria vale de 1 a 4 y cada secundaria 5
    o más. Con sólo primarias, la suma las delata si todas valen 1 o todas 4. Con secundarias,
    las delata si S − 5·(secundarias) ≤ número de primarias (todas las primarias valdrían 1).
    """
    p, m = len(primarias), len(secundarias)
    suma = sum(conteos[i] for i in primarias | secundarias)
    if m == 0:
        return p >= 2 and p < suma < (UMBRAL - 1) * p
    return suma - UMBRAL * m > p


def proteger(conteos, *, suma_conocida=True):
    """Aplica la regla del módulo a un grupo de conteos. Devuelve `(cifras, total)`.

    `suma_conocida`: el total del grupo se publica (o se deduce de otra cifra publicada). Si es
    falso, como en las preguntas de varias opciones, sólo se aplica el paso 1. `total` es la
    Cifra del total (con `valor` None si hubo que ocultarlo).
    """
    conteos = [int(c) for c in conteos]
    primarias = {i for i, valor in enumerate(conteos) if 0 < valor < UMBRAL}
    secundarias = set()
    total_oculto = False
    if suma_conocida and primarias:
        candidatas = sorted((valor, i) for i, valor in enumerate(conteos) if valor >= UMBRAL)
        while not _es_segura(conteos, primarias, secundarias):
            if not candidatas:
                total_oculto = True
                break
            secundarias.add(candidatas.pop(0)[1])

    total_valor = sum(conteos)
    if total_oculto:
        total = Cifra(None, str(TEXTO_PROTEGIDO))
    elif 0 < total_valor < UMBRAL:
        total = Cifra(None, str(TEXTO_MENOS_DE_UMBRAL))
    else:
        total = _visible(total_valor)

    cifras = []
    for i, valor in enumerate(conteos):
        if i in primarias:
            cifras.append(Cifra(None, str(TEXTO_MENOS_DE_UMBRAL)))
        elif i in secundarias:
            cifras.append(Cifra(None, str(TEXTO_PROTEGIDO)))
        elif total.valor:
            porcentaje = number_format(round(100 * valor / total.valor)) + "%"
            cifras.append(Cifra(valor, number_format(valor, force_grouping=True), porcentaje))
        else:
            cifras.append(_visible(valor))
    return cifras, total


def cifra(valor):
    """Un conteo suelto (sin total que lo delate)."""
    return proteger([valor], suma_conocida=False)[0][0]


# --- Avance de la captura (C12) ----------------------------------------------------------------


@dataclass
class FilaDeAvance:
    """Una fila del tablero: cuántas candidaturas publicaron, enviaron o no capturaron."""

    encabezados: list
    cifras: list = field(default_factory=list)
    total: Cifra | None = None

    @classmethod
    def desde_conteos(cls, encabezados, por_estado):
        cifras, total = proteger([por_estado.get(estado, 0) for estado in ESTADOS])
        return cls(encabezados=encabezados, cifras=cifras, total=total)


def _conteos_por(candidaturas, *campos):
    """{(valores de `campos`…): {estado: n}} en una sola consulta agregada."""
    filas = candidaturas.values(*campos, "estado_captura").annotate(n=Count("id")).order_by()
    resultado = defaultdict(dict)
    for fila in filas:
        resultado[tuple(fila[c] for c in campos)][fila["estado_captura"]] = fila["n"]
    return resultado


def avance_por_actor_y_cargo(candidaturas):
    """Filas (actor, cargo) en el orden de los actores y de los cargos. También devuelve el
    avance general, que es la suma de estas filas (así no cuesta otra consulta)."""
    conteos = _conteos_por(candidaturas, "actor__orden", "actor__siglas", "actor__nombre", "cargo")
    orden_cargo = {valor: n for n, valor in enumerate(Candidatura.Cargo.values)}
    etiquetas_cargo = dict(Candidatura.Cargo.choices)
    filas, general = [], defaultdict(int)
    for clave in sorted(conteos, key=lambda c: (c[0], c[1], orden_cargo.get(c[3], 99))):
        _orden, siglas, nombre, cargo = clave
        for estado, n in conteos[clave].items():
            general[estado] += n
        filas.append(
            FilaDeAvance.desde_conteos(
                [{"texto": siglas, "titulo": nombre}, {"texto": str(etiquetas_cargo.get(cargo, cargo))}],
                conteos[clave],
            )
        )
    return filas, FilaDeAvance.desde_conteos([{"texto": _("Todas las candidaturas")}], general)


def avance_por_municipio(candidaturas):
    """Las planillas de ayuntamiento de cada municipio (presidencia, sindicaturas y regidurías)."""
    conteos = _conteos_por(
        candidaturas.filter(eleccion__tipo=Eleccion.Tipo.AYUNTAMIENTO), "eleccion__municipio__nombre"
    )
    return [FilaDeAvance.desde_conteos([{"texto": clave[0]}], conteos[clave]) for clave in sorted(conteos)]


def avance_por_distrito(candidaturas):
    """Las fórmulas de diputación de mayoría relativa de cada distrito local."""
    conteos = _conteos_por(
        candidaturas.filter(eleccion__tipo=Eleccion.Tipo.DIPUTACION_MR),
        "eleccion__distrito_local__numero",
        "eleccion__distrito_local__cabecera",
    )
    filas = []
    for numero, cabecera in sorted(conteos):
        etiqueta = _("Distrito %(numero)s, %(cabecera)s") % {
            "numero": numero,
            "cabecera": cabecera.title().replace(" De ", " de ").replace(" Del ", " del "),
        }
        filas.append(FilaDeAvance.desde_conteos([{"texto": etiqueta}], conteos[(numero, cabecera)]))
    return filas


# --- Quiénes son las candidaturas (C10) ---------------------------------------------------------


def _barras(categorias, conteos, *, suma_conocida=True):
    """`categorias`: [(clave, etiqueta)]; devuelve las barras con sus cifras ya protegidas."""
    cifras, total = proteger(
        [conteos.get(clave, 0) for clave, _etiqueta in categorias], suma_conocida=suma_conocida
    )
    barras = [c.como_barra(str(etiqueta)) for c, (_clave, etiqueta) in zip(cifras, categorias, strict=True)]
    return {"barras": barras, "total": total}


def por_sexo(candidaturas):
    conteos = dict(candidaturas.values_list("persona__sexo").annotate(n=Count("id")).order_by())
    return _barras(list(Persona.Sexo.choices), conteos)


def por_rango_de_edad(candidaturas, proceso):
    """Edad el día de la jornada (o la registrada, si no hay fecha de nacimiento)."""
    rango = Case(
        *(When(filtro_de_edad(proceso, clave), then=Value(clave)) for clave, *_resto in RANGOS_DE_EDAD),
        default=Value(SIN_DATO),
        output_field=CharField(),
    )
    conteos = dict(candidaturas.annotate(rango=rango).values_list("rango").annotate(n=Count("id")).order_by())
    categorias = [(clave, etiqueta) for clave, _min, _max, etiqueta in RANGOS_DE_EDAD]
    if conteos.get(SIN_DATO):
        categorias.append((SIN_DATO, _("Sin dato de edad")))
    return _barras(categorias, conteos)


def por_grado_de_estudios(candidaturas):
    """Sólo de cuestionarios publicados; las demás candidaturas van en «Sin información publicada»."""
    conteos = dict(candidaturas.values_list("grado_publicado").annotate(n=Count("id")).order_by())
    sin_informacion = conteos.pop(None, 0) + conteos.pop(SIN_DATO, 0)
    conteos[SIN_DATO] = sin_informacion
    categorias = list(GradoDeEstudios.choices) + [(SIN_DATO, _("Sin información publicada"))]
    return _barras(categorias, conteos)


# --- Cuestionario de identidad (C10) ------------------------------------------------------------


def identidad_por_dimension(proceso, candidaturas):
    """Una sección por dimensión y, dentro, una gráfica por pregunta.

    Cuenta personas (no candidaturas): una persona con dos candidaturas cuenta una vez por opción.
    Sólo respuestas publicadas de quien autorizó el uso estadístico y sigue con una candidatura
    vigente (del cargo filtrado, si lo hay) en el proceso. Dos consultas: catálogo y conteos.
    """
    opciones = list(
        Opcion.objects.filter(pregunta__activa=True)
        .select_related("pregunta", "padre")
        .order_by("pregunta__numero", "orden", "id")
    )
    conteos = dict(
        RespuestaIdentidad.objects.para_estadistica()
        .filter(
            cuestionario__proceso=proceso,
            cuestionario__persona__in=candidaturas.values("persona_id"),
        )
        .values_list("opcion_id")
        .annotate(personas=Count("cuestionario__persona", distinct=True))
        .order_by()
    )
    preguntas = {}
    for opcion in opciones:
        etiqueta = f"{opcion.padre.texto}: {opcion.texto}" if opcion.padre_id else opcion.texto
        preguntas.setdefault(opcion.pregunta, []).append((opcion.pk, etiqueta))
    dimensiones = {}
    for pregunta, categorias in preguntas.items():
        grafica = _barras(categorias, conteos, suma_conocida=pregunta.tipo == Pregunta.Tipo.UNA)
        grafica.update(
            {
                "pregunta": pregunta,
                "slug": f"identidad-p{pregunta.numero:02d}",
                "nota": _("Cada persona puede elegir varias opciones.")
                if pregunta.tipo == Pregunta.Tipo.VARIAS
                else "",
            }
        )
        titulo = DIMENSIONES.get(pregunta.dimension) or pregunta.dimension.replace("_", " ").capitalize()
        dimensiones.setdefault(pregunta.dimension, {"titulo": str(titulo), "graficas": []})[
            "graficas"
        ].append(grafica)
    return list(dimensiones.values())


# --- Todo junto, para la página y sus CSV ------------------------------------------------------


def estadisticas_del_proceso(proceso, *, cargo=""):
    """Todas las cifras de la página, en un número fijo de consultas (ocho)."""
    candidaturas = candidaturas_publicas(proceso)
    if cargo:
        candidaturas = candidaturas.filter(cargo=cargo)
    por_actor, general = avance_por_actor_y_cargo(candidaturas)
    barras_avance = [
        cifra.como_barra(str(ETIQUETAS_DE_ESTADO[estado]), COLORES_DE_ESTADO[estado])
        for cifra, estado in zip(general.cifras, ESTADOS, strict=True)
    ]
    return {
        "general": general,
        "avance": {"barras": barras_avance, "total": general.total},
        "por_actor": {"columnas": [_("Actor político"), _("Cargo")], "filas": por_actor},
        "por_municipio": {"columnas": [_("Municipio")], "filas": avance_por_municipio(candidaturas)},
        "por_distrito": {"columnas": [_("Distrito local")], "filas": avance_por_distrito(candidaturas)},
        "sexo": por_sexo(candidaturas),
        "edad": por_rango_de_edad(candidaturas, proceso),
        "escolaridad": por_grado_de_estudios(candidaturas),
        "identidad": identidad_por_dimension(proceso, candidaturas),
    }


def _encabezados_de_avance(primeros):
    encabezados = list(primeros)
    for estado in ESTADOS:
        encabezados += [estado, f"{estado}_porcentaje"]
    return encabezados + ["total"]


def _plano(valor, texto):
    """En el CSV, la cifra como número sin formato (4792, no «4,792»); el texto sólo si está
    protegida («menos de 5»)."""
    return valor if valor is not None else texto


def _fila_csv_de_avance(fila):
    celdas = [e["texto"] for e in fila.encabezados]
    total = fila.total.valor
    for c in fila.cifras:
        porcentaje = round(100 * c.valor / total, 1) if c.valor is not None and total else ""
        celdas += [_plano(c.valor, c.texto), porcentaje]
    return celdas + [_plano(fila.total.valor, fila.total.texto)]


def _tabla_de_barras(grafica, nombre_categoria="categoria"):
    encabezados = [nombre_categoria, "cantidad"]
    return encabezados, [[b["etiqueta"], _plano(b.get("valor"), b["texto"])] for b in grafica["barras"]]


def tabla_csv(estadisticas, grafica):
    """(encabezados, filas) del CSV de una gráfica o tabla, con las mismas cifras protegidas que
    la página. None si `grafica` no existe."""
    if grafica == "avance":
        return _encabezados_de_avance(["grupo"]), [_fila_csv_de_avance(estadisticas["general"])]
    if grafica == "avance-actor-cargo":
        filas = estadisticas["por_actor"]["filas"]
        return _encabezados_de_avance(["actor_politico", "cargo"]), [_fila_csv_de_avance(f) for f in filas]
    if grafica == "avance-municipio":
        filas = estadisticas["por_municipio"]["filas"]
        return _encabezados_de_avance(["municipio"]), [_fila_csv_de_avance(f) for f in filas]
    if grafica == "avance-distrito":
        filas = estadisticas["por_distrito"]["filas"]
        return _encabezados_de_avance(["distrito_local"]), [_fila_csv_de_avance(f) for f in filas]
    if grafica in ("sexo", "edad", "escolaridad"):
        return _tabla_de_barras(estadisticas[grafica], grafica)
    for dimension in estadisticas["identidad"]:
        for pregunta in dimension["graficas"]:
            if pregunta["slug"] == grafica:
                encabezados = ["pregunta", "opcion", "personas"]
                texto = pregunta["pregunta"].texto.strip()
                return encabezados, [
                    [texto, b["etiqueta"], _plano(b.get("valor"), b["texto"])] for b in pregunta["barras"]
                ]
    return None
