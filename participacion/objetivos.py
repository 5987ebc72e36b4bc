"""A qué se reacciona o comenta: una propuesta de plataforma o una propuesta de candidatura."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from candidaturas.models import Candidatura
from cuestionarios.models import CuestionarioCurricular
from participacion.models import PropuestaDeCandidatura
from plataformas.models import Propuesta


@dataclass(frozen=True)
class Objetivo:
    """Un objetivo de participación ya validado (existe y es público): `propuesta`, o
    `cuestionario` + `cual` (propuesta_1, propuesta_2 o propuesta_genero)."""

    propuesta: Propuesta | None = None
    cuestionario: CuestionarioCurricular | None = None
    cual: str = ""

    @property
    def filtro(self):
        """Los campos que lo identifican en Reaccion, Conteo y Comentario."""
        if self.propuesta is not None:
            return {"propuesta": self.propuesta}
        return {"cuestionario": self.cuestionario, "cual": self.cual}

    @property
    def campos_ocultos(self):
        """Lo que viaja en los formularios para nombrarlo: [(nombre, valor)]."""
        if self.propuesta is not None:
            return [("propuesta", self.propuesta.pk)]
        return [("cuestionario", self.cuestionario.pk), ("cual", self.cual)]

    @property
    def clave(self):
        """Identificador para anclas HTML (#propuesta-12, #candidatura-5-propuesta_1)."""
        if self.propuesta is not None:
            return f"propuesta-{self.propuesta.pk}"
        return f"cuestionario-{self.cuestionario.pk}-{self.cual}"

    @property
    def proceso(self):
        if self.propuesta is not None:
            return self.propuesta.plataforma.proceso
        return self.cuestionario.proceso

    @property
    def titulo(self):
        if self.propuesta is not None:
            return self.propuesta.titulo
        return _("%(propuesta)s de %(persona)s") % {
            "propuesta": PropuestaDeCandidatura(self.cual).label,
            "persona": self.cuestionario.persona.nombre_completo,
        }

    @property
    def texto(self):
        if self.propuesta is not None:
            return self.propuesta.texto
        return getattr(self.cuestionario, self.cual)

    @property
    def descripcion(self):
        if self.propuesta is not None:
            return _("Propuesta de la %(plataforma)s.") % {"plataforma": self.propuesta.plataforma}
        return _("Propuesta de campaña de una persona candidata.")

    def get_absolute_url(self):
        if self.propuesta is not None:
            return self.propuesta.get_absolute_url()
        candidatura = (
            Candidatura.objects.vigentes()
            .filter(
                persona_id=self.cuestionario.persona_id, eleccion__proceso_id=self.cuestionario.proceso_id
            )
            .order_by("calidad", "numero")
            .first()
        )
        # Sin candidatura vigente (p. ej. sustituida) la propuesta ya no tiene página propia.
        return candidatura.get_absolute_url() if candidatura is not None else "/"


def objetivo_de_la_peticion(datos):
    """Resuelve el objetivo nombrado en un POST; 404 si no existe, no es público o está vacío."""
    no_encontrado = Http404(_("No encontramos la propuesta que quieres calificar o comentar."))
    propuesta = str(datos.get("propuesta", "")).strip()
    if propuesta:
        if not propuesta.isdigit():
            raise no_encontrado
        encontrada = Propuesta.objects.publicadas().para_detalle().filter(pk=int(propuesta)).first()
        if encontrada is None:
            raise no_encontrado
        return Objetivo(propuesta=encontrada)
    cuestionario = str(datos.get("cuestionario", "")).strip()
    cual = str(datos.get("cual", "")).strip()
    if not cuestionario.isdigit() or cual not in PropuestaDeCandidatura.values:
        raise no_encontrado
    encontrado = (
        CuestionarioCurricular.objects.publicados()
        .select_related("persona", "proceso")
        .filter(pk=int(cuestionario))
        .first()
    )
    if encontrado is None or not (getattr(encontrado, cual) or "").strip():
        raise no_encontrado
    return Objetivo(cuestionario=encontrado, cual=cual)
