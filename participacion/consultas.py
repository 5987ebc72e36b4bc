"""Lo que una página necesita para pintar reacciones y comentarios, en pocas consultas fijas.

Las vistas que muestran propuestas (plataformas, y Conóceles para las de candidaturas) llaman a
estas funciones y pasan el resultado a `participacion/_reacciones.html`.
"""

from dataclasses import dataclass

from django.db.models import Count

from participacion.cliente import token_del_cliente
from participacion.forms import ComentarioForm
from participacion.models import AjusteParticipacion, Comentario, Conteo, PropuestaDeCandidatura, Reaccion
from participacion.objetivos import Objetivo


@dataclass
class Participacion:
    """Entrada del parcial `_reacciones.html` para un objetivo."""

    objetivo: Objetivo
    me_gusta: int = 0
    no_me_gusta: int = 0
    mia: str | None = None
    comentarios: int = 0
    abierta: bool = True

    @property
    def me_gusta_marcado(self):
        return self.mia == "me_gusta"

    @property
    def no_me_gusta_marcado(self):
        return self.mia == "no_me_gusta"


def participacion_de_propuestas(request, propuestas, proceso):
    """Una `Participacion` por propuesta, en su mismo orden. Tres consultas (cuatro con token)."""
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
    token = token_del_cliente(request)
    mias = (
        dict(Reaccion.objects.filter(token=token, propuesta_id__in=ids).values_list("propuesta_id", "valor"))
        if token
        else {}
    )
    resultado = []
    for propuesta in propuestas:
        conteo = conteos.get(propuesta.pk)
        resultado.append(
            Participacion(
                objetivo=Objetivo(propuesta=propuesta),
                me_gusta=conteo.me_gusta if conteo else 0,
                no_me_gusta=conteo.no_me_gusta if conteo else 0,
                mia=mias.get(propuesta.pk),
                comentarios=comentarios.get(propuesta.pk, 0),
                abierta=abierta,
            )
        )
    return resultado


def participacion_de_candidatura(request, cuestionario):
    """Para el perfil de Conóceles: [(etiqueta, texto, Participacion, comentarios)] de cada propuesta
    no vacía de un cuestionario publicado. Cuatro consultas (cinco con token), sin importar cuántas.

    En la plantilla, bajo cada propuesta:
    {% include "participacion/_reacciones.html" with participacion=p siguiente=request.get_full_path only %}
    y, si se quiere el cuadro de comentarios, `participacion/_comentario_form.html` con
    form=ComentarioForm(), objetivo=p.objetivo, y `participacion/_comentarios.html`.
    """
    cuales = [c for c in PropuestaDeCandidatura if (getattr(cuestionario, c.value) or "").strip()]
    abierta = AjusteParticipacion.del_proceso(cuestionario.proceso).recibe_participacion
    conteos = {c.cual: c for c in Conteo.objects.filter(cuestionario=cuestionario)}
    token = token_del_cliente(request)
    mias = (
        dict(Reaccion.objects.filter(token=token, cuestionario=cuestionario).values_list("cual", "valor"))
        if token
        else {}
    )
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
            mia=mias.get(cual.value),
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
