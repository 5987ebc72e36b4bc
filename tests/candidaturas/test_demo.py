"""`generar_demo`: determinista, idempotente y con la forma de una elección local del Edomex."""

from collections import Counter, defaultdict

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from candidaturas.demo import SLUG_EXTRAORDINARIO, SLUG_ORDINARIO, generar_demo, integracion_planilla
from candidaturas.models import ActorPolitico, Candidatura, Eleccion, Persona, ProcesoElectoral
from tests.candidaturas.factories import DistritoLocalFactory, MunicipioFactory, SeccionFactory


@pytest.fixture
def geografia(db):
    """Una geografía pequeña: tres municipios (uno es Nextlalpan, clave 59) y dos distritos."""
    distritos = [DistritoLocalFactory(numero=n) for n in (1, 2)]
    municipios = [
        MunicipioFactory(clave_ieem=clave, clave_inegi=f"15{clave:03d}", nombre=nombre)
        for clave, nombre in ((1, "Acambay"), (2, "Acolman"), (59, "Nextlalpan"))
    ]
    for numero, municipio in enumerate(municipios, start=1):
        SeccionFactory(
            numero=numero, municipio=municipio, distrito_local=distritos[numero % 2], lista_nominal=5000
        )
    return municipios, distritos


def fotografia():
    """Todo lo generado, sin depender de las claves primarias."""
    return [
        (
            c.eleccion.proceso.slug,
            c.eleccion.tipo,
            c.eleccion.distrito_local.numero if c.eleccion.distrito_local else None,
            c.eleccion.municipio.clave_ieem if c.eleccion.municipio else None,
            c.actor.slug,
            c.cargo,
            c.numero,
            c.calidad,
            c.estado,
            c.accion_afirmativa,
            c.persona.nombre_completo,
            c.persona.sexo,
            c.persona.fecha_nacimiento,
            c.sustituye.persona.nombre_completo if c.sustituye else None,
        )
        for c in Candidatura.objects.para_listado().order_by("pk")
    ]


def borrar_demo():
    Candidatura.objects.filter(sustituye__isnull=False).delete()
    Candidatura.objects.all().delete()
    Persona.objects.all().delete()
    Eleccion.objects.all().delete()
    ActorPolitico.objects.filter(proceso__isnull=False).delete()
    ProcesoElectoral.objects.all().delete()


def test_sin_geografia_se_niega_con_un_mensaje_claro(db):
    with pytest.raises(CommandError, match="cargar_geografia"):
        call_command("generar_demo")

    assert not ProcesoElectoral.objects.exists()


def test_con_la_misma_semilla_genera_exactamente_los_mismos_datos(geografia):
    generar_demo()
    primera = fotografia()
    borrar_demo()

    generar_demo()

    assert fotografia() == primera
    assert len(primera) > 100


def test_una_segunda_corrida_no_cambia_nada(geografia):
    primera = generar_demo()
    antes = (Candidatura.objects.count(), Persona.objects.count(), Eleccion.objects.count())

    segunda = generar_demo()

    assert primera.creado and not segunda.creado
    assert (Candidatura.objects.count(), Persona.objects.count(), Eleccion.objects.count()) == antes
    assert segunda.candidaturas == primera.candidaturas


def test_el_comando_informa_cuantas_candidaturas_creo(geografia, capsys):
    call_command("generar_demo", municipios=2, distritos=1)

    salida = capsys.readouterr().out
    assert "candidaturas" in salida and "Datos de demostración creados" in salida
    assert Eleccion.objects.filter(proceso__slug=SLUG_ORDINARIO, tipo=Eleccion.Tipo.AYUNTAMIENTO).count() == 2


def test_los_procesos_son_de_demostracion_y_el_ordinario_es_el_predeterminado(geografia):
    generar_demo()

    ordinario = ProcesoElectoral.objects.get(slug=SLUG_ORDINARIO)
    extraordinario = ProcesoElectoral.objects.get(slug=SLUG_EXTRAORDINARIO)
    assert ordinario.es_demostracion and ordinario.predeterminado
    assert extraordinario.es_demostracion and not extraordinario.predeterminado
    assert extraordinario.elecciones.get().municipio.nombre == "Nextlalpan"


