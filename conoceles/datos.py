"""Datos abiertos de Conóceles (C11): las filas de las hojas «curricular» e «identidad», su
diccionario y sus metadatos (licencia y cómo citarlos).

Las dos hojas tienen una fila por candidatura vigente del proceso y se unen por
`ID_CANDIDATURA` (el `id` estable de la candidatura, el mismo de /conoceles/<id>/). Las filas se
generan de a poco: las candidaturas se leen con `.iterator(chunk_size=…)` y lo que viene de los
cuestionarios se precarga por bloque, así el proceso completo nunca está entero en memoria.

Qué se publica sale de las mismas lecturas que el perfil: `candidaturas_publicas()`,
`CuestionarioCurricular.objects.publicados()` y `RespuestaIdentidad.objects.publicables()`.

Tipos (issue 15): cada columna tiene un solo tipo (`Columna.tipo`, que el diccionario dice). Un
dato que falta o no corresponde es una celda vacía, nunca un texto en una columna de números o
fechas; el porqué va en su propia columna de estado (`ESTADO_CAPTURA`, `ESTADO_IDENTIDAD` y
`Pnn_…_ESTADO`), con los valores de `ESTADOS`. Las filas llevan valores de Python (int,
datetime, str, None): `comun.exportar` escribe las fechas como fechas en el XLSX y en ISO 8601
en el CSV.
"""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import Exists, Max, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import ActorPolitico, Candidatura, Eleccion, Persona
from comun.exportar import Libro
from conoceles.consultas import EstadoDeCaptura, candidaturas_publicas
from cuestionarios.models import (
    Consentimiento,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    EstatusDeEstudios,
    GradoDeEstudios,
    Opcion,
    Pregunta,
    RespuestaIdentidad,
)

TAMANO_DE_BLOQUE = 500
"""Candidaturas leídas por consulta (y precargas por bloque)."""


# --- Licencia y cita (una sola fuente: la página, el diccionario, el XLSX y la API) ---------------


@dataclass(frozen=True)
class Licencia:
    clave: str
    nombre: str
    url: str


LICENCIA = Licencia(
    clave="CC-BY-4.0",
    nombre="Creative Commons Atribución 4.0 Internacional (CC BY 4.0)",
    url="https://creativecommons.org/licenses/by/4.0/deed.es",
)
"""La licencia de los datos abiertos de Conóceles. La API la importa de aquí."""

AUTORIA = "Instituto Electoral del Estado de México (IEEM)"
TITULO_DE_LOS_DATOS = "Candidatas y Candidatos, Conóceles: datos abiertos"


def cita(proceso=None, *, fecha=None, url=""):
    """Cómo citar los datos: «IEEM (2027). Candidatas y Candidatos, Conóceles: datos abiertos,
    <proceso>. Consultado el AAAA-MM-DD en <url>. Licencia CC BY 4.0.»"""
    fecha = fecha or timezone.localdate()
    partes = [f"{AUTORIA} ({fecha.year}). {TITULO_DE_LOS_DATOS}"]
    if proceso is not None:
        partes[0] += f", {proceso.nombre}"
    partes[0] += "."
    partes.append(
        _("Consultado el %(fecha)s") % {"fecha": fecha.isoformat()} + (f" en {url}." if url else ".")
    )
    partes.append(_("Licencia %(licencia)s: %(url)s") % {"licencia": "CC BY 4.0", "url": LICENCIA.url})
    return " ".join(partes)


# --- Estados: por qué una celda está vacía ---------------------------------------------------------

PUBLICADA = "PUBLICADA"
EN_REVISION = "EN REVISIÓN"
NO_CAPTURO = "NO CAPTURÓ"
NO_AUTORIZO = "NO AUTORIZÓ PUBLICACIÓN"
CONTESTO = "CONTESTÓ"
PREFIRIO_NO_CONTESTAR = "PREFIRIÓ NO CONTESTAR"
NO_APLICA = "NO APLICA"
NO_CONTESTO = "NO CONTESTÓ"
NINGUNA = "Ninguna"

