"""Datos abiertos de Conóceles (C11): las filas de las hojas «curricular» e «identidad» y su
diccionario.

Las dos hojas tienen una fila por candidatura vigente del proceso y se unen por
`ID_CANDIDATURA` (el `id` estable de la candidatura, el mismo de /conoceles/<id>/). Las filas se
generan de a poco: las candidaturas se leen con `.iterator(chunk_size=…)` y lo que viene de los
cuestionarios se precarga por bloque, así el proceso completo nunca está entero en memoria.

Qué se publica sale de las mismas lecturas que el perfil: `candidaturas_publicas()`,
`CuestionarioCurricular.objects.publicados()` y `RespuestaIdentidad.objects.publicables()`.
Los valores centinela (siempre en MAYÚSCULAS, para no confundirlos con una respuesta) están en
`CENTINELAS` y se explican en el diccionario y en docs/datos_abiertos.md.
"""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import Exists, Max, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidaturas.models import ActorPolitico, Candidatura, Eleccion, Persona
from conoceles.consultas import EstadoDeCaptura, candidaturas_publicas
from cuestionarios.models import (
    Consentimiento,
    CuestionarioCurricular,
    EstatusDeEstudios,
    GradoDeEstudios,
    Opcion,
    Pregunta,
    RespuestaIdentidad,
)

TAMANO_DE_BLOQUE = 500
"""Candidaturas leídas por consulta (y precargas por bloque)."""

SIN_INFORMACION = "SIN INFORMACIÓN"
NO_PROPORCIONO = "NO PROPORCIONÓ"
NO_APLICA = "NO APLICA"
NO_AUTORIZO = "NO AUTORIZÓ PUBLICACIÓN"
NO_CONTESTO = "NO CONTESTÓ"
NINGUNA = "NINGUNA"

CENTINELAS = {
    SIN_INFORMACION: gettext_lazy(
        "La candidatura no tiene cuestionario publicado (curricular) o, habiendo autorizado la "
        "publicación, no tiene respuestas de identidad publicadas."
    ),
    NO_PROPORCIONO: gettext_lazy("El cuestionario está publicado pero la candidatura dejó vacío ese campo."),
    NO_APLICA: gettext_lazy(
        "El dato no corresponde: el distrito en una contienda municipal o estatal, el municipio en una "
        "distrital o estatal, o una pregunta condicionada cuya condición no se cumplió."
    ),
    NO_AUTORIZO: gettext_lazy(
        "La persona no autorizó (o retiró) la publicación de sus datos sensibles: no se publica "
        "ninguna de sus respuestas de identidad."
    ),
    NO_CONTESTO: gettext_lazy("Autorizó la publicación pero dejó la pregunta sin contestar."),
    NINGUNA: gettext_lazy("La candidatura no se registró bajo una acción afirmativa."),
}


@dataclass(frozen=True)
class Columna:
    nombre: str
    significado: str
    valores: str = ""


def _opciones(choices):
    return "; ".join(str(etiqueta) for _valor, etiqueta in choices)


