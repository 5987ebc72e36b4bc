"""A qué se reacciona o comenta: una propuesta de plataforma."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from plataformas.models import Propuesta


@dataclass(frozen=True)
class Objetivo:
    """Un objetivo de participación ya validado (existe y es público)."""

    propuesta: Propuesta

    @property
    def filtro(self):
        """Los campos que lo identifican en Reaccion, Conteo y Comentario."""
        return {"propuesta": self.propuesta}

    @property
    def campos_ocultos(self):
        """Lo que viaja en los formularios para nombrarlo: [(nombre, valor)]."""
        return [("propuesta", self.propuesta.pk)]

    @property
    def clave(self):
        return f"propuesta-{self.propuesta.pk}"

    @property
    def proceso(self):
        return self.propuesta.plataforma.proceso

    @property
    def actor(self):
        return self.propuesta.plataforma.actor

    @property
    def titulo(self):
        return self.propuesta.titulo

    @property
    def descripcion(self):
        return _("Propuesta de la %(plataforma)s") % {"plataforma": self.propuesta.plataforma}

    def get_absolute_url(self):
        return self.propuesta.get_absolute_url()


def objetivo_de_la_peticion(datos):
    """Resuelve el objetivo nombrado en un POST; 404 si no existe o no es público."""
    valor = str(datos.get("propuesta", "")).strip()
    if not valor.isdigit():
        raise Http404(_("No encontramos lo que quieres calificar."))
    propuesta = Propuesta.objects.publicadas().para_detalle().filter(pk=int(valor)).first()
    if propuesta is None:
        raise Http404(_("No encontramos lo que quieres calificar."))
    return Objetivo(propuesta=propuesta)