ESTADOS = {
    PUBLICADA: gettext_lazy(
        "El IEEM revisó y publicó el cuestionario: sus columnas traen lo publicado (una celda vacía "
        "es un campo que la candidatura dejó sin llenar)."
    ),
    EN_REVISION: gettext_lazy(
        "La candidatura capturó y envió su cuestionario y está en revisión: todavía no se publica nada de él."
    ),
    NO_CAPTURO: gettext_lazy("La candidatura todavía no captura ni envía su cuestionario."),
    NO_AUTORIZO: gettext_lazy(
        "Identidad: la persona no autorizó (o retiró) la publicación de sus datos sensibles. No se "
        "publica ninguna de sus respuestas, ni si contestó o no."
    ),
    CONTESTO: gettext_lazy(
        "Pregunta de identidad contestada: la respuesta está en la columna de la pregunta."
    ),
    PREFIRIO_NO_CONTESTAR: gettext_lazy(
        "Eligió la opción «Prefiero no contestar» (es una respuesta: aparece también en la columna "
        "de la pregunta)."
    ),
    NO_APLICA: gettext_lazy(
        "La pregunta depende de otra y su condición no se cumplió (p. ej. el tipo de discapacidad "
        "de quien contestó que no tiene). Distinto de la respuesta «No aplica» del catálogo, que "
        "va en la columna de la pregunta con estado CONTESTÓ."
    ),
    NO_CONTESTO: gettext_lazy("Publicó su cuestionario de identidad pero dejó esta pregunta sin contestar."),
}

ESTADOS_DE_CAPTURA = {
    EstadoDeCaptura.PUBLICADA: PUBLICADA,
    EstadoDeCaptura.ENVIADA: EN_REVISION,
    EstadoDeCaptura.SIN_CAPTURA: NO_CAPTURO,
}


# --- Columnas y su tipo ----------------------------------------------------------------------------

ENTERO = "entero"
TEXTO = "texto"
CATEGORIA = "categoría"
FECHA_Y_HORA = "fecha y hora"
URL = "URL"


@dataclass(frozen=True)
class Columna:
    nombre: str
    significado: str
    valores: str = ""
    tipo: str = TEXTO


def _opciones(choices):
    return "; ".join(str(etiqueta) for _valor, etiqueta in choices)


def columnas_de_registro():
    """Las columnas del registro de candidaturas, iguales en las dos hojas."""
    return [
        Columna(
            "ID_CANDIDATURA",
            _("Identificador estable de la candidatura. Une las dos hojas y es el de su perfil."),
            _("Nunca cambia."),
            ENTERO,
        ),
        Columna(
            "PROCESO", _("Identificador del proceso electoral."), _("Texto corto, p. ej. el de ?proceso=.")
        ),
        Columna("PARTIDO_COALICION", _("Siglas del actor político que postula."), ""),
        Columna("PARTIDO_COALICION_NOMBRE", _("Nombre del actor político que postula."), ""),
        Columna("TIPO_ACTOR", _("Tipo de actor político."), _opciones(ActorPolitico.Tipo.choices), CATEGORIA),
        Columna("TIPO_ELECCION", _("Contienda."), _opciones(Eleccion.Tipo.choices), CATEGORIA),
        Columna("CARGO", _("Cargo de la candidatura."), _opciones(Candidatura.Cargo.choices), CATEGORIA),
        Columna(
            "NUM_LISTA_O_FORMULA",
            _("Número de sindicatura o regiduría, o lugar en la lista de representación proporcional."),
            _("1 en gubernatura, diputación de mayoría y presidencia municipal."),
            ENTERO,
        ),
        Columna(
            "DISTRITO_LOCAL",
            _("Número del distrito local (diputaciones de mayoría)."),
            _("Vacío en las demás contiendas."),
            ENTERO,
        ),
        Columna(
            "MUNICIPIO", _("Municipio (planillas de ayuntamiento)."), _("Vacío en las demás contiendas.")
        ),
        Columna("AMBITO", _("Lugar que elige la contienda, en palabras."), ""),
        Columna("NOMBRE_CANDIDATO", _("Nombre completo de la persona."), ""),
        Columna(
            "TIPO_CANDIDATO", _("Propietaria o suplente."), _opciones(Candidatura.Calidad.choices), CATEGORIA
        ),
        Columna(
            "EDAD",
            _("Edad el día de la jornada electoral (o la del registro, si no hay fecha de nacimiento)."),
            _("Vacío si el registro no la trae."),
            ENTERO,
        ),
        Columna("SEXO", _("Sexo según el registro."), _opciones(Persona.Sexo.choices), CATEGORIA),
        Columna(
            "ACCION_AFIRMATIVA",
            _("Acción afirmativa bajo la que se registró (dato del registro, no de la autoidentificación)."),
            _opciones(Candidatura.AccionAfirmativa.choices) + f"; {NINGUNA}",
            CATEGORIA,
        ),
        Columna("URL_PERFIL", _("Dirección del perfil público en Conóceles."), "", URL),
    ]


