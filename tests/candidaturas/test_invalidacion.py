"""Editar el registro en el admin, en una importación o con `cargar_geografia` refresca en el acto las
páginas públicas que lo muestran, y sólo ésas (issue 17, invalidación dirigida): cada página estaba
en la caché (`X-Cache: HIT`) antes del cambio."""

import shutil
from unittest import mock

import pytest
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.geografia import CARPETA_POR_OMISION, cargar_geografia
from candidaturas.models import Candidatura
from comun import cache_publica
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    DistritoLocalFactory,
    MunicipioFactory,
    ProcesoElectoralFactory,
)
from tests.candidaturas.test_importacion import como_csv, fila, filas_buenas, importar
from tests.cuentas.factories import UsuarioFactory
from tests.plataformas.factories import PropuestaFactory


@pytest.fixture
def personal(db):
    """Una superusuaria con segundo factor, en su propio navegador: `client` sigue sin sesión."""
    usuario = UsuarioFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": "x"})
    navegador = Client()
    navegador.force_login(usuario)
    return navegador


@pytest.fixture
def registro(db):
    """Una candidatura en un proceso y otra en otro proceso (el que no debe tocarse)."""
    candidatura = CandidaturaFactory(
        eleccion__proceso=ProcesoElectoralFactory(slug="ordinario-2027", nombre="Ordinario 2027"),
        actor=ActorPoliticoFactory(siglas="PAZ", nombre="Partido Azul"),
        persona__nombre="Aurora",
        persona__primer_apellido="Piña",
    )
    ajena = CandidaturaFactory(eleccion__proceso=ProcesoElectoralFactory(slug="extraordinario-2028"))
    return {"candidatura": candidatura, "ajena": ajena}


def perfil(candidatura):
    return reverse("conoceles:perfil", args=[candidatura.pk])


def lista(proceso):
    return f"{reverse('candidaturas:lista')}?proceso={proceso.slug}"


def en_cache(client, *urls):
    """Pide cada página dos veces: la segunda sale de la caché."""
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url


def editar_en_el_admin(personal, objeto, **cambios):
    """Abre el formulario de cambio del admin, cambia `cambios` y lo guarda como lo haría el personal."""
    url = reverse(f"admin:{objeto._meta.app_label}_{objeto._meta.model_name}_change", args=[objeto.pk])
    formulario = personal.get(url).context["adminform"].form
    datos = {}
    for campo in formulario:
        valor = campo.value()
        if valor is None or isinstance(valor, FieldFile):
            continue
        datos[campo.html_name] = [str(v) for v in valor] if isinstance(valor, list) else valor
    datos.update(cambios)

    respuesta = personal.post(url, datos)

    assert respuesta.status_code == 302, respuesta.context["adminform"].form.errors


# --- Cada modelo, desde el admin --------------------------------------------------------------------


def test_cambiar_el_actor_de_una_candidatura_se_ve_en_su_perfil_y_en_la_lista_de_su_proceso(
    client, personal, registro, django_capture_on_commit_callbacks
):
    candidatura = registro["candidatura"]
    proceso = candidatura.eleccion.proceso
    en_cache(client, perfil(candidatura), lista(proceso))
    otro = ActorPoliticoFactory(siglas="PVI", nombre="Partido Violeta")

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, candidatura, actor=otro.pk)

    respuesta = client.get(perfil(candidatura))
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "Partido Violeta (PVI)")
    assertContains(client.get(lista(proceso)), "PVI")


def test_editar_una_candidatura_no_toca_las_paginas_de_otro_proceso(
    client, personal, registro, django_capture_on_commit_callbacks
):
    ajena = registro["ajena"]
    en_cache(client, perfil(ajena), lista(ajena.eleccion.proceso))
    otro = ActorPoliticoFactory(siglas="PVI")

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, registro["candidatura"], actor=otro.pk)

    assert client.get(perfil(ajena))["X-Cache"] == "HIT"
    assert client.get(lista(ajena.eleccion.proceso))["X-Cache"] == "HIT"


def test_mover_una_candidatura_a_otra_eleccion_refresca_tambien_el_proceso_de_antes(
    client, personal, registro, django_capture_on_commit_callbacks
):
    candidatura = registro["candidatura"]
    antes = candidatura.eleccion.proceso
    en_cache(client, lista(antes))

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, candidatura, eleccion=registro["ajena"].eleccion_id)

    respuesta = client.get(lista(antes))
    assert respuesta["X-Cache"] == "MISS"
    assertNotContains(respuesta, "Aurora Piña")


def test_corregir_el_nombre_de_una_persona_se_ve_en_su_perfil_y_en_la_lista(
    client, personal, registro, django_capture_on_commit_callbacks
):
    candidatura = registro["candidatura"]
    en_cache(client, perfil(candidatura), lista(candidatura.eleccion.proceso))

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, candidatura.persona, primer_apellido="Peña")

    respuesta = client.get(perfil(candidatura))
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "Aurora Peña")
    assertContains(client.get(lista(candidatura.eleccion.proceso)), "Aurora Peña")


def test_corregir_una_persona_no_toca_las_paginas_de_otro_proceso(
    client, personal, registro, django_capture_on_commit_callbacks
):
    ajena = registro["ajena"]
    en_cache(client, perfil(ajena), lista(ajena.eleccion.proceso))

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, registro["candidatura"].persona, primer_apellido="Peña")

    assert client.get(perfil(ajena))["X-Cache"] == "HIT"
    assert client.get(lista(ajena.eleccion.proceso))["X-Cache"] == "HIT"