def columnas_de_registro():
    """Las columnas del registro de candidaturas, iguales en las dos hojas."""
    return [
        Columna(
            "ID_CANDIDATURA",
            _("Identificador estable de la candidatura. Une las dos hojas y es el de su perfil."),
            _("Número entero; nunca cambia."),
        ),
        Columna(
            "PROCESO", _("Identificador del proceso electoral."), _("Texto corto, p. ej. el de ?proceso=.")
        ),
        Columna("PARTIDO_COALICION", _("Siglas del actor político que postula."), _("Texto.")),
        Columna("PARTIDO_COALICION_NOMBRE", _("Nombre del actor político que postula."), _("Texto.")),
        Columna("TIPO_ACTOR", _("Tipo de actor político."), _opciones(ActorPolitico.Tipo.choices)),
        Columna("TIPO_ELECCION", _("Contienda."), _opciones(Eleccion.Tipo.choices)),
        Columna("CARGO", _("Cargo de la candidatura."), _opciones(Candidatura.Cargo.choices)),
        Columna(
            "NUM_LISTA_O_FORMULA",
            _("Número de sindicatura o regiduría, o lugar en la lista de representación proporcional."),
            _("Número entero; 1 en gubernatura, diputación de mayoría y presidencia municipal."),
        ),
        Columna(
            "DISTRITO_LOCAL",
            _("Número del distrito local (diputaciones de mayoría)."),
            _("Número entero; %(s)s en las demás contiendas.") % {"s": NO_APLICA},
        ),
        Columna(
            "MUNICIPIO",
            _("Municipio (planillas de ayuntamiento)."),
            _("Nombre del municipio; %(s)s en las demás contiendas.") % {"s": NO_APLICA},
        ),
        Columna("AMBITO", _("Lugar que elige la contienda, en palabras."), _("Texto.")),
        Columna("NOMBRE_CANDIDATO", _("Nombre completo de la persona."), _("Texto.")),
        Columna("TIPO_CANDIDATO", _("Propietaria o suplente."), _opciones(Candidatura.Calidad.choices)),
        Columna(
            "EDAD",
            _("Edad el día de la jornada electoral (o la del registro, si no hay fecha de nacimiento)."),
            _("Número entero; vacío si el registro no la trae."),
        ),
        Columna("SEXO", _("Sexo según el registro."), _opciones(Persona.Sexo.choices)),
        Columna(
            "ACCION_AFIRMATIVA",
            _("Acción afirmativa bajo la que se registró (dato del registro, no de la autoidentificación)."),
            _opciones(Candidatura.AccionAfirmativa.choices) + f"; {NINGUNA}",
        ),
        Columna("URL_PERFIL", _("Dirección del perfil público en Conóceles."), _("URL.")),
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
    texto_libre = _("Texto libre de la candidatura; %(a)s o %(b)s.") % {
        "a": SIN_INFORMACION,
        "b": NO_PROPORCIONO,
    }
    valores = {
        "grado_estudios": _opciones(GradoDeEstudios.choices),
        "estatus_estudios": _opciones(EstatusDeEstudios.choices),
        "otra_formacion": _("Un registro por formación, separados por «%(sep)s».")
        % {"sep": SEPARADOR.strip()},
    }
    return (
        columnas_de_registro()
        + [
            Columna(
                "ESTADO_CAPTURA",
                _("Estado del cuestionario curricular en el portal."),
                "; ".join(str(e) for e in EstadoDeCaptura.ETIQUETAS.values()),
            ),
            Columna(
                "FECHA_PUBLICACION",
                _("Fecha y hora (Ciudad de México) de la última publicación del cuestionario."),
                _("AAAA-MM-DD HH:MM; %(s)s si no está publicado.") % {"s": SIN_INFORMACION},
            ),
            Columna(
                "FOTOGRAFIA",
                _("Dirección de la fotografía publicada."),
                _("URL; %(a)s o %(b)s.") % {"a": SIN_INFORMACION, "b": NO_PROPORCIONO},
            ),
        ]
        + [
            Columna(columna, str(significado), valores.get(campo, texto_libre))
            for columna, campo, significado in CAMPOS_CURRICULARES
        ]
    )


def _columna_de_pregunta(pregunta):
    return f"P{pregunta.numero:02d}_{pregunta.dimension.upper()}"


def columnas_de_identidad(preguntas):
    """`preguntas`: el catálogo con sus opciones precargadas (`catalogo_de_identidad()`)."""
    columnas = columnas_de_registro()
    for pregunta in preguntas:
        opciones = "; ".join(
            f"{o.padre.texto}: {o.texto}" if o.padre_id else o.texto for o in pregunta.opciones_del_catalogo
        )
        extra = [NO_AUTORIZO, SIN_INFORMACION, NO_CONTESTO]
        if pregunta.depende_de_id:
            extra.append(NO_APLICA)
        valores = opciones + "; " + "; ".join(extra)
        if pregunta.tipo == Pregunta.Tipo.VARIAS:
            valores = _("Una o varias, separadas por «%(sep)s»: ") % {"sep": SEPARADOR.strip()} + valores
        columnas.append(Columna(_columna_de_pregunta(pregunta), pregunta.texto.strip(), valores))
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
                "distrito": e.distrito_local.numero if e.distrito_local_id else NO_APLICA,
                "municipio": e.municipio.nombre if e.municipio_id else NO_APLICA,
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
            "" if edad is None else edad,
            e["sexo"].get(c["persona__sexo"], c["persona__sexo"]),
            e["accion"].get(c["accion_afirmativa"], c["accion_afirmativa"]),
            self.url_perfil.format(c["id"]),
        ]