CAMPOS_CURRICULARES = [
    # (columna, campo del modelo, significado)
    ("FACEBOOK", "facebook", gettext_lazy("Facebook.")),
    ("X_TWITTER", "x_twitter", gettext_lazy("X (antes Twitter).")),
    ("YOUTUBE", "youtube", gettext_lazy("YouTube.")),
    ("INSTAGRAM", "instagram", gettext_lazy("Instagram.")),
    ("TIKTOK", "tiktok", gettext_lazy("Tik Tok.")),
    ("OTRA_RED", "otra_red", gettext_lazy("Otra red social.")),
    ("PAGINA_WEB", "pagina_web", gettext_lazy("Página web.")),
    ("CORREO_ELECTRONICO", "correo_publico", gettext_lazy("Correo electrónico público.")),
    ("TELEFONO", "telefono_publico", gettext_lazy("Teléfono público de contacto.")),
    ("DIRECCION_CASA_CAMPAÑA", "domicilio_campana", gettext_lazy("Domicilio de casa de campaña.")),
    ("ESCOLARIDAD", "grado_estudios", gettext_lazy("Grado máximo de estudios.")),
    ("ESTATUS_ESCOLARIDAD", "estatus_estudios", gettext_lazy("Estatus del grado máximo de estudios.")),
    ("CURSOS", "otra_formacion", gettext_lazy("Otra formación académica: cursos, diplomados, seminarios.")),
    ("HISTORIA_PROFESIONAL", "historia_profesional", gettext_lazy("Historia profesional y/o laboral.")),
    (
        "TRAYECTORIA_POLITICA",
        "trayectoria_politica",
        gettext_lazy("Trayectoria política y/o participación social."),
    ),
    (
        "MOTIVO_CARGO_PUBLICO",
        "por_que_quiero_el_cargo",
        gettext_lazy("¿Por qué quiere ocupar un cargo público?"),
    ),
    ("PROPUESTA_1", "propuesta_1", gettext_lazy("Primera propuesta principal.")),
    ("PROPUESTA_2", "propuesta_2", gettext_lazy("Segunda propuesta principal.")),
    (
        "PROPUESTA_GENERO",
        "propuesta_genero",
        gettext_lazy(
            "Propuesta en materia de género o del grupo en situación de discriminación que representa."
        ),
    ),
]
SEPARADOR = " | "
"""Separa los registros de «otra formación» y las opciones de una pregunta de varias respuestas."""


def columnas_curriculares():
    texto_libre = _("Texto libre de la candidatura; vacío si no está publicado o lo dejó sin llenar.")
    valores = {
        "grado_estudios": _opciones(GradoDeEstudios.choices),
        "estatus_estudios": _opciones(EstatusDeEstudios.choices),
        "otra_formacion": _("Un registro por formación, separados por «%(sep)s».")
        % {"sep": SEPARADOR.strip()},
    }
    tipos = {"grado_estudios": CATEGORIA, "estatus_estudios": CATEGORIA, "pagina_web": URL}
    return (
        columnas_de_registro()
        + [
            Columna(
                "ESTADO_CAPTURA",
                _("Estado del cuestionario curricular: dice por qué las columnas siguientes están vacías."),
                "; ".join(ESTADOS_DE_CAPTURA.values()),
                CATEGORIA,
            ),
            Columna(
                "FECHA_PUBLICACION",
                _("Fecha y hora (Ciudad de México) de la última publicación del cuestionario."),
                _("Fecha en el XLSX; ISO 8601 con zona horaria en el CSV. Vacía si no está publicado."),
                FECHA_Y_HORA,
            ),
            Columna(
                "FOTOGRAFIA",
                _("Dirección de la fotografía publicada."),
                _("Vacía si no está publicado o no la subió."),
                URL,
            ),
        ]
        + [
            Columna(columna, str(significado), valores.get(campo, texto_libre), tipos.get(campo, TEXTO))
            for columna, campo, significado in CAMPOS_CURRICULARES
        ]
    )


