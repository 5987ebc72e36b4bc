"""Datos abiertos construidos una vez por cambio, fuera de la petición (issue 17): la tarea escribe
los archivos de forma atómica y registra tamaño y SHA-256; las descargas sólo sirven lo ya escrito
(ETag, 304, caché pública) o responden 503 con Retry-After; cada publicación encola la
regeneración, con antirrebote."""

import datetime
import hashlib
import io

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from conoceles import tareas
from conoceles.models import CorteDeDatosAbiertos
from cuestionarios import services
from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory, ProcesoElectoralFactory
from tests.conoceles.factories_cuestionarios import publicar_curricular
from tests.cuestionarios.factories import aviso_vigente, escenario
from tests.cuestionarios.test_flujo import contestar, hasta_revision

EN_COLA = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
"""Las tareas se encolan y no corren: para ver qué se encoló (en el resto de la suite corren en el acto)."""


@pytest.fixture
def cola():
    with override_settings(TASKS=EN_COLA):
        default_task_backend.clear()
        yield default_task_backend
        default_task_backend.clear()


@pytest.fixture
def proceso():
    proceso = ProcesoElectoralFactory(predeterminado=True)
    eleccion = EleccionFactory(proceso=proceso)
    publicar_curricular(CandidaturaFactory(eleccion=eleccion), propuesta_1="Agua para todas las colonias")
    return proceso


def encoladas(cola):
    return [tuple(r.args) for r in cola.results if r.task.func is tareas.generar_datos_abiertos.func]


@pytest.mark.django_db
def test_la_tarea_escribe_los_archivos_y_registra_fecha_tamano_y_huella(proceso):
    antes = timezone.now()

    tareas.generar_datos_abiertos.call(proceso.pk)

    corte = CorteDeDatosAbiertos.objects.get(proceso=proceso)
    assert corte.version == 1 and corte.generado_en >= corte.corte >= antes
    assert set(corte.archivos) == {"xlsx", "curricular", "identidad", "diccionario"}
    for archivo in corte.archivos.values():
        contenido = (tareas.raiz() / archivo["ruta"]).read_bytes()
        assert archivo["tamano"] == len(contenido)
        assert archivo["sha256"] == hashlib.sha256(contenido).hexdigest()
        assert archivo["sha256"][:16] in archivo["ruta"]  # nombre estable + versión (su huella)
    libro = load_workbook(tareas.raiz() / corte.archivos["xlsx"]["ruta"], read_only=True)
    assert libro.sheetnames == ["curricular", "identidad", "diccionario"]
    curricular = (tareas.raiz() / corte.archivos["curricular"]["ruta"]).read_text("utf-8-sig")
    assert "Agua para todas las colonias" in curricular


@pytest.mark.django_db
def test_la_pagina_muestra_tamano_y_huella_de_cada_archivo(client, proceso):
    tareas.construir_datos_abiertos(proceso)
    corte = CorteDeDatosAbiertos.objects.get(proceso=proceso)

    respuesta = client.get(reverse("conoceles:datos"))

    for archivo in corte.archivos.values():
        assertContains(respuesta, archivo["sha256"])
    assertContains(respuesta, "SHA-256")
    assertContains(respuesta, "Corte de los datos")
    assertNotContains(respuesta, "se están preparando")


@pytest.mark.django_db
def test_si_la_escritura_falla_nada_queda_a_medias(proceso, monkeypatch):
    tareas.construir_datos_abiertos(proceso)
    anterior = CorteDeDatosAbiertos.objects.get(proceso=proceso)
    carpeta = tareas.raiz() / proceso.slug
    archivos_antes = sorted(p.name for p in carpeta.iterdir())

    def se_cae_a_la_mitad(destino, hojas):
        for _titulo, _encabezados, filas in hojas:
            next(iter(filas))
        raise OSError("disco lleno")

    monkeypatch.setattr(tareas, "escribir_xlsx", se_cae_a_la_mitad)
    with pytest.raises(OSError):
        tareas.construir_datos_abiertos(proceso)

    assert sorted(p.name for p in carpeta.iterdir()) == archivos_antes  # ni temporales ni archivos nuevos
    assert CorteDeDatosAbiertos.objects.get(proceso=proceso).archivos == anterior.archivos


@pytest.mark.django_db
def test_cada_archivo_se_escribe_en_un_temporal_y_se_renombra(proceso, monkeypatch):
    renombrados = []
    reemplazar = tareas.os.replace

    def espia(origen, destino):
        renombrados.append((str(origen), str(destino)))
        reemplazar(origen, destino)

    monkeypatch.setattr(tareas.os, "replace", espia)
    tareas.construir_datos_abiertos(proceso)

    assert len(renombrados) == 4
    for origen, destino in renombrados:
        assert "/.preparando-" in origen and "/conoceles-" in destino


