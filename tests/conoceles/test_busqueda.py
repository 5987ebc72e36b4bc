import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, Persona
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    MunicipioFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
)
from tests.conoceles.factories import publicar

URL = reverse("conoceles:inicio")


@pytest.fixture
def proceso(db):
    return ProcesoElectoralFactory(predeterminado=True, fecha_jornada=datetime.date(2027, 6, 6))


@pytest.fixture
def diputacion(proceso):
    return EleccionFactory(proceso=proceso)


def candidata(eleccion, nombre="Ana", primer_apellido="Pérez", **campos):
    persona = PersonaFactory(
        nombre=nombre,
        primer_apellido=primer_apellido,
        segundo_apellido="",
        sexo=campos.pop("sexo", Persona.Sexo.MUJER),
        fecha_nacimiento=campos.pop("fecha_nacimiento", datetime.date(1980, 1, 1)),
    )
    return CandidaturaFactory(persona=persona, eleccion=eleccion, **campos)


def test_presenta_conoceles_y_su_descargo(client, diputacion):
    respuesta = client.get(URL)

    assert respuesta.status_code == 200
    assertContains(respuesta, "Candidatas y Candidatos, Conóceles")
    assertContains(respuesta, "es responsabilidad de la candidatura")


def test_sin_proceso_lo_dice(client, db):
    respuesta = client.get(URL)

    assertContains(respuesta, "Todavía no hay un proceso electoral con candidaturas registradas.")


def test_la_busqueda_por_nombre_ignora_acentos_y_mayusculas(client, diputacion):
    candidata(diputacion, nombre="Ana", primer_apellido="Pérez")
    candidata(diputacion, nombre="Luis", primer_apellido="Gómez", actor=ActorPoliticoFactory())

    respuesta = client.get(URL, {"q": "ANA perez"})

    assertContains(respuesta, "Ana Pérez")
    assertNotContains(respuesta, "Luis Gómez")
    assertContains(respuesta, "1 candidatura")


def test_no_muestra_candidaturas_sustituidas_ni_canceladas(client, diputacion):
    candidata(diputacion, nombre="Sustituida", estado=Candidatura.Estado.SUSTITUIDA)
    candidata(
        diputacion, nombre="Cancelada", estado=Candidatura.Estado.CANCELADA, actor=ActorPoliticoFactory()
    )
    candidata(diputacion, nombre="Vigente", actor=ActorPoliticoFactory())

    respuesta = client.get(URL)

    assertContains(respuesta, "Vigente Pérez")
    assertNotContains(respuesta, "Sustituida Pérez")
    assertNotContains(respuesta, "Cancelada Pérez")


def test_no_mezcla_procesos(client, diputacion):
    otro = EleccionFactory(proceso=ProcesoElectoralFactory())
    candidata(otro, nombre="Otraelección")

    respuesta = client.get(URL)

    assertNotContains(respuesta, "Otraelección")


@pytest.mark.parametrize(
    ("filtro", "valor", "aparece", "no_aparece"),
    [
        ("sexo", "hombre", "Luis", "Ana"),
        ("cargo", "presidencia_municipal", "Luis", "Ana"),
        ("edad", "18-24", "Luis", "Ana"),
        ("edad", "40-49", "Ana", "Luis"),
        ("accion", "indigena", "Luis", "Ana"),
        ("accion", "cualquiera", "Luis", "Ana"),
        ("calidad", "suplente", "Luis", "Ana"),
    ],
)
def test_cada_filtro_deja_solo_lo_que_corresponde(
    client, proceso, diputacion, filtro, valor, aparece, no_aparece
):
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True)
    candidata(diputacion, nombre="Ana", fecha_nacimiento=datetime.date(1985, 3, 1))
    candidata(
        ayuntamiento,
        nombre="Luis",
        sexo=Persona.Sexo.HOMBRE,
        fecha_nacimiento=datetime.date(2005, 1, 1),
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        accion_afirmativa=Candidatura.AccionAfirmativa.INDIGENA,
        calidad=Candidatura.Calidad.SUPLENTE,
    )

    respuesta = client.get(URL, {filtro: valor})

    assertContains(respuesta, f"{aparece} Pérez")
    assertNotContains(respuesta, f"{no_aparece} Pérez")