def _etiquetas(choices):
    return {valor: str(etiqueta) for valor, etiqueta in choices}


def _fecha(momento):
    return timezone.localtime(momento).strftime("%Y-%m-%d %H:%M") if momento else ""


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
    return valor or NO_PROPORCIONO


def _url_de_foto(nombre, base_url):
    if not nombre:
        return NO_PROPORCIONO
    url = default_storage.url(nombre)
    return url if url.startswith("http") else base_url + url


def filas_curriculares(proceso, *, base_url=""):
    """Una fila por candidatura vigente; los campos del cuestionario sólo si está publicado."""
    registro = _Registro(proceso, base_url)
    estados = _etiquetas(EstadoDeCaptura.ETIQUETAS.items())
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
            fila.append(estados[candidatura["estado_captura"]])
            cuestionario = publicados.get(candidatura["persona_id"])
            if cuestionario is None:
                fila += [SIN_INFORMACION] * (2 + len(CAMPOS_CURRICULARES))
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
    """`respuestas`: [(pregunta_id, opcion_id, texto)] publicables de una persona."""
    por_pregunta = {}
    for pregunta_id, opcion_id, texto in respuestas:
        por_pregunta.setdefault(pregunta_id, []).append((opciones[opcion_id], texto))
    valores = []
    for pregunta in preguntas:
        elegidas = sorted(por_pregunta.get(pregunta.pk, []), key=lambda r: (r[0].orden, r[0].pk))
        if elegidas:
            valores.append(SEPARADOR.join(_texto_de_respuesta(opcion, texto) for opcion, texto in elegidas))
        elif pregunta.depende_de_id and not any(
            opcion.pk == pregunta.opcion_que_habilita_id
            for opcion, _t in por_pregunta.get(pregunta.depende_de_id, [])
        ):
            valores.append(NO_APLICA)
        else:
            valores.append(NO_CONTESTO)
    return valores


def filas_de_identidad(proceso, preguntas, *, base_url=""):
    """Una fila por candidatura vigente; respuestas sólo con autorización de publicación vigente."""
    registro = _Registro(proceso, base_url)
    opciones = {o.pk: o for p in preguntas for o in p.opciones_del_catalogo}
    autoriza = Consentimiento.objects.filter(
        persona=OuterRef("persona"), proceso=proceso, autoriza_publicacion=True
    )
    candidaturas = _candidaturas(proceso).annotate(autoriza_publicacion=Exists(autoriza))
    for bloque in _en_bloques(candidaturas, "autoriza_publicacion"):
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
            if not candidatura["autoriza_publicacion"]:
                fila += [NO_AUTORIZO] * len(preguntas)
            elif not de_la_persona:
                fila += [SIN_INFORMACION] * len(preguntas)
            else:
                fila += _valores_de_identidad(de_la_persona, preguntas, opciones)
            yield fila


def filas_del_diccionario(preguntas):
    filas = [["curricular", c.nombre, c.significado, c.valores] for c in columnas_curriculares()]
    filas += [["identidad", c.nombre, c.significado, c.valores] for c in columnas_de_identidad(preguntas)]
    filas += [
        ["(valores centinela)", valor, str(significado), ""] for valor, significado in CENTINELAS.items()
    ]
    return filas


ENCABEZADOS_DEL_DICCIONARIO = ["hoja", "columna", "significado", "valores"]


def hojas(proceso, *, base_url="", preguntas=None):
    """[(título, encabezados, filas)] para `escribir_xlsx`: «curricular» e «identidad»."""
    preguntas = catalogo_de_identidad() if preguntas is None else preguntas
    return [
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
    ]


def ultima_publicacion(proceso):
    """Fecha de la última publicación de un cuestionario del proceso (o None)."""
    return (
        CuestionarioCurricular.objects.publicados()
        .filter(proceso=proceso)
        .aggregate(m=Max("publicado_en"))["m"]
    )