@pytest.mark.django_db
def test_un_corte_mas_viejo_no_reemplaza_a_uno_mas_nuevo(proceso):
    nuevo = tareas.construir_datos_abiertos(proceso)

    viejo = tareas._registrar(proceso, nuevo.corte - datetime.timedelta(seconds=5), {"xlsx": {}})

    assert viejo.version == nuevo.version
    assert CorteDeDatosAbiertos.objects.get(proceso=proceso).archivos == nuevo.archivos


@pytest.mark.django_db
def test_la_descarga_sirve_el_archivo_con_etag_y_cache_publica(client, proceso):
    corte = tareas.construir_datos_abiertos(proceso)
    archivo = corte.archivos["xlsx"]

    respuesta = client.get(reverse("conoceles:datos_xlsx"))

    assert respuesta.status_code == 200
    contenido = b"".join(respuesta.streaming_content)
    assert hashlib.sha256(contenido).hexdigest() == archivo["sha256"]
    assert load_workbook(io.BytesIO(contenido), read_only=True).sheetnames == [
        "curricular",
        "identidad",
        "diccionario",
    ]
    assert respuesta["ETag"] == f'"{archivo["sha256"]}"'
    assert "Last-Modified" in respuesta
    assert "public" in respuesta["Cache-Control"] and "s-maxage" in respuesta["Cache-Control"]
    assert f"conoceles-{proceso.slug}-" in respuesta["Content-Disposition"]

    revalidada = client.get(reverse("conoceles:datos_xlsx"), headers={"If-None-Match": respuesta["ETag"]})
    assert revalidada.status_code == 304
    assert revalidada["ETag"] == respuesta["ETag"]
    por_fecha = client.get(
        reverse("conoceles:datos_csv", args=["curricular"]),
        headers={"If-Modified-Since": respuesta["Last-Modified"]},
    )
    assert por_fecha.status_code == 304
    assert client.head(reverse("conoceles:datos_xlsx")).status_code == 200


@pytest.mark.django_db
def test_la_peticion_nunca_genera_los_archivos(client, proceso, monkeypatch, django_assert_num_queries):
    tareas.construir_datos_abiertos(proceso)

    def prohibido(*args, **kwargs):
        raise AssertionError("los datos abiertos no se generan dentro de la petición")

    monkeypatch.setattr(tareas, "construir_datos_abiertos", prohibido)
    monkeypatch.setattr(tareas.datos, "hojas", prohibido)
    # El proceso y su corte.
    with django_assert_num_queries(2):
        assert client.get(reverse("conoceles:datos_xlsx")).status_code == 200
    # proceso, catálogo (preguntas y opciones), el corte y la última publicación.
    with django_assert_num_queries(5):
        assert client.get(reverse("conoceles:datos")).status_code == 200


@pytest.mark.django_db
def test_sin_archivos_la_descarga_da_503_claro_y_encola_la_regeneracion(
    client, proceso, cola, django_assert_num_queries
):
    # proceso, su corte (no hay) y marcar pendiente: no hay fila, así que comprobarlo y crearla (con su
    # punto de guardado). Encolar es una consulta más con la cola en la base; aquí, ninguna.
    with django_assert_num_queries(7):
        respuesta = client.get(reverse("conoceles:datos_xlsx"))

    assert respuesta.status_code == 503
    assert respuesta["Retry-After"] == "120"
    assert respuesta["Cache-Control"] == "no-store"
    assertContains(respuesta, "se están generando", status_code=503)
    assertContains(respuesta, "Vuelve en unos minutos", status_code=503)
    assert encoladas(cola) == [(proceso.pk,)]

    # Una segunda persona no encola otra: ya hay una pendiente.
    assert client.get(reverse("conoceles:datos_csv", args=["identidad"])).status_code == 503
    assert encoladas(cola) == [(proceso.pk,)]


@pytest.mark.django_db
def test_sin_archivos_la_pagina_dice_que_se_estan_preparando(client, proceso, cola):
    respuesta = client.get(reverse("conoceles:datos"))

    assertContains(respuesta, "Los archivos de este proceso se están preparando. Vuelve en unos minutos.")
    assertNotContains(respuesta, reverse("conoceles:datos_xlsx"))
    assert encoladas(cola) == [(proceso.pk,)]