def test_filtra_por_municipio_distrito_y_actor(client, proceso, diputacion):
    toluca = MunicipioFactory(nombre="Toluca", clave_ieem=107, clave_inegi="15106")
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True, municipio=toluca)
    verde = ActorPoliticoFactory(siglas="VERDE", slug="verde")
    candidata(ayuntamiento, nombre="Toluqueña", actor=verde, cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)
    candidata(diputacion, nombre="Distrital")

    por_municipio = client.get(URL, {"municipio": "107"})
    por_distrito = client.get(URL, {"distrito": str(diputacion.distrito_local.numero)})
    por_actor = client.get(URL, {"actor": "verde"})

    assertContains(por_municipio, "Toluqueña Pérez")
    assertNotContains(por_municipio, "Distrital Pérez")
    assertContains(por_distrito, "Distrital Pérez")
    assertNotContains(por_distrito, "Toluqueña Pérez")
    assertContains(por_actor, "Toluqueña Pérez")
    assertNotContains(por_actor, "Distrital Pérez")


def test_los_filtros_se_combinan(client, diputacion):
    candidata(diputacion, nombre="Ana", sexo=Persona.Sexo.MUJER)
    candidata(diputacion, nombre="Beto", sexo=Persona.Sexo.HOMBRE, actor=ActorPoliticoFactory())
    candidata(
        diputacion,
        nombre="Ana",
        primer_apellido="López",
        sexo=Persona.Sexo.HOMBRE,
        actor=ActorPoliticoFactory(),
    )

    respuesta = client.get(URL, {"q": "ana", "sexo": "hombre"})

    assertContains(respuesta, "Ana López")
    assertNotContains(respuesta, "Ana Pérez")
    assertNotContains(respuesta, "Beto Pérez")


def test_el_grado_de_estudios_solo_cuenta_cuestionarios_publicados(client, diputacion):
    publicada = candidata(diputacion, nombre="Publicada")
    sin_publicar = candidata(diputacion, nombre="Borrador", actor=ActorPoliticoFactory())
    publicar(publicada, grado_estudios="maestria")
    from tests.cuestionarios.factories import CuestionarioCurricularFactory

    CuestionarioCurricularFactory(
        persona=sin_publicar.persona, proceso=diputacion.proceso, grado_estudios="maestria"
    )

    respuesta = client.get(URL, {"grado": "maestria"})

    assertContains(respuesta, "Publicada Pérez")
    assertNotContains(respuesta, "Borrador Pérez")


def test_las_tarjetas_dicen_si_la_candidatura_capturo_su_informacion(client, diputacion):
    publicar(candidata(diputacion, nombre="Con"))
    candidata(diputacion, nombre="Sin", actor=ActorPoliticoFactory())

    respuesta = client.get(URL)

    assertContains(respuesta, "Información publicada")
    assertContains(respuesta, "Sin información capturada")


def test_la_tarjeta_lleva_su_perfil_su_contienda_y_todo_escapado(client, proceso, diputacion):
    actor = ActorPoliticoFactory(siglas="A&B", nombre="Alianza <Ciudadana>")
    suplente = candidata(
        diputacion, nombre="Ana <b>", actor=actor, calidad=Candidatura.Calidad.SUPLENTE, numero=1
    )
    publicar(suplente, foto="fotos/ana.jpg")

    respuesta = client.get(URL, {"proceso": proceso.slug})

    html = respuesta.content.decode()
    perfil = reverse("conoceles:perfil", args=[suplente.pk])
    assert f'<a href="{perfil}">Ana &lt;b&gt; Pérez</a>' in html
    assert 'alt="Fotografía de Ana &lt;b&gt; Pérez"' in html
    assert 'src="/media/fotos/ana.jpg"' in html
    assert " · suplente<br>" in html
    assert "A&amp;B · Alianza &lt;Ciudadana&gt;</p>" in html
    assert f'href="?contienda={diputacion.pk}&amp;proceso={proceso.slug}"' in html
    assert f'<input type="checkbox" name="id" value="{suplente.pk}" id="comparar-{suplente.pk}">' in html
    assert "<b>" not in html.split('id="titulo-resultados"')[1]


