import uuid

import factory
from factory.django import DjangoModelFactory

from participacion.models import Comentario, Reaccion
from tests.plataformas.factories import PropuestaFactory


class ComentarioFactory(DjangoModelFactory):
    """Un comentario publicado sobre una propuesta de plataforma."""

    class Meta:
        model = Comentario

    propuesta = factory.SubFactory(PropuestaFactory)
    texto = factory.Faker("paragraph", nb_sentences=2)
    token = factory.LazyFunction(lambda: uuid.uuid4().hex)
    estado = Comentario.Estado.PUBLICADO


class ReaccionFactory(DjangoModelFactory):
    class Meta:
        model = Reaccion

    propuesta = factory.SubFactory(PropuestaFactory)
    token = factory.LazyFunction(lambda: uuid.uuid4().hex)
    valor = "me_gusta"
