"""Estadísticas de Conóceles (C10) y tablero de avance de la captura (C12).

Todo sale de las mismas lecturas públicas que el buscador y los perfiles (`conoceles.consultas`)
y de `RespuestaIdentidad.objects.para_estadistica()`. Cada conteo pasa por `proteger()`, la única
regla de protección de cifras pequeñas del portal (se explica en la página y en
docs/datos_abiertos.md):

1. Un conteo de 1 a 4 se muestra como «menos de 5». En las cifras del registro de candidaturas
   (avance, sexo, edad, estudios: datos que ya son públicos) el 0 se muestra como 0; en las que
   salen del cuestionario de identidad el 0 también se muestra como «menos de 5»: si no, cuando
   una persona retira su autorización una celda pasaría de «menos de 5» a 0 y diría qué contestó
   (issue 12).
2. En un grupo de cifras cuya suma se conoce (una fila con su total, las opciones de una pregunta
   de respuesta única) no basta con ocultar una sola cifra: se resta. Se ocultan también las
   cifras más pequeñas del grupo («dato protegido») hasta que la resta ya no da el valor de
   ninguna cifra oculta; si ni así se logra, se oculta el total.
3. Los porcentajes sólo acompañan a cifras visibles y se calculan sobre un total visible.

Cada función hace una consulta agregada, sin importar cuántas candidaturas haya.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Exists, OuterRef, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import ActorPolitico, Candidatura, Eleccion, Persona
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


def _es_segura(conteos, primarias, secundarias, minimo):
    """¿Puede alguien deducir una cifra oculta restando las visibles al total?

    Quien mira sabe la suma S de las ocultas, que cada primaria vale de `minimo` (1, o 0 si el
    cero también se oculta) a 4 y cada secundaria 5 o más. Con sólo primarias, la suma las delata
    si todas valen `minimo` o todas 4. Con secundarias, las delata si S − 5·(secundarias) ≤
    minimo·(primarias) (todas las primarias valdrían el mínimo).
    """
    p, m = len(primarias), len(secundarias)
    if minimo == 0:
        # Con el cero protegido la decisión no mira el valor de las primarias (supone el peor caso,
        # que todas valgan 0): así que una pase de 1 a 0, cuando alguien retira su autorización,
        # no cambia qué se oculta. Basta que las secundarias sumen más de 5 por cada una.
        return m >= 1 and sum(conteos[i] for i in secundarias) - UMBRAL * m > 0
    suma = sum(conteos[i] for i in primarias | secundarias)
    if m == 0:
        return p >= 2 and minimo * p < suma < (UMBRAL - 1) * p
    return suma - UMBRAL * m > minimo * p


def proteger(conteos, *, suma_conocida=True, cero_protegido=False):
    """Aplica la regla del módulo a un grupo de conteos. Devuelve `(cifras, total)`.

    `suma_conocida`: el total del grupo se publica (o se deduce de otra cifra publicada). Si es
    falso, como en las preguntas de varias opciones, sólo se aplica el paso 1. `cero_protegido`:
    el 0 se trata como cualquier cifra menor de 5 (cifras del cuestionario de identidad). `total`
    es la Cifra del total (con `valor` None si hubo que ocultarlo).
    """
    conteos = [int(c) for c in conteos]
    minimo = 0 if cero_protegido else 1
    primarias = {i for i, valor in enumerate(conteos) if minimo <= valor < UMBRAL}
    secundarias = set()
    total_oculto = False
    if suma_conocida and primarias:
        candidatas = sorted((valor, i) for i, valor in enumerate(conteos) if valor >= UMBRAL)
        while not _es_segura(conteos, primarias, secundarias, minimo):
            if not candidatas:
                total_oculto = True
                break
            secundarias.add(candidatas.pop(0)[1])

    total_valor = sum(conteos)
    if total_oculto:
        total = Cifra(None, str(TEXTO_PROTEGIDO))
    elif minimo <= total_valor < UMBRAL:
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


def cifra(valor, *, cero_protegido=False):
    """Un conteo suelto (sin total que lo delate)."""
    return proteger([valor], suma_conocida=False, cero_protegido=cero_protegido)[0][0]


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


def _barras(categorias, conteos, *, suma_conocida=True, cero_protegido=False):
    """`categorias`: [(clave, etiqueta)]; devuelve las barras con sus cifras ya protegidas."""
    cifras, total = proteger(
        [conteos.get(clave, 0) for clave, _etiqueta in categorias],
        suma_conocida=suma_conocida,
        cero_protegido=cero_protegido,
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


def catalogo_de_identidad():
    """Las opciones de las preguntas activas, con su pregunta (una consulta)."""
    return list(
        Opcion.objects.filter(pregunta__activa=True)
        .select_related("pregunta", "padre")
        .order_by("pregunta__numero", "orden", "id")
    )


def _respuestas_para_estadistica(proceso, candidaturas):
    """Respuestas publicadas, con autorización estadística vigente, de personas con alguna
    candidatura de `candidaturas` (ya filtradas)."""
    return RespuestaIdentidad.objects.para_estadistica().filter(
        cuestionario__proceso=proceso,
        cuestionario__persona__in=candidaturas.values("persona_id"),
    )


def identidad_por_dimension(proceso, candidaturas, opciones=None):
    """Una sección por dimensión y, dentro, una gráfica por pregunta.

    Cuenta personas (no candidaturas): una persona con dos candidaturas cuenta una vez por opción.
    Sólo respuestas publicadas de quien autorizó el uso estadístico y sigue con una candidatura
    vigente (de los filtros elegidos) en el proceso. Dos consultas: catálogo y conteos. El 0 se
    protege como cualquier cifra menor de 5.
    """
    opciones = catalogo_de_identidad() if opciones is None else opciones
    conteos = dict(
        _respuestas_para_estadistica(proceso, candidaturas)
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
        grafica = _barras(
            categorias, conteos, suma_conocida=pregunta.tipo == Pregunta.Tipo.UNA, cero_protegido=True
        )
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


# --- Grupos en situación de discriminación, por partido, sexo y acción afirmativa (art. 4) -------

COLOR_REGISTRADAS = "#5b5b66"
COLOR_SE_DECLARAN = "#7a1650"


@dataclass(frozen=True)
class Grupo:
    """Un grupo del art. 4: la acción afirmativa del registro y la pregunta de identidad que le
    corresponde («¿Se identifica como…?»), con sus opciones Sí, No y «Prefiero no contestar»."""

    clave: str
    etiqueta: str
    titulo: str
    pregunta: Pregunta
    si: int
    no: int | None
    no_contesto: int | None


def grupos_del_catalogo(opciones):
    """Los grupos de `Candidatura.AccionAfirmativa` que tienen pregunta en el catálogo: la primera
    pregunta (sin condición) de su dimensión con una opción «si»."""
    por_pregunta = defaultdict(dict)
    for opcion in opciones:
        if opcion.padre_id is None and opcion.pregunta.depende_de_id is None:
            clave = "no_contesto" if opcion.es_no_contesto else opcion.clave
            por_pregunta[opcion.pregunta].setdefault(clave, opcion.pk)
    grupos = []
    for clave, etiqueta in Candidatura.AccionAfirmativa.choices:
        preguntas = sorted(
            (p for p in por_pregunta if p.dimension == clave and "si" in por_pregunta[p]),
            key=lambda p: p.numero,
        )
        if preguntas:
            ids = por_pregunta[preguntas[0]]
            titulo = DIMENSIONES.get(clave, etiqueta)
            grupos.append(
                Grupo(
                    clave,
                    str(etiqueta),
                    str(titulo),
                    preguntas[0],
                    ids["si"],
                    ids.get("no"),
                    ids.get("no_contesto"),
                )
            )
    return grupos


SIN_ACCION = "ninguna"
"""Valor de `?accion=` (y categoría de los desgloses) para las candidaturas sin acción afirmativa."""


def _categorias_de_accion():
    return list(Candidatura.AccionAfirmativa.choices) + [(SIN_ACCION, _("Sin acción afirmativa"))]


# Cada desglose: (clave, campo de la candidatura, campo desde la respuesta de identidad).
DESGLOSES = {
    "actor": ("actor_id", "cuestionario__persona__candidaturas__actor_id"),
    "sexo": ("persona__sexo", "cuestionario__persona__sexo"),
    "accion": ("accion_afirmativa", "cuestionario__persona__candidaturas__accion_afirmativa"),
}


def _personas_por(candidaturas, campo):
    """{categoría: personas candidatas} (dato del registro, ya público)."""
    return dict(candidaturas.values_list(campo).annotate(n=Count("persona_id", distinct=True)).order_by())


def _respuestas_por(proceso, candidaturas, campo, ids_de_opciones):
    """{(categoría, opción): personas} de las respuestas para estadística.

    En el desglose por actor y por acción afirmativa la categoría es de la candidatura: la
    condición `candidaturas__in` y el campo agrupado usan la misma unión, así que sólo cuentan las
    candidaturas filtradas."""
    filas = (
        RespuestaIdentidad.objects.para_estadistica()
        .filter(
            cuestionario__proceso=proceso,
            opcion_id__in=ids_de_opciones,
            cuestionario__persona__candidaturas__in=candidaturas.values("pk"),
        )
        .values_list(campo, "opcion_id")
        .annotate(n=Count("cuestionario__persona", distinct=True))
        .order_by()
    )
    return {(categoria, opcion): n for categoria, opcion, n in filas}


def _clave_de_accion(valor):
    return valor or SIN_ACCION


@dataclass
class TablaDeGrupos:
    """Filas = categorías del desglose; columnas = personas candidatas y un grupo por columna."""

    slug: str
    titulo: str
    columna: str
    grupos: list
    filas: list = field(default_factory=list)
    graficas: list = field(default_factory=list)


def _datos_del_desglose(desglose, proceso, candidaturas, ids_de_opciones):
    """(personas candidatas por categoría, {(categoría, opción): personas}). Dos consultas."""
    campo_candidatura, campo_respuesta = DESGLOSES[desglose]
    registradas = _personas_por(candidaturas, campo_candidatura)
    conteos = _respuestas_por(proceso, candidaturas, campo_respuesta, ids_de_opciones)
    if desglose == "accion":
        registradas = {_clave_de_accion(k): v for k, v in registradas.items()}
        conteos = {(_clave_de_accion(k), o): v for (k, o), v in conteos.items()}
    return registradas, conteos


def ids_de_respuesta(grupos):
    """Las opciones Sí, No y «Prefiero no contestar» de las preguntas de los grupos."""
    return [i for g in grupos for i in (g.si, g.no, g.no_contesto) if i]


def grupos_por(desglose, proceso, candidaturas, grupos, categorias, datos=None):
    """Personas que se declaran de cada grupo, por partido (`actor`), sexo o acción afirmativa.

    `categorias`: [(clave, etiqueta, título)]; se quitan las que no tienen personas candidatas
    con los filtros elegidos. Dos consultas. En cada columna de un grupo las cifras suman las
    personas que se declaran del grupo (que se publica en su gráfica), así que se protegen como
    un grupo de suma conocida, con el 0 protegido."""
    registradas, conteos = datos or _datos_del_desglose(
        desglose, proceso, candidaturas, [g.si for g in grupos]
    )
    categorias = [c for c in categorias if registradas.get(c[0])]
    por_grupo = [
        proteger([conteos.get((c[0], g.si), 0) for c in categorias], cero_protegido=True)[0] for g in grupos
    ]
    personas = [cifra(registradas.get(c[0], 0)) for c in categorias]
    filas = [
        {
            "encabezado": {"texto": str(etiqueta), "titulo": str(titulo or "")},
            "cifras": [personas[i]] + [columna[i] for columna in por_grupo],
        }
        for i, (_clave, etiqueta, titulo) in enumerate(categorias)
    ]
    graficas = [
        {
            "id": f"grupos-{desglose}-{grupo.clave}",
            "titulo": grupo.titulo,
            "barras": [
                columna[i].como_barra(str(etiqueta)) for i, (_c, etiqueta, _t) in enumerate(categorias)
            ],
        }
        for grupo, columna in zip(grupos, por_grupo, strict=True)
    ]
    return {"filas": filas, "graficas": graficas, "grupos": grupos}


def accion_frente_a_identidad(proceso, candidaturas, grupos, datos=None):
    """La comparación para evaluar las acciones afirmativas: por cada una, cuántas personas se
    registraron bajo ella y, de ellas (sólo quienes autorizaron el uso estadístico), cuántas
    contestaron que sí se identifican con el grupo, que no, o prefirieron no contestar.

    Sí, No y «Prefiero no contestar» se protegen juntos como las opciones de una pregunta de
    respuesta única (las mismas cifras que su gráfica con `?accion=`). Dos consultas."""
    registradas, conteos = datos or _datos_del_desglose(
        "accion", proceso, candidaturas, ids_de_respuesta(grupos)
    )
    filas, barras = [], []
    for grupo in grupos:
        personas = cifra(registradas.get(grupo.clave, 0))
        opciones = [i for i in (grupo.si, grupo.no, grupo.no_contesto) if i]
        if not registradas.get(grupo.clave):
            # Nadie se registró bajo esta acción afirmativa: sus respuestas son 0 por definición y
            # no hay a quién proteger.
            respuestas = [_visible(0) for _i in opciones]
        else:
            respuestas, _total = proteger(
                [conteos.get((grupo.clave, i), 0) for i in opciones], cero_protegido=True
            )
        if not grupo.no_contesto:
            respuestas.append(Cifra(None, ""))
        if not grupo.no:
            respuestas.insert(1, Cifra(None, ""))
        filas.append(
            {"encabezado": {"texto": grupo.etiqueta, "titulo": ""}, "cifras": [personas, *respuestas]}
        )
        if not registradas.get(grupo.clave):
            continue
        barras.append(
            personas.como_barra(_("%(grupo)s: registradas") % {"grupo": grupo.etiqueta}, COLOR_REGISTRADAS)
        )
        barras.append(
            respuestas[0].como_barra(
                _("%(grupo)s: se declaran") % {"grupo": grupo.etiqueta}, COLOR_SE_DECLARAN
            )
        )
    return {"filas": filas, "barras": barras}


# --- Filtros ------------------------------------------------------------------------------------


def filtrar(candidaturas, *, cargo="", actor=None, sexo="", accion=""):
    """Los filtros de la página: cargo, actor político (instancia), sexo y acción afirmativa."""
    if cargo:
        candidaturas = candidaturas.filter(cargo=cargo)
    if actor is not None:
        candidaturas = candidaturas.filter(actor=actor)
    if sexo:
        candidaturas = candidaturas.filter(persona__sexo=sexo)
    if accion:
        candidaturas = candidaturas.filter(accion_afirmativa="" if accion == SIN_ACCION else accion)
    return candidaturas


# --- Todo junto, para la página y sus CSV ------------------------------------------------------


def estadisticas_del_proceso(proceso, *, cargo="", actor=None, sexo="", accion="", actores=None):
    """Todas las cifras de la página, en un número fijo de consultas.

    `actores`: los actores políticos del proceso (el formulario ya los leyó); si falta, se leen."""
    filtros = {"cargo": cargo, "actor": actor, "sexo": sexo, "accion": accion}
    candidaturas = filtrar(candidaturas_publicas(proceso), **filtros)
    sencillas = filtrar(Candidatura.objects.vigentes().filter(eleccion__proceso=proceso), **filtros)
    por_actor, general = avance_por_actor_y_cargo(candidaturas)
    barras_avance = [
        cifra.como_barra(str(ETIQUETAS_DE_ESTADO[estado]), COLORES_DE_ESTADO[estado])
        for cifra, estado in zip(general.cifras, ESTADOS, strict=True)
    ]
    opciones = catalogo_de_identidad()
    grupos = grupos_del_catalogo(opciones)
    if actores is None:
        actores = actores_del_proceso(proceso)
    categorias = {
        "actor": [(a.pk, a.siglas, a.nombre) for a in actores],
        "sexo": [(clave, etiqueta, "") for clave, etiqueta in Persona.Sexo.choices],
        "accion": [(clave, etiqueta, "") for clave, etiqueta in _categorias_de_accion()],
    }
    # La comparación de acciones afirmativas y el desglose por acción usan los mismos conteos.
    datos_de_accion = _datos_del_desglose("accion", proceso, sencillas, ids_de_respuesta(grupos))
    desgloses = [
        {
            "slug": f"grupos-{desglose}",
            "titulo": titulo,
            "columna": columna,
            "tabla": grupos_por(
                desglose,
                proceso,
                sencillas,
                grupos,
                categorias[desglose],
                datos_de_accion if desglose == "accion" else None,
            ),
        }
        for desglose, titulo, columna in [
            ("actor", _("Grupos por partido, coalición o candidatura independiente"), _("Actor político")),
            ("sexo", _("Grupos por sexo"), _("Sexo")),
            ("accion", _("Grupos por acción afirmativa del registro"), _("Acción afirmativa")),
        ]
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
        "identidad": identidad_por_dimension(proceso, candidaturas, opciones),
        "grupos": grupos,
        "columnas_grupos": [_("Personas candidatas")] + [g.titulo for g in grupos],
        "desgloses": desgloses,
        **{d["slug"].replace("-", "_"): d["tabla"] for d in desgloses},
        "columnas_accion": [
            _("Personas registradas"),
            _("Se declaran del grupo"),
            _("No se declaran"),
            _("Prefirieron no contestar"),
        ],
        "accion_vs_identidad": accion_frente_a_identidad(proceso, sencillas, grupos, datos_de_accion),
    }


def actores_del_proceso(proceso):
    """Los actores políticos con alguna candidatura vigente en el proceso, en su orden."""
    return list(
        ActorPolitico.objects.filter(
            Exists(Candidatura.objects.vigentes().filter(actor=OuterRef("pk"), eleccion__proceso=proceso))
        ).order_by("orden", "siglas")
    )


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
    if grafica in ("grupos-actor", "grupos-sexo", "grupos-accion"):
        tabla = estadisticas[grafica.replace("-", "_")]
        encabezados = [grafica.removeprefix("grupos-"), "personas_candidatas"]
        encabezados += [f"se_declaran_{g.clave}" for g in tabla["grupos"]]
        return encabezados, [
            [f["encabezado"]["texto"]] + [_plano(c.valor, c.texto) for c in f["cifras"]]
            for f in tabla["filas"]
        ]
    if grafica == "accion-vs-identidad":
        encabezados = [
            "accion_afirmativa",
            "personas_registradas",
            "se_declaran_del_grupo",
            "no_se_declaran",
            "prefirieron_no_contestar",
        ]
        filas = estadisticas["accion_vs_identidad"]["filas"]
        return encabezados, [
            [f["encabezado"]["texto"]] + [_plano(c.valor, c.texto) for c in f["cifras"]] for f in filas
        ]
    for dimension in estadisticas["identidad"]:
        for pregunta in dimension["graficas"]:
            if pregunta["slug"] == grafica:
                encabezados = ["pregunta", "opcion", "personas"]
                texto = pregunta["pregunta"].texto.strip()
                return encabezados, [
                    [texto, b["etiqueta"], _plano(b.get("valor"), b["texto"])] for b in pregunta["barras"]
                ]
    return None