def test_la_tarjeta_sin_foto_usa_la_silueta(client, diputacion):
    candidata(diputacion, nombre="Eva")

    respuesta = client.get(URL)

    assertContains(respuesta, 'alt="Sin fotografía"')
    assertContains(respuesta, "/static/img/persona_sin_foto")
    assertContains(respuesta, f'href="?contienda={diputacion.pk}"')


def test_los_filtros_muestran_sus_conteos(client, diputacion):
    candidata(diputacion, nombre="Ana")
    candidata(diputacion, nombre="Eva", actor=ActorPoliticoFactory())
    candidata(diputacion, nombre="Beto", sexo=Persona.Sexo.HOMBRE, actor=ActorPoliticoFactory())

    respuesta = client.get(URL, {"sexo": "hombre"})

    assertContains(respuesta, "Mujer (2)")
    assertContains(respuesta, "Hombre (1)")


def test_cada_conteo_respeta_los_demas_filtros_pero_no_el_suyo(client, proceso, diputacion):
    ayuntamiento = EleccionFactory(proceso=proceso, ayuntamiento=True)
    candidata(diputacion, nombre="Ana")
    candidata(diputacion, nombre="Beto", sexo=Persona.Sexo.HOMBRE, actor=ActorPoliticoFactory())
    candidata(
        ayuntamiento,
        nombre="Carla",
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
        actor=ActorPoliticoFactory(),
    )

    respuesta = client.get(URL, {"sexo": "mujer", "cargo": "diputacion"})

    assertContains(respuesta, "Mujer (1)")  # sólo diputaciones
    assertContains(respuesta, "Hombre (1)")
    assertContains(respuesta, "Diputación (1)")  # sólo mujeres
    assertContains(respuesta, "Presidencia municipal (1)")


def test_un_filtro_aplicado_se_puede_quitar(client, diputacion):
    candidata(diputacion)

    respuesta = client.get(URL, {"sexo": "mujer", "q": "ana"})

    assertContains(respuesta, "Sexo: Mujer")
    assertContains(respuesta, 'href="?q=ana"')


def test_sin_resultados_ofrece_quitar_los_filtros(client, diputacion):
    candidata(diputacion)

    respuesta = client.get(URL, {"q": "zzzz"})

    assertContains(respuesta, "No encontramos candidaturas con esa búsqueda.")
    assertContains(respuesta, "Quitar todos los filtros")


@pytest.mark.parametrize(
    "parametros",
    [
        {"sexo": "otro"},
        {"municipio": "abc"},
        {"edad": "100-200"},
        {"q": "a"},
        {"cargo": "<script>"},
        {"actor": "nadie"},
    ],
)
def test_un_filtro_invalido_da_400_con_mensaje(client, diputacion, parametros):
    respuesta = client.get(URL, parametros)

    assert respuesta.status_code == 400
    assertContains(respuesta, "No pudimos aplicar esos filtros", status_code=400)
    assertNotContains(respuesta, "<script>", status_code=400)


def test_un_proceso_inexistente_da_404(client, diputacion):
    respuesta = client.get(URL, {"proceso": "no-existe"})

    assert respuesta.status_code == 404


def test_pagina_los_resultados(client, diputacion):
    for numero in range(30):
        candidata(diputacion, nombre=f"Persona{numero:02d}", actor=ActorPoliticoFactory())

    primera = client.get(URL)
    segunda = client.get(URL, {"pagina": "2"})

    assertContains(primera, "Página 1 de 2")
    assertContains(segunda, "Página 2 de 2")
    assertContains(segunda, "Persona29")


def test_la_busqueda_no_crece_en_consultas(client, diputacion, django_assert_num_queries):
    def consultas_con(cantidad):
        for _ in range(cantidad):
            publicar(candidata(diputacion, actor=ActorPoliticoFactory()))
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from comun.cache_publica import olvidar_version_local

        cache.clear()
        olvidar_version_local()  # también las opciones de los filtros memorizadas en el proceso
        with CaptureQueriesContext(connection) as capturadas:
            client.get(URL, {"sexo": "mujer"})
        return len(capturadas)

    con_una = consultas_con(1)
    con_veinte = consultas_con(20)

    assert con_una == con_veinte
    # procesos, actores, municipios, distritos, conteos de los filtros (una consulta agrupada), el
    # lugar por nombre de cada candidatura del proceso, los identificadores filtrados (el total es su
    # largo), la página y los cuestionarios de esas personas. Con lo del proceso ya memorizado, 5 a lo más.
    assert con_veinte == 9


