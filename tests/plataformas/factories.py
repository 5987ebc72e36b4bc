"""Fábricas de plataformas: una plataforma publicada con actor y proceso válidos."""

import factory
from factory.django import DjangoModelFactory

from plataformas.models import BloqueCompetitividad, PlataformaElectoral, Propuesta, Tema
from tests.candidaturas.factories import ActorPoliticoFactory, ProcesoElectoralFactory


class TemaFactory(DjangoModelFactory):
    class Meta:
        model = Tema
        django_get_or_create = ("slug",)

    nombre = factory.Sequence(lambda n: f"Tema de prueba {n}")
    slug = factory.Sequence(lambda n: f"tema-de-prueba-{n}")
    orden = factory.Sequence(lambda n: n)


class PlataformaElectoralFactory(DjangoModelFactory):
    class Meta:
        model = PlataformaElectoral

    proceso = factory.SubFactory(ProcesoElectoralFactory)
    actor = factory.SubFactory(ActorPoliticoFactory)
    tipo = PlataformaElectoral.Tipo.LEGISLATIVA
    resumen = factory.Faker("paragraph", nb_sentences=3)
    publicada = True


class PropuestaFactory(DjangoModelFactory):
    class Meta:
        model = Propuesta

    plataforma = factory.SubFactory(PlataformaElectoralFactory)
    titulo = factory.Sequence(lambda n: f"Propuesta número {n}")
    texto = factory.Faker("paragraph", nb_sentences=2)
    tema = factory.SubFactory(TemaFactory)
    orden = factory.Sequence(lambda n: n + 1)


class BloqueCompetitividadFactory(DjangoModelFactory):
    class Meta:
        model = BloqueCompetitividad

    proceso = factory.SubFactory(ProcesoElectoralFactory)
    actor = factory.SubFactory(ActorPoliticoFactory)
    tipo = BloqueCompetitividad.Tipo.MUNICIPAL
    nivel = BloqueCompetitividad.Nivel.ALTA
