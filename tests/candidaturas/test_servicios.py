import datetime

import pytest
from django.core.exceptions import ValidationError

from candidaturas.models import Candidatura, Persona
from candidaturas.services import cancelar_candidatura, obtener_o_crear_persona, sustituir_candidatura
from tests.candidaturas.factories import CandidaturaFactory, PersonaFactory

FECHA = datetime.date(2027, 5, 10)


@pytest.mark.django_db
def test_la_sustitucion_conserva_la_candidatura_anterior_enlazada():
    anterior = CandidaturaFactory(accion_afirmativa=Candidatura.AccionAfirmativa.JOVEN)
    sustituta = PersonaFactory()

    nueva = sustituir_candidatura(
        candidatura=anterior, persona=sustituta, fecha=FECHA, acuerdo="IEEM/CG/10/2027", motivo="Renuncia"
    )

    anterior.refresh_from_db()
    assert anterior.estado == Candidatura.Estado.SUSTITUIDA
    assert anterior.acuerdo_cambio == "IEEM/CG/10/2027"
    assert anterior.sustituida_por == nueva
    assert nueva.sustituye == anterior
    assert nueva.vigente and nueva.persona == sustituta
    assert (nueva.eleccion, nueva.actor, nueva.cargo, nueva.numero, nueva.calidad) == (
        anterior.eleccion,
        anterior.actor,
        anterior.cargo,
        anterior.numero,
        anterior.calidad,
    )
    assert nueva.accion_afirmativa == Candidatura.AccionAfirmativa.JOVEN


@pytest.mark.django_db
def test_una_candidatura_sustituida_no_se_vuelve_a_sustituir():
    anterior = CandidaturaFactory()
    sustituir_candidatura(candidatura=anterior, persona=PersonaFactory(), fecha=FECHA, acuerdo="A1")

    with pytest.raises(ValidationError, match="ya está sustituida"):
        sustituir_candidatura(candidatura=anterior, persona=PersonaFactory(), fecha=FECHA, acuerdo="A2")

    assert Candidatura.objects.filter(eleccion=anterior.eleccion).count() == 2


@pytest.mark.django_db
def test_sustituir_por_la_misma_persona_es_un_error_y_no_cambia_nada():
    candidatura = CandidaturaFactory()

    with pytest.raises(ValidationError):
        sustituir_candidatura(candidatura=candidatura, persona=candidatura.persona, fecha=FECHA, acuerdo="A")

    candidatura.refresh_from_db()
    assert candidatura.vigente


@pytest.mark.django_db
def test_la_cancelacion_no_borra_y_libera_el_lugar():
    candidatura = CandidaturaFactory()

    cancelar_candidatura(candidatura=candidatura, fecha=FECHA, acuerdo="IEEM/CG/11/2027")

    candidatura.refresh_from_db()
    assert candidatura.estado == Candidatura.Estado.CANCELADA
    assert candidatura.fecha_cambio == FECHA
    assert not Candidatura.objects.vigentes().filter(eleccion=candidatura.eleccion).exists()


@pytest.mark.django_db
def test_la_persona_se_reconoce_sin_importar_acentos_ni_mayusculas():
    existente = PersonaFactory(
        nombre="José",
        primer_apellido="Pérez",
        segundo_apellido="Núñez",
        fecha_nacimiento=datetime.date(1980, 1, 2),
    )

    persona, creada = obtener_o_crear_persona(
        nombre="JOSE",
        primer_apellido="perez",
        segundo_apellido="Nunez",
        sexo=Persona.Sexo.HOMBRE,
        fecha_nacimiento=datetime.date(1980, 1, 2),
    )

    assert persona == existente and not creada


@pytest.mark.django_db
def test_sin_fecha_ni_correo_no_se_adivina_que_es_la_misma_persona():
    PersonaFactory(nombre="Ana", primer_apellido="López", segundo_apellido="")

    _persona, creada = obtener_o_crear_persona(
        nombre="Ana", primer_apellido="López", sexo=Persona.Sexo.MUJER, edad_registrada=40
    )

    assert creada


@pytest.mark.django_db
@pytest.mark.parametrize("cambio", ["sustituir", "cancelar"])
def test_sustituir_o_cancelar_invalida_las_paginas_de_esa_candidatura_y_su_proceso(
    cambio, django_capture_on_commit_callbacks
):
    from comun.cache_publica import CONTENIDO, version

    candidatura = CandidaturaFactory()
    proceso = candidatura.eleccion.proceso
    alcances = [
        f"candidatura:{candidatura.pk}",
        f"contienda:{candidatura.eleccion_id}",
        f"proceso:{proceso.slug}",
        "proceso:",
        CONTENIDO,
        "proceso:otro",
    ]
    antes = {alcance: version(alcance) for alcance in alcances}

    with django_capture_on_commit_callbacks(execute=True):
        if cambio == "sustituir":
            sustituir_candidatura(
                candidatura=candidatura,
                persona=PersonaFactory(),
                fecha=FECHA,
                acuerdo="IEEM/CG/12/2027",
                motivo="",
            )
        else:
            cancelar_candidatura(candidatura=candidatura, fecha=FECHA, acuerdo="IEEM/CG/12/2027")

    cambiaron = {alcance for alcance in alcances if version(alcance) != antes[alcance]}
    assert cambiaron == set(alcances[:4])