@pytest.mark.django_db
def test_si_el_archivo_se_perdio_del_disco_da_503_y_no_500(client, proceso, cola):
    corte = tareas.construir_datos_abiertos(proceso)
    (tareas.raiz() / corte.archivos["diccionario"]["ruta"]).unlink()

    respuesta = client.get(reverse("conoceles:datos_csv", args=["diccionario"]))

    assert respuesta.status_code == 503
    assert encoladas(cola) == [(proceso.pk,)]


@pytest.mark.django_db
def test_antirrebote_no_encola_otra_si_ya_hay_una_pendiente(proceso, cola):
    assert tareas.pedir_datos_abiertos(proceso.pk) is True
    assert tareas.pedir_datos_abiertos(proceso.pk) is False
    assert tareas.pedir_datos_abiertos(proceso.pk) is False
    assert encoladas(cola) == [(proceso.pk,)]

    # Una marca perdida (worker caído) vence y el siguiente cambio vuelve a encolar.
    CorteDeDatosAbiertos.objects.filter(proceso=proceso).update(
        pendiente_desde=timezone.now() - tareas.VENCE_PENDIENTE - datetime.timedelta(seconds=1)
    )
    assert tareas.pedir_datos_abiertos(proceso.pk) is True
    assert len(encoladas(cola)) == 2


@pytest.mark.django_db
def test_un_cambio_mientras_la_tarea_trabaja_encola_otra_corrida(proceso, cola, monkeypatch):
    assert tareas.pedir_datos_abiertos(proceso.pk)
    hojas = tareas.datos.hojas
    durante = []

    def con_un_cambio_a_media_corrida(*args, **kwargs):
        durante.append(tareas.pedir_datos_abiertos(proceso.pk))
        return hojas(*args, **kwargs)

    monkeypatch.setattr(tareas.datos, "hojas", con_un_cambio_a_media_corrida)
    tareas.generar_datos_abiertos.call(proceso.pk)

    assert durante == [True]  # la tarea quitó la marca antes de leer: el cambio no se pierde
    assert len(encoladas(cola)) == 2


@pytest.mark.django_db
def test_publicar_un_cuestionario_encola_la_regeneracion(cola, django_capture_on_commit_callbacks):
    datos = escenario()
    contestar(datos)
    revisor = hasta_revision(datos)
    CorteDeDatosAbiertos.objects.all().delete()
    cola.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)

    assert encoladas(cola) == [(datos["proceso"].pk,)]


@pytest.mark.django_db
def test_retirar_la_autorizacion_encola_la_regeneracion(cola, django_capture_on_commit_callbacks):
    datos = escenario()

    with django_capture_on_commit_callbacks(execute=True):
        services.registrar_consentimiento(
            persona=datos["persona"],
            proceso=datos["proceso"],
            aviso=aviso_vigente(),
            tratamiento=True,
            publicacion=False,
            estadistica=True,
            usuario=datos["cuenta"].usuario,
        )

    assert encoladas(cola) == [(datos["proceso"].pk,)]


@pytest.mark.django_db
def test_si_la_transaccion_se_deshace_no_se_encola_nada(cola):
    from django.db import transaction

    datos = escenario()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.registrar_consentimiento(
            persona=datos["persona"],
            proceso=datos["proceso"],
            aviso=aviso_vigente(),
            tratamiento=True,
            publicacion=False,
            estadistica=True,
            usuario=datos["cuenta"].usuario,
        )
        raise RuntimeError

    assert encoladas(cola) == []


@pytest.mark.django_db
def test_con_la_tarea_en_el_acto_publicar_deja_los_archivos_al_dia(
    client, django_capture_on_commit_callbacks
):
    datos = escenario()
    contestar(datos)
    revisor = hasta_revision(datos)

    with django_capture_on_commit_callbacks(execute=True):
        services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)

    corte = CorteDeDatosAbiertos.objects.get(proceso=datos["proceso"])
    assert corte.pendiente_desde is None and corte.version == 1
    respuesta = client.get(
        reverse("conoceles:datos_csv", args=["curricular"]), {"proceso": datos["proceso"].slug}
    )
    contenido = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    assert str(datos["candidatura"].pk) in contenido


@pytest.mark.django_db
def test_el_comando_construye_los_que_faltan(proceso):
    from django.core.management import call_command

    salida = io.StringIO()
    call_command("generar_datos_abiertos", stdout=salida)
    call_command("generar_datos_abiertos", stdout=salida)  # la segunda vez ya están: no hace nada

    assert salida.getvalue().count("versión 1") == 1
    assert CorteDeDatosAbiertos.objects.get(proceso=proceso).version == 1