def _columna_de_pregunta(pregunta):
    return f"P{pregunta.numero:02d}_{pregunta.dimension.upper()}"


ESTADOS_DE_IDENTIDAD = [PUBLICADA, EN_REVISION, NO_CAPTURO, NO_AUTORIZO]


def columnas_de_identidad(preguntas):
    """`preguntas`: el catálogo con sus opciones precargadas (`catalogo_de_identidad()`). Cada
    pregunta lleva dos columnas: la respuesta y su estado."""
    columnas = columnas_de_registro() + [
        Columna(
            "ESTADO_IDENTIDAD",
            _(
                "Estado del cuestionario de identidad: si no es %(p)s, las columnas de las preguntas "
                "van vacías."
            )
            % {"p": PUBLICADA},
            "; ".join(ESTADOS_DE_IDENTIDAD),
            CATEGORIA,
        )
    ]
    for pregunta in preguntas:
        opciones = "; ".join(
            f"{o.padre.texto}: {o.texto}" if o.padre_id else o.texto for o in pregunta.opciones_del_catalogo
        )
        valores = opciones + "; " + _("vacía si no hay respuesta (ver la columna de su estado).")
        if pregunta.tipo == Pregunta.Tipo.VARIAS:
            valores = _("Una o varias, separadas por «%(sep)s»: ") % {"sep": SEPARADOR.strip()} + valores
        nombre = _columna_de_pregunta(pregunta)
        estados = [CONTESTO, PREFIRIO_NO_CONTESTAR, NO_CONTESTO]
        if pregunta.depende_de_id:
            estados.insert(2, NO_APLICA)
        columnas.append(Columna(nombre, pregunta.texto.strip(), valores, CATEGORIA))
        columnas.append(
            Columna(
                f"{nombre}_ESTADO",
                _("Estado de la respuesta a %(columna)s.") % {"columna": nombre},
                "; ".join(estados) + "; " + _("vacío si ESTADO_IDENTIDAD no es %(p)s.") % {"p": PUBLICADA},
                CATEGORIA,
            )
        )
    return columnas


def catalogo_de_identidad():
    """Preguntas activas con sus opciones (dos consultas)."""
    return list(
        Pregunta.objects.filter(activa=True)
        .order_by("numero")
        .prefetch_related(
            Prefetch(
                "opciones",
                queryset=Opcion.objects.select_related("padre").order_by("orden", "id"),
                to_attr="opciones_del_catalogo",
            )
        )
    )


# --- Filas -----------------------------------------------------------------------------------------
#
# Las filas se arman con `.values()` y no con instancias de modelo: con miles de candidaturas, crear
# siete objetos por fila (candidatura, persona, elección, actor…) costaba más que escribir el XLSX.

CAMPOS_DE_CANDIDATURA = [
    "id",
    "persona_id",
    "eleccion_id",
    "actor_id",
    "cargo",
    "numero",
    "calidad",
    "accion_afirmativa",
    "estado_captura",
    "persona__nombre",
    "persona__primer_apellido",
    "persona__segundo_apellido",
    "persona__sexo",
    "persona__fecha_nacimiento",
    "persona__edad_registrada",
]


def _candidaturas(proceso):
    """Las mismas candidaturas que muestra el buscador, en el orden del listado."""
    return candidaturas_publicas(proceso).en_orden_de_listado()


def _en_bloques(candidaturas, *campos):
    """Las candidaturas como dicts, en listas de `TAMANO_DE_BLOQUE`, leídas con un cursor."""
    bloque = []
    for fila in candidaturas.values(*CAMPOS_DE_CANDIDATURA, *campos).iterator(chunk_size=TAMANO_DE_BLOQUE):
        bloque.append(fila)
        if len(bloque) == TAMANO_DE_BLOQUE:
            yield bloque
            bloque = []
    if bloque:
        yield bloque


