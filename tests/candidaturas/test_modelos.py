import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from candidaturas.models import Candidatura, Eleccion
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    ProcesoElectoralFactory,
    SeccionFactory,
)


@pytest.mark.django_db
def test_la_base_impide_dos_propietarias_vigentes_en_el_mismo_lugar():
    primera = CandidaturaFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        CandidaturaFactory(eleccion=primera.eleccion, actor=primera.actor)


@pytest.mark.django_db
def test_un_lugar_admite_propietaria_y_suplente():
    propietaria = CandidaturaFactory()

    suplente = CandidaturaFactory(
        eleccion=propietaria.eleccion, actor=propietaria.actor, calidad=Candidatura.Calidad.SUPLENTE
    )

    assert suplente.pk


@pytest.mark.django_db
def test_un_lugar_cancelado_admite_un_nuevo_registro():
    cancelada = CandidaturaFactory(estado=Candidatura.Estado.CANCELADA)

    nueva = CandidaturaFactory(eleccion=cancelada.eleccion, actor=cancelada.actor)

    assert nueva.vigente


@pytest.mark.django_db
def test_la_validacion_explica_en_espanol_que_el_lugar_esta_ocupado():
    primera = CandidaturaFactory()
    repetida = CandidaturaFactory.build(
        eleccion=primera.eleccion, actor=primera.actor, persona=CandidaturaFactory().persona
    )

    with pytest.raises(ValidationError) as error:
        repetida.full_clean()

    assert "ya tiene una candidatura registrada" in str(error.value)


@pytest.mark.django_db
def test_la_base_impide_un_ayuntamiento_sin_municipio():
    with pytest.raises(IntegrityError), transaction.atomic():
        EleccionFactory(tipo=Eleccion.Tipo.AYUNTAMIENTO, distrito_local=None, municipio=None)


@pytest.mark.django_db
def test_el_numero_de_lugar_debe_ser_positivo():
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidaturaFactory(numero=0)


@pytest.mark.django_db
def test_la_boleta_de_una_seccion_trae_sus_contiendas_y_ninguna_ajena():
    proceso = ProcesoElectoralFactory()
    seccion = SeccionFactory()
    mr = EleccionFactory(proceso=proceso, distrito_local=seccion.distrito_local)
    rp = EleccionFactory(proceso=proceso, representacion_proporcional=True)
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=seccion.municipio)
    EleccionFactory(proceso=proceso)  # otro distrito
    EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=MunicipioFactory())

    en_la_boleta = set(Eleccion.objects.en_la_boleta(seccion))

    assert en_la_boleta == {mr, rp, ayuntamiento}


@pytest.mark.django_db
def test_el_id_de_la_candidatura_no_cambia_al_editarla():
    candidatura = CandidaturaFactory(actor=ActorPoliticoFactory(siglas="PX"))
    identificador = candidatura.pk

    candidatura.numero = 2
    candidatura.save()
    candidatura.refresh_from_db()

    assert candidatura.pk == identificador
