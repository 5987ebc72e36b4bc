"""Quién encabeza las candidaturas de cada bloque de competitividad (P5).

El sexo de quien encabeza cada fórmula o planilla sale del registro: la candidatura vigente,
propietaria y número 1 del mismo actor a la presidencia municipal (ayuntamientos) o a la diputación
de mayoría relativa (distritos locales).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from candidaturas.models import Candidatura, Eleccion, Persona
from plataformas.models import BloqueCompetitividad


@dataclass
class Lugar:
    nombre: str
    persona: Persona | None


@dataclass
class ResumenBloque:
    bloque: BloqueCompetitividad
    lugares: list[Lugar] = field(default_factory=list)

    @property
    def total(self):
        return len(self.lugares)

    @property
    def mujeres(self):
        return sum(1 for lugar in self.lugares if lugar.persona and lugar.persona.sexo == Persona.Sexo.MUJER)

    @property
    def hombres(self):
        return sum(1 for lugar in self.lugares if lugar.persona and lugar.persona.sexo == Persona.Sexo.HOMBRE)

    @property
    def otras(self):
        return sum(
            1
            for lugar in self.lugares
            if lugar.persona and lugar.persona.sexo not in (Persona.Sexo.MUJER, Persona.Sexo.HOMBRE)
        )

    @property
    def sin_registro(self):
        return sum(1 for lugar in self.lugares if lugar.persona is None)


def _encabezados(proceso, actor):
    """{("municipal", municipio_id) | ("legislativa", distrito_id): Persona} en una consulta."""
    candidaturas = (
        Candidatura.objects.vigentes()
        .filter(
            eleccion__proceso=proceso,
            actor=actor,
            numero=1,
            calidad=Candidatura.Calidad.PROPIETARIA,
            cargo__in=[Candidatura.Cargo.PRESIDENCIA_MUNICIPAL, Candidatura.Cargo.DIPUTACION],
            eleccion__tipo__in=[Eleccion.Tipo.AYUNTAMIENTO, Eleccion.Tipo.DIPUTACION_MR],
        )
        .select_related("persona", "eleccion")
    )
    encabezados = {}
    for candidatura in candidaturas:
        eleccion = candidatura.eleccion
        if eleccion.tipo == Eleccion.Tipo.AYUNTAMIENTO:
            if candidatura.cargo == Candidatura.Cargo.PRESIDENCIA_MUNICIPAL:
                encabezados[("municipal", eleccion.municipio_id)] = candidatura.persona
        elif candidatura.cargo == Candidatura.Cargo.DIPUTACION:
            encabezados[("legislativa", eleccion.distrito_local_id)] = candidatura.persona
    return encabezados


def resumen_de_bloques(proceso, actor):
    """Los bloques del actor, por tipo de elección, con quien encabeza cada lugar. Cuatro consultas."""
    bloques = sorted(
        BloqueCompetitividad.objects.para_pagina().filter(proceso=proceso, actor=actor),
        key=lambda b: (b.tipo, b.orden_nivel),
    )
    encabezados = _encabezados(proceso, actor)
    por_tipo = {}
    for bloque in bloques:
        if bloque.tipo == BloqueCompetitividad.Tipo.MUNICIPAL:
            lugares = [Lugar(m.nombre, encabezados.get(("municipal", m.pk))) for m in bloque.municipios.all()]
        else:
            lugares = [
                Lugar(
                    _("Distrito %(numero)s, %(cabecera)s")
                    % {"numero": d.numero, "cabecera": d.cabecera_legible},
                    encabezados.get(("legislativa", d.pk)),
                )
                for d in bloque.distritos.all()
            ]
        por_tipo.setdefault(bloque.tipo, []).append(ResumenBloque(bloque, lugares))
    return [
        {
            "tipo": tipo,
            "etiqueta": BloqueCompetitividad.Tipo(tipo).label,
            "bloques": resumenes,
            "barras": [
                {
                    "etiqueta": r.bloque.get_nivel_display(),
                    "valor": r.mujeres,
                    "texto": _("%(mujeres)s de %(total)s") % {"mujeres": r.mujeres, "total": r.total},
                }
                for r in resumenes
            ],
        }
        for tipo, resumenes in por_tipo.items()
    ]