class _Registro:
    """Arma las celdas del registro. Las etiquetas traducidas, las contiendas y los actores se leen
    una vez por descarga (son unos cientos), no una vez por fila."""

    def __init__(self, proceso, base_url):
        self.proceso = proceso
        etiquetas = {
            "cargo": _etiquetas(Candidatura.Cargo.choices),
            "calidad": _etiquetas(Candidatura.Calidad.choices),
            "sexo": _etiquetas(Persona.Sexo.choices),
            "accion": {"": NINGUNA, **_etiquetas(Candidatura.AccionAfirmativa.choices)},
        }
        self.etiquetas = etiquetas
        tipos_de_actor = _etiquetas(ActorPolitico.Tipo.choices)
        self.actores = {
            a.pk: [a.siglas, a.nombre, tipos_de_actor.get(a.tipo, a.tipo)]
            for a in ActorPolitico.objects.filter(candidaturas__eleccion__proceso=proceso).distinct()
        }
        tipos_de_eleccion = _etiquetas(Eleccion.Tipo.choices)
        self.elecciones = {
            e.pk: {
                "tipo": tipos_de_eleccion.get(e.tipo, e.tipo),
                "distrito": e.distrito_local.numero if e.distrito_local_id else None,
                "municipio": e.municipio.nombre if e.municipio_id else None,
                "ambito": str(e.ambito),
            }
            for e in Eleccion.objects.filter(proceso=proceso).select_related("distrito_local", "municipio")
        }
        marcador = 999999999
        self.url_perfil = base_url + reverse("conoceles:perfil", args=[marcador]).replace(str(marcador), "{}")

    def celdas(self, c):
        persona = Persona(
            nombre=c["persona__nombre"],
            primer_apellido=c["persona__primer_apellido"],
            segundo_apellido=c["persona__segundo_apellido"],
            fecha_nacimiento=c["persona__fecha_nacimiento"],
            edad_registrada=c["persona__edad_registrada"],
        )
        edad = persona.edad_en(self.proceso.fecha_jornada)
        eleccion = self.elecciones[c["eleccion_id"]]
        e = self.etiquetas
        return [
            c["id"],
            self.proceso.slug,
            *self.actores[c["actor_id"]],
            eleccion["tipo"],
            e["cargo"].get(c["cargo"], c["cargo"]),
            c["numero"],
            eleccion["distrito"],
            eleccion["municipio"],
            eleccion["ambito"],
            persona.nombre_completo,
            e["calidad"].get(c["calidad"], c["calidad"]),
            edad,
            e["sexo"].get(c["persona__sexo"], c["persona__sexo"]),
            e["accion"].get(c["accion_afirmativa"], c["accion_afirmativa"]),
            self.url_perfil.format(c["id"]),
        ]


def _etiquetas(choices):
    return {valor: str(etiqueta) for valor, etiqueta in choices}


def _fecha(momento):
    """La fecha y hora en la Ciudad de México (con su zona: el CSV la escribe en ISO 8601)."""
    return timezone.localtime(momento) if momento else None


ETIQUETAS_CURRICULARES = {
    "grado_estudios": GradoDeEstudios.choices,
    "estatus_estudios": EstatusDeEstudios.choices,
}


def _valor_curricular(cuestionario, campo, etiquetas):
    valor = cuestionario[campo]
    if campo == "otra_formacion":
        valor = SEPARADOR.join(linea.strip() for linea in valor.splitlines() if linea.strip())
    elif campo in etiquetas and valor:
        valor = etiquetas[campo].get(valor, valor)
    return valor or None


def _url_de_foto(nombre, base_url):
    if not nombre:
        return None
    url = default_storage.url(nombre)
    return url if url.startswith("http") else base_url + url


