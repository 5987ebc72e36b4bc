import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, Eleccion, Persona
from plataformas.models import BloqueCompetitividad
from plataformas.validadores import validar_pdf
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.plataformas.factories import (
    BloqueCompetitividadFactory,
    PlataformaElectoralFactory,
    PropuestaFactory,
    TemaFactory,
)


@pytest.fixture
def proceso():
    return ProcesoElectoralFactory(predeterminado=True)


@pytest.mark.django_db
def test_lista_muestra_las_plataformas_de_cada_actor(client, proceso):
    PlataformaElectoralFactory(proceso=proceso, actor=ActorPoliticoFactory(nombre="Partido Verde Claro"))

    respuesta = client.get(reverse("plataformas:lista"))

    assertContains(respuesta, "Partido Verde Claro")
    assertContains(respuesta, "Plataforma legislativa")


@pytest.mark.django_db
def test_lista_no_muestra_plataformas_sin_publicar(client, proceso):
    PlataformaElectoralFactory(
        proceso=proceso, actor=ActorPoliticoFactory(nombre="Partido Oculto"), publicada=False
    )

    respuesta = client.get(reverse("plataformas:lista"))

    assertNotContains(respuesta, "Partido Oculto")


@pytest.mark.django_db
def test_plataforma_sin_publicar_da_404(client, proceso):
    plataforma = PlataformaElectoralFactory(proceso=proceso, publicada=False)

    assert client.get(plataforma.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_plataforma_lista_sus_propuestas_por_tema(client, proceso):
    plataforma = PlataformaElectoralFactory(proceso=proceso)
    PropuestaFactory(
        plataforma=plataforma, titulo="Más patrullas", tema=TemaFactory(nombre="Seguridad pública")
    )

    respuesta = client.get(plataforma.get_absolute_url())

    assertContains(respuesta, "Seguridad pública")
    assertContains(respuesta, "Más patrullas")
    assertContains(respuesta, "Me gusta")


@pytest.mark.parametrize("numero", [1, 12])
@pytest.mark.django_db
def test_pagina_de_plataforma_no_crece_en_consultas(client, proceso, django_assert_num_queries, numero):
    plataforma = PlataformaElectoralFactory(proceso=proceso)
    PropuestaFactory.create_batch(numero, plataforma=plataforma)

    # plataforma+actor+proceso, propuestas+tema, ajuste, conteos, comentarios publicados
    with django_assert_num_queries(5):
        client.get(plataforma.get_absolute_url())


@pytest.mark.django_db
def test_pagina_de_propuesta_tiene_consultas_fijas(client, proceso, django_assert_num_queries):
    propuesta = PropuestaFactory(plataforma=PlataformaElectoralFactory(proceso=proceso))

    # propuesta (con plataforma, actor, proceso, tema), ajuste, conteos, comentarios (número y lista)
    with django_assert_num_queries(5):
        client.get(propuesta.get_absolute_url())


@pytest.mark.parametrize("numero", [1, 8])
@pytest.mark.django_db
def test_comparacion_por_tema_no_crece_en_consultas(client, proceso, django_assert_num_queries, numero):
    tema = TemaFactory()
    for _i in range(numero):
        PropuestaFactory(tema=tema, plataforma=PlataformaElectoralFactory(proceso=proceso))

    # tema, procesos abiertos, propuestas, ajuste, conteos, comentarios, lista de temas
    with django_assert_num_queries(7):
        respuesta = client.get(reverse("plataformas:tema", args=[tema.slug]))

    assert respuesta.status_code == 200


@pytest.mark.django_db
def test_comparacion_muestra_el_tema_de_cada_actor(client, proceso):
    tema = TemaFactory(nombre="Agua potable")
    PropuestaFactory(tema=tema, titulo="Pipas gratis", plataforma=PlataformaElectoralFactory(proceso=proceso))
    PropuestaFactory(tema=tema, titulo="Nuevos pozos", plataforma=PlataformaElectoralFactory(proceso=proceso))

    respuesta = client.get(reverse("plataformas:tema", args=[tema.slug]))

    assertContains(respuesta, "Pipas gratis")
    assertContains(respuesta, "Nuevos pozos")


@pytest.mark.django_db
def test_bloques_cuentan_mujeres_que_encabezan_desde_el_registro(client, proceso):
    actor = ActorPoliticoFactory()
    municipios = [MunicipioFactory(nombre=f"Villa {i}") for i in range(3)]
    bloque = BloqueCompetitividadFactory(proceso=proceso, actor=actor, nivel=BloqueCompetitividad.Nivel.ALTA)
    bloque.municipios.set(municipios)
    for municipio, sexo in zip(
        municipios, [Persona.Sexo.MUJER, Persona.Sexo.HOMBRE, Persona.Sexo.MUJER], strict=True
    ):
        CandidaturaFactory(
            actor=actor,
            persona=PersonaFactory(sexo=sexo),
            eleccion=EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=municipio),
            cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        )

    respuesta = client.get(reverse("plataformas:bloques", args=[actor.slug]))

    assertContains(respuesta, "Competitividad alta: 2 de 3 encabezadas por mujeres")
    assertContains(respuesta, "<svg", html=False)


@pytest.mark.django_db
def test_bloques_ignoran_candidaturas_sustituidas(client, proceso):
    actor = ActorPoliticoFactory()
    municipio = MunicipioFactory()
    BloqueCompetitividadFactory(proceso=proceso, actor=actor).municipios.set([municipio])
    CandidaturaFactory(
        actor=actor,
        persona=PersonaFactory(sexo=Persona.Sexo.MUJER),
        eleccion=EleccionFactory(
            proceso=proceso, tipo=Eleccion.Tipo.AYUNTAMIENTO, distrito_local=None, municipio=municipio
        ),
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        estado=Candidatura.Estado.SUSTITUIDA,
    )

    respuesta = client.get(reverse("plataformas:bloques", args=[actor.slug]))

    assertContains(respuesta, "0 de 1 encabezadas por mujeres")
    assertContains(respuesta, "Sin candidatura registrada")


def test_validar_pdf_rechaza_lo_que_no_es_pdf():
    with pytest.raises(ValidationError, match="no es un PDF"):
        validar_pdf(SimpleUploadedFile("plataforma.pdf", b"<html>hola</html>"))


def test_validar_pdf_acepta_un_pdf():
    validar_pdf(SimpleUploadedFile("plataforma.pdf", b"%PDF-1.7\n%%EOF"))
