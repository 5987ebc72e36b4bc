"""Esquemas de la API (pydantic, vía django-ninja): de aquí sale el esquema OpenAPI y con ellos se
valida cada respuesta antes de salir.

Los nombres siguen Popolo donde el concepto coincide (`name`, `given_name`, `family_name`,
`gender`, `classification`, `person_id`, `on_behalf_of_id`, `post`, `contact_details`,
`memberships`); lo propio del IEEM va en español. El mapeo está en docs/api.md.
"""

import datetime
from typing import Literal

from pydantic import BaseModel, Field, create_model

from candidaturas import models as registro
from conoceles.consultas import RANGOS_DE_EDAD
from cuestionarios.models import GradoDeEstudios
from plataformas.models import PlataformaElectoral as PlataformaModelo

ENTERO_MAXIMO = 2**31 - 1
"""Los identificadores caben en 32 bits; algo mayor no existe (y PostgreSQL lo rechazaría)."""

PATRON_SLUG = r"^[-a-zA-Z0-9_]{1,80}$"

Cargo = Literal[tuple(registro.Candidatura.Cargo.values)]
Calidad = Literal[tuple(registro.Candidatura.Calidad.values)]
EstadoDeCandidatura = Literal[tuple(registro.Candidatura.Estado.values)]
AccionAfirmativa = Literal[tuple(registro.Candidatura.AccionAfirmativa.values)]
Sexo = Literal[tuple(registro.Persona.Sexo.values)]
TipoDeEleccion = Literal[tuple(registro.Eleccion.Tipo.values)]
TipoDeActor = Literal[tuple(registro.ActorPolitico.Tipo.values)]
TipoDePlataforma = Literal[tuple(PlataformaModelo.Tipo.values)]
Grado = Literal[tuple(GradoDeEstudios.values)]


class Schema(BaseModel):
    """Base de los esquemas de salida: modelos de pydantic simples. Las vistas arman diccionarios,
    así que no hace falta el `Schema` de ninja (que lee atributos de modelos de Django y cuesta el
    doble al validar una página de 50)."""


EstadoDeCaptura = Literal["publicada", "enviada", "sin_captura"]
RangoDeEdad = Literal[tuple(clave for clave, *_resto in RANGOS_DE_EDAD)]
FiltroDeAccion = Literal[("cualquiera", *registro.Candidatura.AccionAfirmativa.values)]


class Error(Schema):
    """Cuerpo de toda respuesta 400, 404 y 429."""

    detalle: str = Field(description="Qué pasó, en español.")
    errores: dict[str, list[str]] = Field(
        default_factory=dict, description="Por parámetro, los mensajes de validación (400)."
    )


class Licencia(Schema):
    nombre: str
    url: str
    como_citar: str


class Raiz(Schema):
    nombre: str
    version: str
    licencia: Licencia
    esquema: str
    documentacion: str
    recursos: dict[str, str]


# --- Piezas compartidas ---------------------------------------------------------------------------


class Referencia(Schema):
    """Una referencia corta a otro recurso."""

    id: int
    name: str


class ActorBreve(Schema):
    id: str = Field(description="Identificador estable del actor (el mismo de `?actor=` en Conóceles).")
    name: str
    siglas: str


class Area(Schema):
    """El ámbito de una contienda (Popolo `Area`)."""

    classification: Literal["estado", "distrito_local", "municipio"]
    id: int | None = Field(
        description="Número de distrito local o clave IEEM del municipio; nulo para el estado."
    )
    name: str


class ContiendaBreve(Schema):
    id: int
    label: str
    tipo: TipoDeEleccion


class Post(Schema):
    """El lugar que se disputa (Popolo `Post`): cargo, número en la planilla o lista, y calidad."""

    label: str = Field(description="«Regiduría 3», «Diputación RP, lugar 2»…")
    role: Cargo
    numero: int
    calidad: Calidad


# --- Procesos --------------------------------------------------------------------------------------


class Proceso(Schema):
    id: str = Field(description="Identificador estable del proceso (el mismo de `?proceso=` en el portal).")
    name: str
    anio: int
    tipo: Literal["ordinario", "extraordinario"]
    fecha_jornada: datetime.date | None
    inicio_campanas: datetime.date | None
    fin_campanas: datetime.date | None
    predeterminado: bool
    archivado: bool
    es_demostracion: bool = Field(description="Verdadero si sus candidaturas son ficticias.")


# --- Contiendas ------------------------------------------------------------------------------------


class Contienda(Schema):
    id: int = Field(description="Identificador estable de la contienda (el de `?contienda=` en Conóceles).")
    label: str
    tipo: TipoDeEleccion
    proceso: str
    area: Area
    url: str = Field(description="La contienda en el listado de fórmulas y planillas del portal.")
    candidaturas: str = Field(description="Sus candidaturas en esta API.")


class Encabezado(Schema):
    """Quien encabeza la fórmula, la planilla o la lista de un actor en la contienda."""

    candidatura_id: int
    name: str
    on_behalf_of: ActorBreve
    url: str


class ContiendaEnLaBoleta(Contienda):
    encabezados: list[Encabezado]


# --- Actores (Popolo organizations) ---------------------------------------------------------------


class Actor(Schema):
    id: str = Field(description="Identificador estable (slug).")
    name: str
    classification: TipoDeActor
    siglas: str
    color: str = Field(description="Color de referencia para gráficas (no es el oficial).")
    proceso: str | None = Field(
        description="Proceso de una coalición o independiente; nulo si es permanente."
    )
    members: list[str] = Field(description="Partidos que integran la coalición o candidatura común.")


# --- Personas --------------------------------------------------------------------------------------