def filas_curriculares(proceso, *, base_url=""):
    """Una fila por candidatura vigente; los campos del cuestionario sólo si está publicado."""
    registro = _Registro(proceso, base_url)
    etiquetas = {campo: _etiquetas(choices) for campo, choices in ETIQUETAS_CURRICULARES.items()}
    campos = ["persona_id", "publicado_en", "foto"] + [campo for _c, campo, _s in CAMPOS_CURRICULARES]
    for bloque in _en_bloques(_candidaturas(proceso)):
        publicados = {
            q["persona_id"]: q
            for q in CuestionarioCurricular.objects.publicados()
            .filter(proceso=proceso, persona_id__in={c["persona_id"] for c in bloque})
            .values(*campos)
        }
        for candidatura in bloque:
            fila = registro.celdas(candidatura)
            fila.append(ESTADOS_DE_CAPTURA[candidatura["estado_captura"]])
            cuestionario = publicados.get(candidatura["persona_id"])
            if cuestionario is None:
                fila += [None] * (2 + len(CAMPOS_CURRICULARES))
            else:
                fila += [_fecha(cuestionario["publicado_en"]), _url_de_foto(cuestionario["foto"], base_url)]
                fila += [
                    _valor_curricular(cuestionario, campo, etiquetas) for _c, campo, _s in CAMPOS_CURRICULARES
                ]
            yield fila


def _texto_de_respuesta(opcion, texto):
    etiqueta = f"{opcion.padre.texto}: {opcion.texto}" if opcion.padre_id else opcion.texto
    return f"{etiqueta}: {texto}" if texto else etiqueta


def _valores_de_identidad(respuestas, preguntas, opciones):
    """`respuestas`: [(pregunta_id, opcion_id, texto)] publicables de una persona. Dos celdas por
    pregunta: la respuesta y su estado."""
    por_pregunta = {}
    for pregunta_id, opcion_id, texto in respuestas:
        por_pregunta.setdefault(pregunta_id, []).append((opciones[opcion_id], texto))
    valores = []
    for pregunta in preguntas:
        elegidas = sorted(por_pregunta.get(pregunta.pk, []), key=lambda r: (r[0].orden, r[0].pk))
        if elegidas:
            texto = SEPARADOR.join(_texto_de_respuesta(opcion, texto) for opcion, texto in elegidas)
            estado = PREFIRIO_NO_CONTESTAR if all(o.es_no_contesto for o, _t in elegidas) else CONTESTO
            valores += [texto, estado]
        elif pregunta.depende_de_id and not any(
            opcion.pk == pregunta.opcion_que_habilita_id
            for opcion, _t in por_pregunta.get(pregunta.depende_de_id, [])
        ):
            valores += [None, NO_APLICA]
        else:
            valores += [None, NO_CONTESTO]
    return valores


def _estado_de_identidad(candidatura, tiene_respuestas):
    """NO CAPTURÓ / NO AUTORIZÓ PUBLICACIÓN / PUBLICADA / EN REVISIÓN (ver `ESTADOS`)."""
    if not candidatura["autoriza_publicacion"]:
        sin_captura = candidatura["estado_captura"] == EstadoDeCaptura.SIN_CAPTURA
        return NO_CAPTURO if sin_captura else NO_AUTORIZO
    if tiene_respuestas or candidatura["identidad_publicada"]:
        return PUBLICADA
    if candidatura["estado_captura"] == EstadoDeCaptura.SIN_CAPTURA:
        return NO_CAPTURO
    return EN_REVISION


def filas_de_identidad(proceso, preguntas, *, base_url=""):
    """Una fila por candidatura vigente; respuestas sólo con autorización de publicación vigente."""
    registro = _Registro(proceso, base_url)
    opciones = {o.pk: o for p in preguntas for o in p.opciones_del_catalogo}
    autoriza = Consentimiento.objects.filter(
        persona=OuterRef("persona"), proceso=proceso, autoriza_publicacion=True
    )
    identidad_publicada = CuestionarioIdentidad.objects.filter(
        persona=OuterRef("persona"), proceso=proceso, publicado_en__isnull=False
    )
    candidaturas = _candidaturas(proceso).annotate(
        autoriza_publicacion=Exists(autoriza), identidad_publicada=Exists(identidad_publicada)
    )
    for bloque in _en_bloques(candidaturas, "autoriza_publicacion", "identidad_publicada"):
        respuestas = {}
        for persona_id, *respuesta in (
            RespuestaIdentidad.objects.publicables()
            .filter(
                cuestionario__proceso=proceso, cuestionario__persona_id__in={c["persona_id"] for c in bloque}
            )
            .values_list("cuestionario__persona_id", "pregunta_id", "opcion_id", "texto")
            .order_by()
        ):
            respuestas.setdefault(persona_id, []).append(respuesta)
        for candidatura in bloque:
            fila = registro.celdas(candidatura)
            de_la_persona = respuestas.get(candidatura["persona_id"])
            estado = _estado_de_identidad(candidatura, bool(de_la_persona))
            fila.append(estado)
            if estado != PUBLICADA:
                fila += [None] * (2 * len(preguntas))
            else:
                fila += _valores_de_identidad(de_la_persona or [], preguntas, opciones)
            yield fila