def test_cambiar_el_distrito_de_una_eleccion_se_ve_en_los_perfiles_de_sus_candidaturas(
    client, personal, registro, django_capture_on_commit_callbacks
):
    candidatura = registro["candidatura"]
    en_cache(client, perfil(candidatura))
    distrito = DistritoLocalFactory(numero=31, cabecera="ZINACANTEPEC")

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, candidatura.eleccion, distrito_local=distrito.pk)

    respuesta = client.get(perfil(candidatura))
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "Distrito 31, Zinacantepec")


def test_corregir_las_siglas_de_un_actor_se_ve_en_los_perfiles(
    client, personal, registro, django_capture_on_commit_callbacks
):
    candidatura = registro["candidatura"]
    en_cache(client, perfil(candidatura))

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, candidatura.actor, siglas="PAZU")

    respuesta = client.get(perfil(candidatura))
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "Partido Azul (PAZU)")


def test_renombrar_un_proceso_se_ve_en_sus_paginas(
    client, personal, registro, django_capture_on_commit_callbacks
):
    proceso = registro["candidatura"].eleccion.proceso
    en_cache(client, lista(proceso))

    with django_capture_on_commit_callbacks(execute=True):
        editar_en_el_admin(personal, proceso, nombre="Proceso Electoral Local Ordinario 2027 (renombrado)")

    respuesta = client.get(lista(proceso))
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "(renombrado)")


def test_cerrar_la_participacion_de_un_proceso_se_ve_en_sus_propuestas(
    client, personal, db, django_capture_on_commit_callbacks
):
    propuesta = PropuestaFactory()
    url = reverse("plataformas:propuesta", args=[propuesta.pk])
    en_cache(client, url)
    assertNotContains(client.get(url), "ya no recibe reacciones")
    alta = reverse("admin:participacion_ajusteparticipacion_add")
    datos = {"proceso": propuesta.plataforma.proceso_id, "moderacion": "previa", "reportes_para_ocultar": 3}

    with django_capture_on_commit_callbacks(execute=True):
        assert personal.post(alta, datos).status_code == 302  # sin `recibe_participacion`: cerrada

    respuesta = client.get(url)
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "ya no recibe reacciones")


# --- Importación y geografía ------------------------------------------------------------------------


def test_una_importacion_se_ve_en_la_lista_de_su_proceso(db, client, django_capture_on_commit_callbacks):
    proceso = ProcesoElectoralFactory(slug="ordinario-2027")
    ActorPoliticoFactory(siglas="PAN", slug="pan")
    DistritoLocalFactory(numero=7)
    en_cache(client, lista(proceso))

    with django_capture_on_commit_callbacks(execute=True):
        resultado = importar(como_csv([fila(nombre="Xóchitl", primer_apellido="Quintero")]))

    assert not resultado.has_errors()
    respuesta = client.get(lista(proceso))
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "Xóchitl Quintero")


@pytest.mark.django_db
def test_cargar_geografia_con_cambios_refresca_mi_seccion(
    client, tmp_path, django_capture_on_commit_callbacks
):
    carpeta = tmp_path / "edomex"
    shutil.copytree(CARPETA_POR_OMISION, carpeta)
    cargar_geografia(carpeta=carpeta)
    url = f"{reverse('decide:mi_seccion')}?seccion=1"
    en_cache(client, url)
    assertContains(client.get(url), "3 casillas")
    secciones = carpeta / "secciones.csv"
    lineas = secciones.read_text(encoding="utf-8").splitlines()
    lineas[1] = "1,1,15001,14,5,1867"
    secciones.write_text("\n".join(lineas) + "\n", encoding="utf-8")

    with django_capture_on_commit_callbacks(execute=True):
        cargar_geografia(carpeta=carpeta)

    respuesta = client.get(url)
    assert respuesta["X-Cache"] == "MISS"
    assertContains(respuesta, "5 casillas")


# --- Sin estampida ----------------------------------------------------------------------------------


def _contar_incrementos():
    return mock.patch.object(cache_publica.cache, "incr", wraps=cache_publica.cache.incr)


def test_guardar_muchas_filas_en_una_transaccion_invalida_cada_alcance_una_vez(
    db, django_capture_on_commit_callbacks
):
    primera = CandidaturaFactory()
    CandidaturaFactory.create_batch(29, eleccion=primera.eleccion)
    candidaturas = list(Candidatura.objects.all())

    with (
        _contar_incrementos() as incr,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        transaction.atomic(),
    ):
        for candidatura in candidaturas:
            candidatura.save()
            candidatura.persona.save()

    claves = [llamada.args[0] for llamada in incr.call_args_list]
    assert len(callbacks) == 1
    assert len(claves) == len(set(claves))
    # 30 perfiles, la contienda, su proceso, el predeterminado y `cualquier-cambio`
    assert len(claves) == 30 + 4


def test_una_importacion_invalida_todo_una_sola_vez_sin_importar_cuantas_filas_traiga(
    db, django_capture_on_commit_callbacks
):
    ProcesoElectoralFactory(slug="ordinario-2027")
    ActorPoliticoFactory(siglas="PAN", slug="pan")
    ActorPoliticoFactory(siglas="MC", slug="mc")
    DistritoLocalFactory(numero=7)
    MunicipioFactory(clave_ieem=59, nombre="Nextlalpan")

    # Sin la regeneración de los datos abiertos que pide al terminar (invalida aparte, en su tarea).
    with (
        mock.patch("candidaturas.resources.avisar_cambio_publico"),
        _contar_incrementos() as incr,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        resultado = importar(como_csv(filas_buenas()))

    assert not resultado.has_errors()
    assert Candidatura.objects.count() == 3
    assert len([c for c in callbacks if isinstance(c, cache_publica._InvalidacionPendiente)]) == 1
    assert [llamada.args[0] for llamada in incr.call_args_list] == ["pagina:v:portal"]
