"""Fábricas del registro electoral. Cada una construye un objeto válido y vigente."""

import datetime

import factory
from factory.django import DjangoModelFactory

from candidaturas.models import (
    ActorPolitico,
    Candidatura,
    DistritoFederal,
    DistritoLocal,
    Eleccion,
    Municipio,
    Persona,
    ProcesoElectoral,
    SeccionElectoral,
)

factory.Faker._DEFAULT_LOCALE = "es_MX"


class MunicipioFactory(DjangoModelFactory):
    class Meta:
        model = Municipio
        django_get_or_create = ("clave_ieem",)

    clave_ieem = factory.Sequence(lambda n: 200 + n)
    clave_inegi = factory.Sequence(lambda n: f"15{(500 + n) % 1000:03d}")
    nombre = factory.Sequence(lambda n: f"Municipio {n}")
    nombre_ieem = factory.LazyAttribute(lambda o: o.nombre.upper())


class DistritoLocalFactory(DjangoModelFactory):
    class Meta:
        model = DistritoLocal
        django_get_or_create = ("numero",)

    numero = factory.Sequence(lambda n: 50 + n)
    cabecera = factory.Sequence(lambda n: f"CABECERA {n}")


class DistritoFederalFactory(DjangoModelFactory):
    class Meta:
        model = DistritoFederal
        django_get_or_create = ("numero",)

    numero = factory.Sequence(lambda n: 50 + n)
    cabecera = factory.Sequence(lambda n: f"CABECERA FEDERAL {n}")


class SeccionFactory(DjangoModelFactory):
    class Meta:
        model = SeccionElectoral
        django_get_or_create = ("numero",)

    numero = factory.Sequence(lambda n: 7000 + n)
    municipio = factory.SubFactory(MunicipioFactory)
    distrito_local = factory.SubFactory(DistritoLocalFactory)
    casillas = 3
    lista_nominal = 1500


class ProcesoElectoralFactory(DjangoModelFactory):
    class Meta:
        model = ProcesoElectoral
        django_get_or_create = ("slug",)

    nombre = "Proceso Electoral Local Ordinario 2027"
    slug = factory.Sequence(lambda n: f"proceso-{2027 + n}")
    anio = 2027
    tipo = ProcesoElectoral.Tipo.ORDINARIO
    fecha_jornada = datetime.date(2027, 6, 6)
    inicio_campanas = datetime.date(2027, 4, 29)
    fin_campanas = datetime.date(2027, 6, 2)
    predeterminado = False


class EleccionFactory(DjangoModelFactory):
    """Por omisión, una diputación de mayoría relativa."""

    class Meta:
        model = Eleccion

    proceso = factory.SubFactory(ProcesoElectoralFactory)
    tipo = Eleccion.Tipo.DIPUTACION_MR
    distrito_local = factory.SubFactory(DistritoLocalFactory)
    municipio = None

    class Params:
        ayuntamiento = factory.Trait(
            tipo=Eleccion.Tipo.AYUNTAMIENTO,
            distrito_local=None,
            municipio=factory.SubFactory(MunicipioFactory),
        )
        gubernatura = factory.Trait(tipo=Eleccion.Tipo.GUBERNATURA, distrito_local=None)
        representacion_proporcional = factory.Trait(tipo=Eleccion.Tipo.DIPUTACION_RP, distrito_local=None)


class ActorPoliticoFactory(DjangoModelFactory):
    class Meta:
        model = ActorPolitico
        django_get_or_create = ("slug",)

    tipo = ActorPolitico.Tipo.PARTIDO
    siglas = factory.Sequence(lambda n: f"P{n}")
    nombre = factory.LazyAttribute(lambda o: f"Partido {o.siglas}")
    slug = factory.LazyAttribute(lambda o: o.siglas.lower())
    color = "#336699"


class PersonaFactory(DjangoModelFactory):
    class Meta:
        model = Persona

    nombre = factory.Faker("first_name")
    primer_apellido = factory.Faker("last_name")
    segundo_apellido = factory.Faker("last_name")
    sexo = Persona.Sexo.MUJER
    fecha_nacimiento = factory.Faker("date_of_birth", minimum_age=21, maximum_age=75)
    correo = factory.Sequence(lambda n: f"persona{n}@ejemplo.mx")


class CandidaturaFactory(DjangoModelFactory):
    """Una diputación de mayoría, propietaria, registrada."""

    class Meta:
        model = Candidatura

    persona = factory.SubFactory(PersonaFactory)
    eleccion = factory.SubFactory(EleccionFactory)
    actor = factory.SubFactory(ActorPoliticoFactory)
    cargo = Candidatura.Cargo.DIPUTACION
    numero = 1
    calidad = Candidatura.Calidad.PROPIETARIA
    estado = Candidatura.Estado.REGISTRADA


def crear_formula(
    *, eleccion, actor, cargo=Candidatura.Cargo.DIPUTACION, numero=1, sexo=Persona.Sexo.MUJER, **extra
):
    """Propietaria y suplente de un lugar; devuelve (propietaria, suplente)."""
    return tuple(
        CandidaturaFactory(
            eleccion=eleccion,
            actor=actor,
            cargo=cargo,
            numero=numero,
            calidad=calidad,
            persona=PersonaFactory(sexo=sexo),
            **extra,
        )
        for calidad in (Candidatura.Calidad.PROPIETARIA, Candidatura.Calidad.SUPLENTE)
    )


def crear_planilla(*, eleccion, actor, sindicaturas=1, regidurias=2, sexo_presidencia=Persona.Sexo.MUJER):
    """Planilla de ayuntamiento completa (presidencia, sindicaturas y regidurías, con suplentes)."""
    lugares = [(Candidatura.Cargo.PRESIDENCIA_MUNICIPAL, 1)]
    lugares += [(Candidatura.Cargo.SINDICATURA, n) for n in range(1, sindicaturas + 1)]
    lugares += [(Candidatura.Cargo.REGIDURIA, n) for n in range(1, regidurias + 1)]
    otro = Persona.Sexo.HOMBRE if sexo_presidencia == Persona.Sexo.MUJER else Persona.Sexo.MUJER
    candidaturas = []
    for posicion, (cargo, numero) in enumerate(lugares):
        sexo = sexo_presidencia if posicion % 2 == 0 else otro
        candidaturas += crear_formula(eleccion=eleccion, actor=actor, cargo=cargo, numero=numero, sexo=sexo)
    return candidaturas