def metadatos(proceso=None, *, base_url=""):
    """[(clave, valor)] de los archivos: título, autoría, licencia, cita, corte y tipos."""
    url = base_url + reverse("conoceles:datos") if base_url else ""
    return [
        ("TITULO", TITULO_DE_LOS_DATOS + (f", {proceso.nombre}" if proceso is not None else "")),
        ("AUTORIA", AUTORIA),
        ("LICENCIA", f"{LICENCIA.nombre}. {LICENCIA.url}"),
        ("COMO_CITAR", cita(proceso, url=url)),
        ("CORTE", timezone.localtime().isoformat(timespec="minutes")),
        (
            "TIPOS",
            _(
                "Cada columna tiene un solo tipo (%(tipos)s); una celda vacía se explica en su "
                "columna de estado."
            )
            % {"tipos": ", ".join([ENTERO, TEXTO, CATEGORIA, FECHA_Y_HORA, URL])},
        ),
    ]


def filas_del_diccionario(preguntas):
    filas = [["curricular", c.nombre, c.tipo, c.significado, c.valores] for c in columnas_curriculares()]
    filas += [
        ["identidad", c.nombre, c.tipo, c.significado, c.valores] for c in columnas_de_identidad(preguntas)
    ]
    filas += [["(estados)", valor, CATEGORIA, str(significado), ""] for valor, significado in ESTADOS.items()]
    filas += [["(metadatos)", clave, TEXTO, str(valor), ""] for clave, valor in metadatos()]
    return filas


ENCABEZADOS_DEL_DICCIONARIO = ["hoja", "columna", "tipo", "significado", "valores"]


def propiedades_del_libro(proceso):
    """Las propiedades del XLSX (Archivo → Propiedades): título, autoría, licencia y cita."""
    return {
        "title": f"{TITULO_DE_LOS_DATOS}, {proceso.nombre}",
        "creator": AUTORIA,
        "subject": _("Información curricular y de identidad de las candidaturas"),
        "description": _("Licencia: %(licencia)s. Cómo citar: %(cita)s")
        % {"licencia": LICENCIA.nombre, "cita": cita(proceso)},
        "keywords": "Conóceles; IEEM; candidaturas; datos abiertos; " + LICENCIA.clave,
        "language": "es-MX",
        "personalizadas": {
            "Licencia": LICENCIA.nombre,
            "URL de la licencia": LICENCIA.url,
            "Cita": cita(proceso),
        },
    }


def hojas(proceso, *, base_url="", preguntas=None):
    """El libro para `escribir_xlsx`: hojas «curricular», «identidad» y «diccionario» (con los
    metadatos), y las propiedades del archivo (`Libro.propiedades`)."""
    preguntas = catalogo_de_identidad() if preguntas is None else preguntas
    return Libro(
        [
            (
                "curricular",
                [c.nombre for c in columnas_curriculares()],
                filas_curriculares(proceso, base_url=base_url),
            ),
            (
                "identidad",
                [c.nombre for c in columnas_de_identidad(preguntas)],
                filas_de_identidad(proceso, preguntas, base_url=base_url),
            ),
            ("diccionario", ENCABEZADOS_DEL_DICCIONARIO, filas_del_diccionario(preguntas)),
        ],
        propiedades=propiedades_del_libro(proceso),
    )


def ultima_publicacion(proceso):
    """Fecha de la última publicación de un cuestionario del proceso (o None)."""
    return (
        CuestionarioCurricular.objects.publicados()
        .filter(proceso=proceso)
        .aggregate(m=Max("publicado_en"))["m"]
    )
