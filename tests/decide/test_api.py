"""API pública /api/v1/: recursos, reglas de consentimiento, errores, CORS, caché y límite."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from candidaturas.models import Candidatura
from cuestionarios.models import Consentimiento
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    EleccionFactory,
    PersonaFactory,
    ProcesoElectoralFactory,
    SeccionFactory,
)
from tests.conoceles.factories import publicar, responder_identidad
from tests.plataformas.factories import PlataformaElectoralFactory, PropuestaFactory


@pytest.fixture
def proceso(db):
    return ProcesoElectoralFactory(
        slug="pelo-2027", predeterminado=True, fecha_jornada=datetime.date(2027, 6, 6)
    )


@pytest.fixture
def eleccion(proceso):
    return EleccionFactory(proceso=proceso)


@pytest.fixture
def publicada(eleccion):
    """Vigente, con cuestionario publicado e identidad con autorización de publicación."""
    persona = PersonaFactory(nombre="Ana", primer_apellido="Pérez", segundo_apellido="Ruiz")
    candidatura = CandidaturaFactory(persona=persona, eleccion=eleccion)
    publicar(candidatura, propuesta_1="Agua potable en cada colonia", correo_publico="ana@ejemplo.mx")
    responder_identidad(candidatura)
    return candidatura


@pytest.fixture
def sin_publicar(eleccion):
    """Vigente, con identidad publicada pero sin autorización de publicación ni curricular publicado."""
    persona = PersonaFactory(nombre="Berta", primer_apellido="Gómez", segundo_apellido="")
    candidatura = CandidaturaFactory(
        persona=persona, eleccion=eleccion, actor=ActorPoliticoFactory(siglas="OTRO")
    )
    responder_identidad(candidatura, publicacion=False)
    return candidatura


def sustituir(candidatura, **campos):
    candidatura.estado = Candidatura.Estado.SUSTITUIDA
    candidatura.save()
    return CandidaturaFactory(
        eleccion=candidatura.eleccion,
        actor=candidatura.actor,
        sustituye=candidatura,
        persona=PersonaFactory(nombre="Carla", primer_apellido="Sánchez", segundo_apellido=""),
        **campos,
    )


def api(client, ruta, **parametros):
    encabezados = {k: v for k, v in parametros.items() if k.startswith("HTTP_")}
    consulta = {k: v for k, v in parametros.items() if not k.startswith("HTTP_")}
    return client.get("/api/v1" + ruta, consulta, **encabezados)


# --- Candidaturas ---------------------------------------------------------------------------------


def test_lista_de_candidaturas_con_ids_estables_y_nombres_popolo(client, publicada):
    respuesta = api(client, "/candidaturas/")

    assert respuesta.status_code == 200
    datos = respuesta.json()
    assert datos["total"] == 1
    fila = datos["resultados"][0]
    assert fila["id"] == publicada.pk
    assert fila["url"].endswith(f"/conoceles/{publicada.pk}/")
    assert fila["person"] == {"id": publicada.persona_id, "name": "Ana Pérez Ruiz"}
    assert fila["on_behalf_of_id"] == publicada.actor.slug
    assert fila["post"]["role"] == "diputacion"
    assert fila["estado_captura"] == "publicada"


def test_detalle_muestra_curricular_publicado_e_identidad_autorizada(client, publicada):
    datos = api(client, f"/candidaturas/{publicada.pk}/").json()

    assert datos["curricular"]["propuesta_1"] == "Agua potable en cada colonia"
    assert {"type": "email", "label": "Correo electrónico", "value": "ana@ejemplo.mx"} in datos["curricular"][
        "contact_details"
    ]
    assert datos["identidad"][0]["numero"] == 1
    assert datos["identidad"][0]["respuestas"][0]["clave"] == "si"


def test_sin_publicar_no_aparecen_curricular_ni_identidad(client, sin_publicar):
    datos = api(client, f"/candidaturas/{sin_publicar.pk}/").json()

    assert datos["curricular"] is None
    assert datos["identidad"] == []
    assert datos["estado_captura"] == "sin_captura"


def test_cuestionario_en_revision_no_se_publica(client, eleccion):
    from tests.cuestionarios.factories import CuestionarioCurricularFactory

    candidatura = CandidaturaFactory(eleccion=eleccion)
    CuestionarioCurricularFactory(
        persona=candidatura.persona, proceso=eleccion.proceso, estado="enviado", propuesta_1="Secreto"
    )

    respuesta = api(client, f"/candidaturas/{candidatura.pk}/")

    assert respuesta.json()["curricular"] is None
    assert "Secreto" not in respuesta.content.decode()


def test_retirar_el_consentimiento_quita_la_identidad(client, publicada):
    antes = api(client, f"/candidaturas/{publicada.pk}/")
    Consentimiento.objects.filter(persona=publicada.persona).update(
        autoriza_publicacion=False, actualizado_en=timezone.now() + datetime.timedelta(seconds=5)
    )

    despues = api(client, f"/candidaturas/{publicada.pk}/", HTTP_IF_NONE_MATCH=antes["ETag"])

    assert antes.json()["identidad"] != []
    assert despues.status_code == 200
    assert despues.json()["identidad"] == []
    assert despues["Last-Modified"] != antes["Last-Modified"]


def test_sustituida_senala_a_su_reemplazo_y_el_reemplazo_a_ella(client, publicada):
    reemplazo = sustituir(publicada)

    sustituida = api(client, f"/candidaturas/{publicada.pk}/").json()
    nueva = api(client, f"/candidaturas/{reemplazo.pk}/").json()

    assert sustituida["estado"] == "sustituida"
    assert sustituida["sustituida_por"] == {"id": reemplazo.pk, "name": "Carla Sánchez"}
    assert sustituida["curricular"] is None and sustituida["identidad"] == []
    assert nueva["sustituye"] == {"id": publicada.pk, "name": "Ana Pérez Ruiz"}


def test_la_lista_muestra_vigentes_y_con_estado_las_sustituidas(client, publicada):
    reemplazo = sustituir(publicada)

    vigentes = api(client, "/candidaturas/").json()["resultados"]
    sustituidas = api(client, "/candidaturas/", estado="sustituida").json()["resultados"]

    assert [c["id"] for c in vigentes] == [reemplazo.pk]
    assert [c["id"] for c in sustituidas] == [publicada.pk]
    assert sustituidas[0]["sustituida_por"]["id"] == reemplazo.pk


def test_filtros_de_la_busqueda(client, publicada, sin_publicar):
    por_nombre = api(client, "/candidaturas/", q="perez").json()
    por_actor = api(client, "/candidaturas/", actor=sin_publicar.actor.slug).json()
    por_grado = api(client, "/candidaturas/", grado="licenciatura").json()

    assert [c["id"] for c in por_nombre["resultados"]] == [publicada.pk]
    assert [c["id"] for c in por_actor["resultados"]] == [sin_publicar.pk]
    assert [c["id"] for c in por_grado["resultados"]] == [publicada.pk]


def test_filtro_que_no_vale_responde_400_en_json(client, publicada):
    respuesta = api(client, "/candidaturas/", actor="no-existe", sexo="otro", pagina="x")

    assert respuesta.status_code == 400
    datos = respuesta.json()
    assert datos["detalle"] == "Revisa los parámetros de la consulta."
    assert "sexo" in datos["errores"] or "pagina" in datos["errores"]


def test_actor_fuera_del_proceso_responde_400_con_el_mensaje_de_la_busqueda(client, publicada):
    respuesta = api(client, "/candidaturas/", actor="no-existe")

    assert respuesta.status_code == 400
    assert "actor" in respuesta.json()["errores"]


def test_paginacion(client, eleccion):
    CandidaturaFactory.create_batch(3, eleccion=eleccion)

    primera = api(client, "/candidaturas/", por_pagina=2).json()
    segunda = api(client, "/candidaturas/", por_pagina=2, pagina=2).json()
    fuera = api(client, "/candidaturas/", por_pagina=2, pagina=3)

    assert (primera["total"], primera["paginas"], len(primera["resultados"])) == (3, 2, 2)
    assert "pagina=2" in primera["siguiente"] and primera["anterior"] is None
    assert len(segunda["resultados"]) == 1 and segunda["siguiente"] is None
    assert fuera.status_code == 404
    assert fuera.json()["detalle"] == "No existe la página 3: hay 2."


def test_candidatura_que_no_existe_da_404_en_json(client, proceso):
    respuesta = api(client, "/candidaturas/999999/")

    assert respuesta.status_code == 404
    assert respuesta["Content-Type"].startswith("application/json")
    assert respuesta.json()["detalle"] == "No existe la candidatura 999999."


def test_identificador_enorme_da_400_no_500(client, proceso):
    respuesta = api(client, "/candidaturas/99999999999999999999999/")

    assert respuesta.status_code in (400, 404)
    assert respuesta.json()["detalle"]


def test_proceso_que_no_existe_da_404(client, proceso):
    respuesta = api(client, "/candidaturas/", proceso="no-hay")

    assert respuesta.status_code == 404
    assert "no-hay" in respuesta.json()["detalle"]


def test_ruta_desconocida_da_404_en_json(client, db):
    respuesta = client.get("/api/v1/nada/")

    assert respuesta.status_code == 404
    assert "índice de recursos" in respuesta.json()["detalle"]


# --- Personas -------------------------------------------------------------------------------------


def test_persona_con_todas_sus_candidaturas(client, publicada):
    otro = ProcesoElectoralFactory(slug="extra-2028")
    segunda = CandidaturaFactory(persona=publicada.persona, eleccion=EleccionFactory(proceso=otro))

    datos = api(client, f"/personas/{publicada.persona_id}/").json()

    assert datos["name"] == "Ana Pérez Ruiz"
    assert datos["given_name"] == "Ana" and datos["family_name"] == "Pérez Ruiz"
    assert {m["id"] for m in datos["memberships"]} == {publicada.pk, segunda.pk}
    assert "identidad" not in datos and "correo" not in str(datos)


def test_persona_sin_candidaturas_no_existe_en_la_api(client, db):
    persona = PersonaFactory()

    assert api(client, f"/personas/{persona.pk}/").status_code == 404
    assert api(client, "/personas/").json()["total"] == 0


def test_lista_de_personas_busca_sin_acentos(client, publicada, sin_publicar):
    datos = api(client, "/personas/", q="PEREZ").json()

    assert [p["id"] for p in datos["resultados"]] == [publicada.persona_id]


# --- Procesos, contiendas, actores, plataformas, secciones ---------------------------------------


def test_procesos_y_su_detalle(client, proceso):
    lista = api(client, "/procesos/").json()
    detalle = api(client, "/procesos/pelo-2027/").json()

    assert [p["id"] for p in lista["resultados"]] == ["pelo-2027"]
    assert detalle["predeterminado"] is True
    assert api(client, "/procesos/no-hay/").status_code == 404


def test_contiendas_y_su_detalle_con_encabezados(client, publicada):
    lista = api(client, "/contiendas/").json()
    detalle = api(client, f"/contiendas/{publicada.eleccion_id}/").json()

    assert lista["resultados"][0]["area"]["classification"] == "distrito_local"
    assert detalle["encabezados"][0]["candidatura_id"] == publicada.pk
    assert f"contienda={publicada.eleccion_id}" in detalle["candidaturas"]


def test_actores_con_integrantes(client, publicada):
    coalicion = ActorPoliticoFactory(siglas="COA", tipo="coalicion")
    coalicion.integrantes.add(publicada.actor)

    datos = api(client, "/actores/coa/").json()
    del_proceso = api(client, "/actores/", proceso="pelo-2027").json()

    assert datos["classification"] == "coalicion"
    assert datos["members"] == [publicada.actor.slug]
    assert [a["id"] for a in del_proceso["resultados"]] == [publicada.actor.slug]


def test_plataformas_sin_publicar_no_aparecen(client, proceso):
    plataforma = PlataformaElectoralFactory(proceso=proceso)
    PropuestaFactory(plataforma=plataforma, titulo="Más parques")
    oculta = PlataformaElectoralFactory(proceso=proceso, publicada=False)

    lista = api(client, "/plataformas/").json()
    detalle = api(client, f"/plataformas/{plataforma.pk}/").json()

    assert [p["id"] for p in lista["resultados"]] == [plataforma.pk]
    assert detalle["propuestas"][0]["titulo"] == "Más parques"
    assert api(client, f"/plataformas/{oculta.pk}/").status_code == 404


def test_seccion_trae_las_contiendas_de_su_boleta(client, publicada):
    seccion = SeccionFactory(numero=4321, distrito_local=publicada.eleccion.distrito_local)

    datos = api(client, f"/secciones/{seccion.numero}/").json()

    assert datos["casillas"] == 3 and datos["lista_nominal"] == 1500
    assert [c["id"] for c in datos["contiendas"]] == [publicada.eleccion_id]
    assert datos["contiendas"][0]["encabezados"][0]["name"] == "Ana Pérez Ruiz"
    assert api(client, "/secciones/9998/").status_code == 404
    assert api(client, "/secciones/0/").status_code == 400


def test_estadisticas_protegen_las_cifras_pequenas(client, publicada, sin_publicar):
    datos = api(client, "/procesos/pelo-2027/estadisticas/").json()

    sexo = next(g for g in datos["graficas"] if g["clave"] == "sexo")
    mujeres = next(c for c in sexo["categorias"] if c["etiqueta"] == "Mujer")
    assert mujeres["cifra"] == {"valor": None, "texto": "menos de 5"}
    assert datos["umbral"] == 5


def test_participacion_sin_actividad(client, proceso):
    datos = api(client, "/procesos/pelo-2027/participacion/").json()

    assert datos["reacciones"] == 0 and datos["comentarios"] == 0
    assert {s["clave"] for s in datos["series"]} == {"actor", "tipo", "municipio", "dia"}


# --- HTTP: CORS, caché, límite ----------------------------------------------------------------------


def test_cors_abierto_sin_credenciales(client, proceso):
    respuesta = api(client, "/procesos/", HTTP_ORIGIN="https://ejemplo.org")
    previa = client.options("/api/v1/procesos/", HTTP_ORIGIN="https://ejemplo.org")

    assert respuesta["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in respuesta
    assert previa.status_code == 204
    assert "GET" in previa["Access-Control-Allow-Methods"]


def test_solo_lectura(client, proceso):
    respuesta = client.post("/api/v1/procesos/")

    assert respuesta.status_code == 405
    assert respuesta.json()["detalle"] == "La API es de sólo lectura: usa GET."


def test_etag_y_304(client, publicada):
    primera = api(client, f"/candidaturas/{publicada.pk}/")
    segunda = api(client, f"/candidaturas/{publicada.pk}/", HTTP_IF_NONE_MATCH=primera["ETag"])

    assert "public" in primera["Cache-Control"] and "max-age=60" in primera["Cache-Control"]
    assert primera["Last-Modified"]
    assert segunda.status_code == 304
    assert segunda["Access-Control-Allow-Origin"] == "*"


def test_head_responde_sin_cuerpo(client, proceso):
    respuesta = client.head("/api/v1/procesos/")

    assert respuesta.status_code == 200
    assert respuesta.content == b""


@override_settings(API_LIMITE_POR_MINUTO=3)
def test_limite_por_ip_responde_429_en_json(client, proceso):
    estados = [api(client, "/procesos/").status_code for _ in range(4)]
    respuesta = api(client, "/procesos/")

    assert estados == [200, 200, 200, 429]
    assert respuesta.status_code == 429
    assert "demasiadas consultas" in respuesta.json()["detalle"]
    assert respuesta["Retry-After"] == "60"


def test_raiz_con_licencia_y_recursos(client, db):
    datos = api(client, "/").json()

    assert "CC BY 4.0" in datos["licencia"]["nombre"]
    assert datos["recursos"]["candidaturas"].endswith("/api/v1/candidaturas/")


def test_esquema_openapi_y_su_pagina(client, db):
    esquema = client.get("/api/v1/schema/")
    pagina = client.get("/api/v1/docs/")

    assert esquema.json()["openapi"].startswith("3.")
    assert "/api/v1/candidaturas/" in esquema.json()["paths"]
    assert pagina.status_code == 200
    assert "GET /api/v1/candidaturas/" in pagina.content.decode()


def test_orden_por_id_o_por_nombre(client, eleccion):
    zapata = CandidaturaFactory(eleccion=eleccion, persona=PersonaFactory(primer_apellido="Zapata"))
    abad = CandidaturaFactory(eleccion=eleccion, persona=PersonaFactory(primer_apellido="Abad"))

    por_id = api(client, "/candidaturas/").json()["resultados"]
    por_nombre = api(client, "/candidaturas/", orden="nombre").json()["resultados"]

    assert [c["id"] for c in por_id] == [zapata.pk, abad.pk]
    assert [c["id"] for c in por_nombre] == [abad.pk, zapata.pk]


def test_ningun_recurso_muestra_lo_no_publicado_ni_lo_no_autorizado(client, publicada, sin_publicar):
    from cuestionarios.models import RespuestaIdentidad
    from tests.cuestionarios.factories import CuestionarioCurricularFactory

    CuestionarioCurricularFactory(
        persona=sin_publicar.persona,
        proceso=sin_publicar.eleccion.proceso,
        propuesta_1="CURRICULAR-EN-CAPTURA",
    )
    RespuestaIdentidad.objects.filter(cuestionario__persona=sin_publicar.persona).update(texto="SIN-PERMISO")
    RespuestaIdentidad.objects.filter(cuestionario__persona=publicada.persona).update(texto="RETIRADA")
    Consentimiento.objects.filter(persona=publicada.persona).update(autoriza_publicacion=False)
    SeccionFactory(numero=4321, distrito_local=publicada.eleccion.distrito_local)
    rutas = [
        "/",
        "/procesos/",
        "/procesos/pelo-2027/",
        "/procesos/pelo-2027/estadisticas/",
        "/procesos/pelo-2027/participacion/",
        "/contiendas/",
        f"/contiendas/{publicada.eleccion_id}/",
        "/actores/",
        "/personas/",
        f"/personas/{publicada.persona_id}/",
        f"/personas/{sin_publicar.persona_id}/",
        "/candidaturas/",
        "/candidaturas/?estado=todas",
        f"/candidaturas/{publicada.pk}/",
        f"/candidaturas/{sin_publicar.pk}/",
        "/plataformas/",
        "/secciones/4321/",
    ]

    for ruta in rutas:
        respuesta = client.get("/api/v1" + ruta)
        texto = respuesta.content.decode()
        assert respuesta.status_code == 200, ruta
        for secreto in ("CURRICULAR-EN-CAPTURA", "SIN-PERMISO", "RETIRADA", "@ejemplo.mx"):
            if secreto == "@ejemplo.mx" and ruta == f"/candidaturas/{publicada.pk}/":
                continue  # el correo público que la candidatura publicó, sí
            assert secreto not in texto, (ruta, secreto)


@pytest.mark.parametrize("ruta", ["/personas/", "/candidaturas/"])
def test_caracter_nulo_en_el_nombre_da_400(client, proceso, ruta):
    respuesta = api(client, ruta, q="a\x00b")

    assert respuesta.status_code == 400
    assert "q" in respuesta.json()["errores"]


def test_una_contienda_creada_despues_de_memorizar_las_contiendas_no_rompe_la_pagina(client, publicada):
    """Las contiendas y los actores del proceso se memorizan; una contienda nueva sin invalidar (p. ej.
    creada en el admin) se lee de la base en vez de dar 500, y la página la muestra."""
    assert client.get("/api/v1/candidaturas/").status_code == 200
    nueva = CandidaturaFactory(eleccion=EleccionFactory(proceso=publicada.eleccion.proceso))
    from comun.cache_publica import invalidar

    invalidar(f"candidatura:{nueva.pk}")  # no es el alcance del proceso: lo memorizado sigue

    respuesta = client.get("/api/v1/candidaturas/", {"contienda": nueva.eleccion_id})

    assert respuesta.status_code == 200
    assert [r["id"] for r in respuesta.json()["resultados"]] == [nueva.pk]
    assert respuesta.json()["resultados"][0]["contienda"]["id"] == nueva.eleccion_id


def test_las_sustituciones_memorizadas_se_refrescan_al_sustituir(
    client, publicada, django_capture_on_commit_callbacks
):
    """Sustituir invalida el proceso (candidaturas.services): la API ve la sustitución nueva aunque
    las sustituciones del proceso estuvieran memorizadas."""
    from candidaturas import services

    antes = client.get("/api/v1/candidaturas/", {"estado": "todas"}).json()["resultados"]
    assert antes[0]["sustituida_por"] is None
    carla = PersonaFactory(nombre="Carla", primer_apellido="Soto", segundo_apellido="")

    with django_capture_on_commit_callbacks(execute=True):
        nueva = services.sustituir_candidatura(
            candidatura=publicada, persona=carla, fecha=datetime.date(2027, 5, 1), acuerdo="IEEM/CG/1/2027"
        )
    despues = client.get("/api/v1/candidaturas/", {"estado": "todas"}).json()["resultados"]
    por_id = {r["id"]: r for r in despues}

    assert por_id[publicada.pk]["sustituida_por"] == {"id": nueva.pk, "name": "Carla Soto"}
    assert por_id[nueva.pk]["sustituye"]["id"] == publicada.pk
