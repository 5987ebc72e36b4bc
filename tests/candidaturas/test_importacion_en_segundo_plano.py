"""Importaciones acotadas y en segundo plano (issue 12) y vista previa que dice a quién se importa
(issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas import admin as admin_de_candidaturas
from candidaturas.models import Candidatura, Eleccion, Persona, TrabajoEnSegundoPlano
from comun.importacion import carpeta_de_importaciones
from tests.candidaturas import test_importacion as base
from tests.candidaturas.test_importacion import ENCABEZADOS, como_csv, fila, filas_buenas

personal = base.personal  # fixtures compartidas con las pruebas de la importación
registro = base.registro

URL_IMPORTAR = "admin:candidaturas_candidatura_import"


def subir(cliente, contenido, nombre="registro.csv", formato="0"):
    archivo = SimpleUploadedFile(nombre, contenido if isinstance(contenido, bytes) else contenido.encode())
    return cliente.post(reverse(URL_IMPORTAR), {"import_file": archivo, "format": formato, "resource": "0"})


def archivos_privados():
    return sorted(p.name for p in carpeta_de_importaciones().iterdir())


@pytest.fixture(autouse=True)
def _carpeta_privada_propia(settings, tmp_path):
    settings.DECIDE_ARCHIVOS_PRIVADOS_ROOT = tmp_path / "privado"


@pytest.fixture
def en_segundo_plano(monkeypatch):
    """Con más de 2 filas, la revisión va a la cola (en producción el umbral es 1,000)."""
    monkeypatch.setattr(admin_de_candidaturas, "FILAS_EN_LA_PETICION", 2)


# --- Límites -------------------------------------------------------------------------------------


def test_un_archivo_que_pesa_de_mas_se_rechaza_con_el_limite_y_su_peso(personal, registro):
    encabezado = ",".join(ENCABEZADOS) + "\n"
    contenido = encabezado + "x" * (6 * 1024 * 1024)

    respuesta = subir(personal, contenido)

    assert respuesta.status_code == 400
    assertContains(respuesta, "El archivo pesa 6 MB y el máximo es 5 MB", status_code=400)
    assertContains(respuesta, "Divídelo en varios archivos", status_code=400)
    assert not TrabajoEnSegundoPlano.objects.exists()
    assert Candidatura.objects.count() == 0


def test_un_archivo_con_demasiadas_filas_dice_cuantas_trae_y_el_maximo(personal, registro):
    filas = [fila(nombre=f"Persona {i}") for i in range(20_001)]

    respuesta = subir(personal, como_csv(filas))

    assertContains(
        respuesta, "El archivo trae 20,001 filas y el máximo por importación es 20,000", status_code=400
    )
    assert not TrabajoEnSegundoPlano.objects.exists()


# --- Vista previa: a quién se importa (issue 13) ----------------------------------------------------


def test_la_vista_previa_dice_el_proceso_el_municipio_y_el_actor_por_su_nombre(personal, registro):
    respuesta = subir(personal, como_csv(filas_buenas()))

    assertContains(respuesta, 'name="confirm"')
    assertContains(respuesta, f"{registro.nombre} (ordinario-2027)")
    assertContains(respuesta, "59 · Nextlalpan")
    assertContains(respuesta, "Distrito local 7")
    assertContains(respuesta, "María José")
    assertContains(respuesta, "Pedro")


# --- Confirmar encola y lleva al avance ---------------------------------------------------------------


def test_confirmar_la_vista_previa_encola_la_importacion_y_lleva_a_su_avance(
    personal, registro, django_capture_on_commit_callbacks
):
    vista_previa = subir(personal, como_csv(filas_buenas()))
    datos = vista_previa.context["confirm_form"].initial
    assert len(archivos_privados()) == 1

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = personal.post(reverse("admin:candidaturas_candidatura_process_import"), datos)

    trabajo = TrabajoEnSegundoPlano.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse(
        "admin:candidaturas_trabajoensegundoplano_avance", args=[trabajo.pk]
    )
    assert Candidatura.objects.count() == 3
    avance = personal.get(respuesta["Location"])
    assertContains(avance, "registro.csv")
    assertContains(avance, "Importación terminada: se guardaron 3 candidaturas.")
    assertContains(avance, 'data-estado="terminado"')
    assertNotContains(avance, 'id="actualizar-sola"')
    assert archivos_privados() == []  # el archivo subido se borra al terminar


def test_la_confirmacion_no_lee_un_archivo_fuera_de_la_carpeta_privada(personal, registro):
    respuesta = personal.post(
        reverse("admin:candidaturas_candidatura_process_import"),
        {"import_file_name": "/etc/passwd", "original_file_name": "x.csv", "format": "0", "resource": "0"},
    )

    assertContains(respuesta, "ya no está", status_code=400)
    assert not TrabajoEnSegundoPlano.objects.exists()


# --- Archivos grandes: revisión y confirmación en la cola ---------------------------------------------


def test_un_archivo_grande_se_revisa_en_la_cola_muestra_a_quien_y_se_confirma(
    personal, registro, en_segundo_plano, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = subir(personal, como_csv(filas_buenas()), nombre="registro-grande.csv")

    trabajo = TrabajoEnSegundoPlano.objects.get()
    assert respuesta.status_code == 302
    assert trabajo.total == 3
    assert Candidatura.objects.count() == 0  # la revisión no guarda nada
    revisado = personal.get(respuesta["Location"])
    assertContains(revisado, "registro-grande.csv")
    assertContains(revisado, "Revisión sin errores: 3 filas registran o corrigen una candidatura.")
    assertContains(revisado, "María José Hernández Ruiz")
    assertContains(revisado, "Nextlalpan")
    assertContains(revisado, 'name="confirmar"')
    assert len(archivos_privados()) == 1

    with django_capture_on_commit_callbacks(execute=True):
        personal.post(respuesta["Location"], {"confirmar": "1"})

    assert Candidatura.objects.count() == 3
    terminado = personal.get(respuesta["Location"])
    assertContains(terminado, "Importación terminada: se guardaron 3 candidaturas.")
    assertNotContains(terminado, 'name="confirmar"')
    assert archivos_privados() == []


def test_mientras_espera_la_pagina_de_avance_se_actualiza_sola_y_sin_js_tiene_boton_actualizar(
    personal, registro, en_segundo_plano
):
    respuesta = subir(personal, como_csv(filas_buenas()))  # sin confirmar la transacción: en cola

    avance = personal.get(respuesta["Location"])
    assertContains(avance, "candidaturas/avance.js")  # se recarga cada 3 s; la casilla lo detiene
    assertContains(avance, 'id="actualizar-sola" checked')
    assertContains(avance, f'<a class="button" href="{respuesta["Location"]}">Actualizar</a>', html=True)
    assertContains(avance, "En espera")
    assertContains(avance, "0 de 3 filas procesadas")


def test_una_fila_mala_en_la_cola_no_guarda_nada_y_lista_fila_columna_y_motivo(
    personal, registro, en_segundo_plano, django_capture_on_commit_callbacks
):
    filas = [filas_buenas()[0], fila(actor="XYZ", calidad="suplente"), filas_buenas()[2]]
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = subir(personal, como_csv(filas))

    avance = personal.get(respuesta["Location"])
    assertContains(avance, "1 fila tiene errores: no se guardó ninguna.")
    assertNotContains(avance, "María José Hernández Ruiz")  # nada se importó
    assertContains(
        avance, "<td>2</td><td>actor</td><td>No hay un actor político con siglas «XYZ»", html=False
    )
    assertNotContains(avance, 'name="confirmar"')
    assert Candidatura.objects.count() == 0
    assert Persona.objects.count() == 0
    assert archivos_privados() == []


def test_el_avance_solo_lo_ve_quien_lo_pidio_o_el_personal_con_permiso(
    client, personal, registro, en_segundo_plano
):
    respuesta = subir(personal, como_csv(filas_buenas()))
    url = respuesta["Location"]
    from allauth.mfa.models import Authenticator

    otra = get_user_model().objects.create_user("otra", "otra@ieem.mx", "clave-segura-123", is_staff=True)
    Authenticator.objects.create(user=otra, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(otra)

    assert client.get(url).status_code == 404
    assert client.post(url, {"confirmar": "1"}).status_code == 404

    otra.user_permissions.add(Permission.objects.get(codename="add_candidatura"))
    assertContains(client.get(url), "registro.csv")


# --- Todo o nada en PostgreSQL (y en SQLite), con transacciones de verdad -------------------------------


@pytest.mark.django_db(transaction=True)
def test_una_importacion_en_la_cola_que_falla_no_deja_nada_en_la_base(tmp_path):
    """La tarea corre fuera de la transacción de la prueba: si una fila choca con la base (el lugar
    ya está ocupado) se deshace todo, también la persona y la elección que ya había creado."""
    from candidaturas.tareas import procesar_importacion
    from comun.importacion import ArchivoPrivadoDeImportacion
    from tests.candidaturas.factories import (
        ActorPoliticoFactory,
        DistritoLocalFactory,
        MunicipioFactory,
        ProcesoElectoralFactory,
    )

    ProcesoElectoralFactory(slug="ordinario-2027")
    ActorPoliticoFactory(siglas="PAN", slug="pan")
    ActorPoliticoFactory(siglas="MC", slug="mc")
    DistritoLocalFactory(numero=7)
    MunicipioFactory(clave_ieem=59, nombre="Nextlalpan")
    usuario = get_user_model().objects.create_superuser("s@ieem.mx", "s@ieem.mx", "clave-segura-123")
    repetida = fila(nombre="Otra", primer_apellido="Persona")  # mismo lugar que la primera
    almacen = ArchivoPrivadoDeImportacion()
    almacen.save(como_csv([*filas_buenas(), repetida]).encode())
    trabajo = TrabajoEnSegundoPlano.objects.create(
        tipo="importacion_candidaturas",
        titulo="Importar",
        usuario=usuario,
        archivo=almacen.name,
        parametros={"fase": "importar", "formato": 0},
    )
    antes = (Persona.objects.count(), Eleccion.objects.count(), Candidatura.objects.count())

    procesar_importacion.call(str(trabajo.pk))

    trabajo.refresh_from_db()
    assert trabajo.estado == TrabajoEnSegundoPlano.Estado.CON_ERRORES
    assert [e["fila"] for e in trabajo.resultado["errores"]] == [4]
    assert (Persona.objects.count(), Eleccion.objects.count(), Candidatura.objects.count()) == antes
    assert not almacen.existe()