def test_las_opciones_de_los_filtros_se_memorizan_por_proceso(client, diputacion, django_assert_num_queries):
    publicar(candidata(diputacion, actor=ActorPoliticoFactory()))
    client.get(URL, {"sexo": "mujer"})

    # procesos, conteos de los filtros, identificadores en orden, la página y su estado de captura: los
    # actores, municipios y distritos del proceso ya no se consultan mientras el proceso no cambie.
    with django_assert_num_queries(5):
        respuesta = client.get(URL, {"q": "ana"})

    assert respuesta["X-Cache"] == "MISS"


def test_un_cambio_en_el_proceso_refresca_las_opciones_de_los_filtros(client, diputacion):
    from comun.cache_publica import alcance_de_proceso, invalidar

    publicar(candidata(diputacion, actor=ActorPoliticoFactory(siglas="PRIMERO")))
    client.get(URL)
    publicar(candidata(diputacion, actor=ActorPoliticoFactory(siglas="NUEVO")))

    invalidar(alcance_de_proceso(diputacion.proceso.slug))
    respuesta = client.get(URL, {"sexo": "mujer"})

    assertContains(respuesta, "NUEVO · ")


def test_el_estado_de_captura_de_una_pagina_coincide_con_el_de_la_consulta(diputacion):
    """`anotar_estado_de_captura` (páginas, perfiles, API) da lo mismo que `con_estado_de_captura`
    (estadísticas y datos abiertos) para cada estado de un cuestionario."""
    from conoceles import consultas
    from cuestionarios.models import Estado
    from tests.cuestionarios.factories import CuestionarioCurricularFactory

    otro_proceso = EleccionFactory(proceso=ProcesoElectoralFactory())
    publicada = candidata(diputacion, nombre="Publicada")
    publicar(publicada, grado_estudios="licenciatura")
    enviada = candidata(diputacion, nombre="Enviada")
    CuestionarioCurricularFactory(persona=enviada.persona, proceso=diputacion.proceso, estado=Estado.ENVIADO)
    en_captura = candidata(diputacion, nombre="Capturando")
    CuestionarioCurricularFactory(persona=en_captura.persona, proceso=diputacion.proceso)
    sin_cuestionario = candidata(diputacion, nombre="Nadie")
    # La misma persona publicada en otro proceso no cuenta en este.
    en_otro = CandidaturaFactory(persona=sin_cuestionario.persona, eleccion=otro_proceso)
    publicar(en_otro)
    campos = ("estado_captura", "cuestionario_id", "foto_publicada", "grado_publicado")

    por_consulta = {
        c.pk: tuple(getattr(c, campo) for campo in campos)
        for c in consultas.con_estado_de_captura(Candidatura.objects.all())
    }
    en_python = {
        c.pk: tuple(getattr(c, campo) for campo in campos)
        for c in consultas.anotar_estado_de_captura(Candidatura.objects.para_listado())
    }

    assert en_python == por_consulta
    assert [por_consulta[c.pk][0] for c in (publicada, enviada, en_captura, sin_cuestionario)] == [
        "publicada",
        "enviada",
        "sin_captura",
        "sin_captura",
    ]
    assert por_consulta[publicada.pk][3] == "licenciatura"


def test_otra_pagina_de_la_misma_busqueda_no_vuelve_a_contar_ni_ordenar(
    client, diputacion, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from comun.cache_publica import alcance_de_proceso, invalidar

    for numero in range(30):
        candidata(diputacion, nombre=f"Persona{numero:02d}", actor=ActorPoliticoFactory())
    client.get(URL, {"sexo": "mujer"})

    # procesos, la página 2 y el estado de captura de sus candidaturas
    with django_assert_num_queries(3):
        respuesta = client.get(URL, {"sexo": "mujer", "pagina": 2})

    assertContains(respuesta, "Persona29")
    assertNotContains(respuesta, "Persona00")

    candidata(diputacion, nombre="Zacarías", primer_apellido="Zúñiga", actor=ActorPoliticoFactory())
    invalidar(alcance_de_proceso(diputacion.proceso.slug))  # lo que hace un cambio en el registro
    assertContains(client.get(URL, {"sexo": "mujer", "pagina": 2}), "Zúñiga")