def test_cada_lugar_tiene_propietaria_y_suplente_del_mismo_sexo(geografia):
    generar_demo()

    lugares = defaultdict(dict)
    for c in Candidatura.objects.vigentes().select_related("persona"):
        lugares[(c.eleccion_id, c.actor_id, c.cargo, c.numero)][c.calidad] = c.persona.sexo
    completos = [lugar for lugar in lugares.values() if len(lugar) == 2]
    assert len(completos) >= len(lugares) - 18  # sólo las canceladas dejan un lugar a medias
    distintos = [lugar for lugar in completos if lugar["propietaria"] != lugar["suplente"]]
    assert len(distintos) <= 3  # alguna persona no binaria


def test_cada_actor_encabeza_con_mujeres_la_mitad_de_sus_planillas(geografia):
    generar_demo()

    cabezas = defaultdict(Counter)
    for actor, sexo in Candidatura.objects.filter(
        eleccion__proceso__slug=SLUG_ORDINARIO,
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        calidad=Candidatura.Calidad.PROPIETARIA,
        sustituye=None,
    ).values_list("actor__slug", "persona__sexo"):
        cabezas[actor][sexo] += 1
    assert cabezas
    for actor, conteo in cabezas.items():
        assert abs(conteo[Persona.Sexo.MUJER] - conteo[Persona.Sexo.HOMBRE]) <= 1, actor


def test_hay_sustituciones_cancelaciones_y_acciones_afirmativas(geografia):
    generar_demo()

    assert Candidatura.objects.filter(
        estado=Candidatura.Estado.SUSTITUIDA, sustituida_por__isnull=False
    ).exists()
    assert Candidatura.objects.filter(estado=Candidatura.Estado.CANCELADA).exists()
    assert Candidatura.objects.exclude(accion_afirmativa="").exists()


@pytest.mark.parametrize(
    "lista_nominal, esperado", [(50_000, (1, 4)), (200_000, (1, 5)), (600_000, (2, 7)), (1_200_000, (2, 9))]
)
def test_la_planilla_crece_con_el_municipio(lista_nominal, esperado):
    assert integracion_planilla(lista_nominal) == esperado


def test_una_persona_compite_por_mayoria_y_en_la_lista_de_rp_del_mismo_partido(geografia):
    generar_demo()

    dobles = (
        Candidatura.objects.vigentes()
        .filter(eleccion__proceso__slug=SLUG_ORDINARIO, calidad=Candidatura.Calidad.PROPIETARIA)
        .values("persona")
        .annotate(cuantas=Count("pk"))
        .filter(cuantas__gt=1)
    )
    assert len(dobles) == 1
    candidaturas = Candidatura.objects.filter(persona=dobles[0]["persona"]).select_related("eleccion")
    tipos = {c.eleccion.tipo for c in candidaturas}
    assert tipos == {Eleccion.Tipo.DIPUTACION_MR, Eleccion.Tipo.DIPUTACION_RP}
    assert len({c.actor_id for c in candidaturas}) == 1
    assert Persona.objects.filter(candidaturas__isnull=True).count() == 0


def test_los_nombres_de_demostracion_no_tienen_erratas(geografia):
    generar_demo()

    nombres = " ".join(Persona.objects.values_list("nombre", flat=True))
    apellidos = " ".join(
        f"{a} {b}" for a, b in Persona.objects.values_list("primer_apellido", "segundo_apellido")
    )
    for errata in ("Bétancourt", "Manuél", "Rodríquez", "Rodrígez", "Garica"):
        assert errata not in nombres and errata not in apellidos
    from candidaturas.demo import _Generador

    assert _Generador.corregido("José Manuél") == "José Manuel"