class Persona(Schema):
    id: int = Field(description="Registro permanente de la persona: el mismo en todos los procesos.")
    name: str
    given_name: str
    family_name: str = Field(description="Apellidos.")
    primer_apellido: str
    segundo_apellido: str
    gender: Sexo


class CandidaturaDePersona(Schema):
    """Popolo `Membership` vista desde la persona."""

    id: int
    proceso: str
    contienda: ContiendaBreve
    on_behalf_of: ActorBreve
    post: Post
    estado: EstadoDeCandidatura
    url: str


class PersonaDetalle(Persona):
    memberships: list[CandidaturaDePersona]


# --- Candidaturas (Popolo memberships) --------------------------------------------------------


class Candidatura(Schema):
    id: int = Field(
        description="ID estable: el de /conoceles/<id>/ y el ID_CANDIDATURA de los datos abiertos."
    )
    url: str = Field(description="Perfil público.")
    proceso: str
    person_id: int
    person: Referencia
    on_behalf_of_id: str
    on_behalf_of: ActorBreve
    post: Post
    contienda: ContiendaBreve
    area: Area
    estado: EstadoDeCandidatura = Field(description="registrada (vigente), sustituida o cancelada.")
    accion_afirmativa: AccionAfirmativa | None
    sustituye: Referencia | None = Field(description="La candidatura que ésta sustituyó.")
    sustituida_por: Referencia | None = Field(description="La candidatura que hoy ocupa su lugar.")
    estado_captura: EstadoDeCaptura = Field(description="Si publicó sus cuestionarios en Conóceles.")


class Contacto(Schema):
    """Popolo `ContactDetail`: sólo los medios que la candidatura publicó."""

    type: str
    label: str
    value: str


class Curricular(Schema):
    """Cuestionario curricular publicado (la versión que ve el público)."""

    foto: str | None
    grado_estudios: Grado | None
    grado_estudios_texto: str
    estatus_estudios: str
    otra_formacion: str
    historia_profesional: str
    trayectoria_politica: str
    por_que_quiero_el_cargo: str
    propuesta_1: str
    propuesta_2: str
    propuesta_genero: str
    contact_details: list[Contacto]
    publicado_en: datetime.datetime


class RespuestaDeIdentidad(Schema):
    clave: str
    texto: str
    especificacion: str


class PreguntaDeIdentidad(Schema):
    numero: int
    pregunta: str
    dimension: str
    respuestas: list[RespuestaDeIdentidad]


class CandidaturaDetalle(Candidatura):
    edad: int | None = Field(description="Edad el día de la jornada.")
    curricular: Curricular | None = Field(description="Nulo si no hay cuestionario publicado.")
    identidad: list[PreguntaDeIdentidad] = Field(
        description="Sólo si la persona autorizó (y no ha retirado) la publicación de sus datos sensibles."
    )


# --- Plataformas ----------------------------------------------------------------------------------


class Plataforma(Schema):
    id: int
    proceso: str
    tipo: TipoDePlataforma
    organization: ActorBreve
    resumen: str
    documento: str | None
    numero_propuestas: int
    url: str


class PropuestaDePlataforma(Schema):
    id: int
    titulo: str
    texto: str
    tema: str
    url: str


class PlataformaDetalle(Plataforma):
    propuestas: list[PropuestaDePlataforma]


# --- Cifras -----------------------------------------------------------------------------------------


class Cifra(Schema):
    valor: int | None = Field(description="Nulo si la cifra está protegida (menos de 5 o deducible).")
    texto: str = Field(description="La cifra como se publica: «12», «menos de 5», «dato protegido».")


class Categoria(Schema):
    etiqueta: str
    cifra: Cifra


class Grafica(Schema):
    clave: str
    titulo: str
    total: Cifra
    categorias: list[Categoria]


class FilaDeAvance(Schema):
    grupo: list[str]
    publicada: Cifra
    enviada: Cifra
    sin_captura: Cifra
    total: Cifra


class TablaDeAvance(Schema):
    clave: str
    columnas: list[str]
    filas: list[FilaDeAvance]


class Estadisticas(Schema):
    proceso: str
    cargo: Cargo | None
    umbral: int = Field(description="Conteos de 1 a umbral − 1 nunca se publican.")
    avance: list[TablaDeAvance]
    graficas: list[Grafica]


class FilaDeParticipacion(Schema):
    etiqueta: str
    reacciones: int
    comentarios: int


class SerieDeParticipacion(Schema):
    clave: str
    titulo: str
    filas: list[FilaDeParticipacion]


class Participacion(Schema):
    proceso: str
    reacciones: int
    comentarios: int
    series: list[SerieDeParticipacion]


# --- Secciones -------------------------------------------------------------------------------------


class Municipio(Schema):
    clave_ieem: int
    name: str


class Distrito(Schema):
    numero: int
    cabecera: str


class Seccion(Schema):
    numero: int
    municipio: Municipio
    distrito_local: Distrito
    distrito_federal: Distrito | None
    casillas: int
    lista_nominal: int
    proceso: str | None
    contiendas: list[ContiendaEnLaBoleta]


# --- Páginas ----------------------------------------------------------------------------------------


def pagina_de(esquema):
    """El sobre de una lista paginada de `esquema`."""
    return create_model(
        f"Pagina{esquema.__name__}",
        __base__=Schema,
        total=(int, Field(description="Elementos en todas las páginas.")),
        pagina=(int, ...),
        paginas=(int, ...),
        siguiente=(str | None, Field(description="URL de la página siguiente.")),
        anterior=(str | None, Field(description="URL de la página anterior.")),
        resultados=(list[esquema], ...),
    )
