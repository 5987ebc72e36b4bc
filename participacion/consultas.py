"""Lo que una página necesita para pintar reacciones y comentarios, en pocas consultas fijas.

Las vistas que muestran propuestas (plataformas, y Conóceles para las de candidaturas) llaman a
estas funciones y pasan el resultado a `participacion/_reacciones.html`. Lo que devuelven es igual
para todo visitante (sin token ni reacción propia): esas páginas salen de la caché pública. Lo de
cada quien (su reacción, el token CSRF) lo pide `static/js/reacciones.js` a `estado_de_objetivos`.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Q

from participacion.forms import ComentarioForm
from participacion.models import AjusteParticipacion, Comentario, Conteo, PropuestaDeCandidatura, Reaccion
from participacion.objetivos import Objetivo


@dataclass
class Participacion:
    """Entrada del parcial `_reacciones.html` para un objetivo."""

    objetivo: Objetivo
    me_gusta: int = 0
    no_me_gusta: int = 0
    comentarios: int = 0
    abierta: bool = True


def participacion_de_propuestas(propuestas, proceso):
    """Una `Participacion` por propuesta, en su mismo orden. Tres consultas."""
    ids = [p.pk for p in propuestas]
    abierta = AjusteParticipacion.del_proceso(proceso).recibe_participacion
    conteos = {c.propuesta_id: c for c in Conteo.objects.filter(propuesta_id__in=ids)}
    comentarios = dict(
        Comentario.objects.publicados()
        .filter(propuesta_id__in=ids)
        .order_by()
        .values("propuesta_id")
        .annotate(n=Count("pk"))
        .values_list("propuesta_id", "n")
    )
    resultado = []
    for propuesta in propuestas:
        conteo = conteos.get(propuesta.pk)
        resultado.append(
            Participacion(
                objetivo=Objetivo(propuesta=propuesta),
                me_gusta=conteo.me_gusta if conteo else 0,
                no_me_gusta=conteo.no_me_gusta if conteo else 0,
                comentarios=comentarios.get(propuesta.pk, 0),
                abierta=abierta,
            )
        )
    return resultado


def participacion_de_candidatura(cuestionario):
    """Para el perfil de Conóceles: [(etiqueta, texto, Participacion, comentarios)] de cada propuesta
    no vacía de un cuestionario publicado. Tres consultas, sin importar cuántas.

    En la plantilla, bajo cada propuesta:
    {% include "participacion/_reacciones.html" with participacion=p siguiente=request.get_full_path only %}
    y, si se quiere el cuadro de comentarios, `participacion/_comentario_form.html` con
    form=ComentarioForm(), objetivo=p.objetivo, y `participacion/_comentarios.html`.
    """
    cuales = [c for c in PropuestaDeCandidatura if (getattr(cuestionario, c.value) or "").strip()]
    abierta = AjusteParticipacion.del_proceso(cuestionario.proceso).recibe_participacion
    conteos = {c.cual: c for c in Conteo.objects.filter(cuestionario=cuestionario)}
    publicados = {}
    for comentario in (
        Comentario.objects.publicados()
        .filter(cuestionario=cuestionario)
        .only("pk", "cual", "texto", "nombre", "creado")
    ):
        publicados.setdefault(comentario.cual, []).append(comentario)
    resultado = []
    for cual in cuales:
        conteo = conteos.get(cual.value)
        comentarios = publicados.get(cual.value, [])
        participacion = Participacion(
            objetivo=Objetivo(cuestionario=cuestionario, cual=cual.value),
            me_gusta=conteo.me_gusta if conteo else 0,
            no_me_gusta=conteo.no_me_gusta if conteo else 0,
            comentarios=len(comentarios),
            abierta=abierta,
        )
        resultado.append((cual.label, getattr(cuestionario, cual.value), participacion, comentarios))
    return resultado


def comentarios_publicados(objetivo, limite=100):
    """Los comentarios publicados de un objetivo, del más reciente al más antiguo (una consulta)."""
    return list(
        Comentario.objects.publicados()
        .filter(**objetivo.filtro)
        .only("pk", "texto", "nombre", "creado")[:limite]
    )


def formulario_de_comentario():
    return ComentarioForm()


MAXIMO_DE_CLAVES = 300
_CLAVE = re.compile(
    r"^(?:propuesta-(?P<propuesta>\d{1,12})|cuestionario-(?P<cuestionario>\d{1,12})-(?P<cual>[a-z_0-9]+))$"
)


def claves_validas(claves):
    """Las claves de objetivo bien formadas (`Objetivo.clave`), sin repetir; `None` si alguna no lo
    está o son demasiadas."""
    vistas = []
    for clave in claves:
        coincide = _CLAVE.match(clave)
        if coincide is None or len(vistas) >= MAXIMO_DE_CLAVES:
            return None
        if coincide["cual"] and coincide["cual"] not in PropuestaDeCandidatura.values:
            return None
        if clave not in vistas:
            vistas.append(clave)
    return vistas


def estado_de_objetivos(token, claves):
    """Lo de cada visitante para la petición de estado: {clave: {"mia", "me_gusta", "no_me_gusta"}}.
    Dos consultas como máximo (una de totales y, con token, una de reacciones propias)."""
    propuestas, de_candidatura = [], []
    for clave in claves:
        coincide = _CLAVE.match(clave)
        if coincide["propuesta"]:
            propuestas.append(int(coincide["propuesta"]))
        else:
            de_candidatura.append((int(coincide["cuestionario"]), coincide["cual"]))
    filtro = Q(propuesta_id__in=propuestas) if propuestas else Q(pk__in=[])
    for cuestionario, cual in de_candidatura:
        filtro |= Q(cuestionario_id=cuestionario, cual=cual)

    def clave_de(fila):
        if fila["propuesta_id"]:
            return f"propuesta-{fila['propuesta_id']}"
        return f"cuestionario-{fila['cuestionario_id']}-{fila['cual']}"

    resultado = {clave: {"mia": None, "me_gusta": 0, "no_me_gusta": 0} for clave in claves}
    if not claves:
        return resultado
    for fila in Conteo.objects.filter(filtro).values(
        "propuesta_id", "cuestionario_id", "cual", "me_gusta", "no_me_gusta"
    ):
        if clave_de(fila) in resultado:
            resultado[clave_de(fila)].update(me_gusta=fila["me_gusta"], no_me_gusta=fila["no_me_gusta"])
    if token:
        for fila in Reaccion.objects.filter(filtro, token=token).values(
            "propuesta_id", "cuestionario_id", "cual", "valor"
        ):
            if clave_de(fila) in resultado:
                resultado[clave_de(fila)]["mia"] = fila["valor"]
    return resultado
