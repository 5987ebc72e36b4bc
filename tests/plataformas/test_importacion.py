"""Carga de propuestas de plataforma por el personal (import-export): todo o nada, fila y motivo."""

import csv
import io

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import Workbook
from pytest_django.asserts import assertContains, assertNotContains

from comun import cache_publica
from plataformas.models import PlataformaElectoral, Propuesta
from plataformas.resources import PropuestaResource
from tests.candidaturas.factories import ActorPoliticoFactory, ProcesoElectoralFactory
from tests.plataformas.factories import PlataformaElectoralFactory, TemaFactory

ENCABEZADOS = ["actor", "plataforma", "tema", "título", "texto", "orden"]
BUENA = ["PXX", "Municipal", "Salud pública", "Clínicas", "Abrir clínicas.", 1]


@pytest.fixture
def proceso(db):
    ActorPoliticoFactory(siglas="PXX")
    TemaFactory(nombre="Salud pública", slug="salud-publica")
    return ProcesoElectoralFactory(predeterminado=True)


def como_xlsx(filas, encabezados=ENCABEZADOS):
    libro = Workbook()
    hoja = libro.active
    hoja.append(encabezados)
    for fila in filas:
        hoja.append(fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def como_csv(filas, encabezados=ENCABEZADOS):
    salida = io.StringIO()
    escritor = csv.writer(salida)
    escritor.writerow(encabezados)
    escritor.writerows(filas)
    return salida.getvalue()


def importar(proceso, contenido, formato=XLSX, dry_run=False):
    datos = formato().create_dataset(contenido)
    return PropuestaResource(proceso=proceso).import_data(datos, dry_run=dry_run)


def errores(resultado, numero, columna):
    fila = next(r for r in resultado.invalid_rows if r.number == numero)
    return " ".join(fila.error_dict.get(columna, []))


def test_importar_propuestas_crea_plataforma_y_propuestas(proceso):
    resultado = importar(proceso, como_xlsx([BUENA]))

    assert not resultado.has_errors() and not resultado.has_validation_errors()
    propuesta = Propuesta.objects.get()
    assert propuesta.plataforma.tipo == "municipal"
    assert propuesta.plataforma.proceso == proceso
    assert (propuesta.titulo, propuesta.tema.slug, propuesta.orden) == ("Clínicas", "salud-publica", 1)


def test_importar_con_una_fila_mala_no_guarda_nada_y_lista_los_errores(proceso):
    resultado = importar(
        proceso,
        como_xlsx(
            [
                BUENA,
                ["NOEXISTE", "municipal", "Salud pública", "Otra", "Texto.", 2],
                ["PXX", "marciana", "Tema raro", "", "Texto.", "dos"],
            ]
        ),
    )

    assert not Propuesta.objects.exists()
    assert not PlataformaElectoral.objects.exists()
    assert [r.number for r in resultado.invalid_rows] == [2, 3]
    assert "No hay un actor político con siglas «NOEXISTE»" in errores(resultado, 2, "actor")
    assert "legislativa, municipal o gubernatura, no «marciana»" in errores(resultado, 3, "plataforma")
    assert "El tema «Tema raro» no está en el catálogo" in errores(resultado, 3, "tema")
    assert "obligatoria y está vacía" in errores(resultado, 3, "titulo")
    assert "entero positivo" in errores(resultado, 3, "orden")


def test_un_csv_con_encabezados_en_mayusculas_y_filas_vacias_se_importa(proceso):
    plataforma = PlataformaElectoralFactory(proceso=proceso, actor__siglas="PYY", tipo="legislativa")
    filas = [
        ["pxx", "municipal", "salud-publica", "Uno", "Texto uno.", ""],
        ["", "", "", "", "", ""],
        ["PYY", "Legislativa", "SALUD PÚBLICA", "Dos", "Texto\n\ncon párrafos.", "3"],
    ]

    resultado = importar(proceso, como_csv(filas, [c.upper() for c in ENCABEZADOS]), CSV)

    assert not resultado.has_errors() and not resultado.has_validation_errors()
    assert Propuesta.objects.count() == 2
    assert Propuesta.objects.get(titulo="Uno").orden == 1
    dos = Propuesta.objects.get(titulo="Dos")
    assert dos.plataforma == plataforma  # reutiliza la plataforma existente del actor y tipo
    assert dos.texto == "Texto\n\ncon párrafos."


def test_varias_filas_del_mismo_actor_y_tipo_comparten_una_plataforma(proceso):
    importar(proceso, como_xlsx([BUENA, ["PXX", "municipal", "Salud pública", "Otra", "Texto.", 2]]))

    assert PlataformaElectoral.objects.count() == 1
    assert Propuesta.objects.count() == 2


def test_un_actor_de_otro_proceso_no_se_acepta(proceso):
    ActorPoliticoFactory(siglas="COAL", proceso=ProcesoElectoralFactory())

    resultado = importar(proceso, como_xlsx([["COAL", "municipal", "Salud pública", "A", "B", 1]]))

    assert "«COAL» en este proceso" in errores(resultado, 1, "actor")
    assert not Propuesta.objects.exists()


def test_faltan_columnas_no_importa_nada(proceso):
    resultado = importar(proceso, como_csv([["PXX", "Clínicas"]], ["actor", "titulo"]), CSV)

    assert resultado.has_errors()
    mensaje = str(resultado.base_errors[0].error)
    assert "Faltan las columnas: plataforma, tema, texto, orden" in mensaje
    assert not Propuesta.objects.exists()


def test_una_hoja_sin_filas_con_datos_se_rechaza(proceso):
    resultado = importar(proceso, como_xlsx([[None] * 6, ["", "", "", "", "", ""]]))

    assert "La hoja no tiene filas con propuestas." in str(resultado.base_errors[0].error)


def test_un_caracter_nulo_es_un_error_de_fila_y_no_importa_nada(proceso):
    resultado = importar(
        proceso, como_csv([BUENA, ["PXX", "municipal", "Salud pública", "Mal\x00", "Texto.", 2]]), CSV
    )

    assert not Propuesta.objects.exists()
    assert "carácter nulo" in errores(resultado, 2, "titulo")


def test_una_celda_con_formula_se_lee_por_su_valor_y_sin_valor_es_un_error(proceso):
    # Como el cargador anterior (openpyxl con data_only): se usa el valor calculado que guarda la
    # hoja; una fórmula que nunca se calculó (hoja generada por un programa) llega vacía.
    resultado = importar(proceso, como_xlsx([BUENA, ["PXX", "municipal", "Salud pública", "=A1&B1", "T", 2]]))

    assert not Propuesta.objects.exists()
    assert "obligatoria y está vacía" in errores(resultado, 2, "titulo")


def test_un_titulo_demasiado_largo_se_informa_en_su_columna(proceso):
    resultado = importar(proceso, como_xlsx([["PXX", "municipal", "Salud pública", "x" * 201, "T", 1]]))

    assert "200" in errores(resultado, 1, "titulo")
    assert not PlataformaElectoral.objects.exists()


@pytest.mark.parametrize("filas", [1, 20])
def test_las_consultas_no_crecen_mas_que_una_insercion_por_fila(proceso, filas, django_assert_num_queries):
    PlataformaElectoralFactory(proceso=proceso, actor__siglas="PYY", tipo="municipal")
    hoja = como_xlsx([["PYY", "municipal", "Salud pública", f"P{i}", "T", i + 1] for i in range(filas)])

    # Una vez por archivo: la transacción y los puntos de guardado de before_import y after_import
    # (6) más actores, temas y plataformas del proceso (3). Por fila: punto de guardado, inserción y
    # su liberación; la plataforma y el tema no se vuelven a buscar para validar.
    with django_assert_num_queries(9 + 3 * filas):
        importar(proceso, hoja)

    assert Propuesta.objects.count() == filas


def test_la_vista_previa_no_deja_nada_guardado(proceso):
    resultado = importar(proceso, como_xlsx([BUENA]), dry_run=True)

    assert not resultado.has_validation_errors()
    assert resultado.totals["new"] == 1
    assert not Propuesta.objects.exists() and not PlataformaElectoral.objects.exists()


@pytest.mark.parametrize(
    ("archivo", "formato"), [("propuestas_plataforma.csv", CSV), ("propuestas_plataforma.xlsx", XLSX)]
)
def test_el_archivo_de_muestra_se_importa_sobre_la_demostracion(db, archivo, formato):
    from django.conf import settings

    from candidaturas.demo import generar_demo
    from candidaturas.models import ProcesoElectoral
    from tests.candidaturas.factories import DistritoLocalFactory, MunicipioFactory

    for clave, nombre in ((1, "Acambay"), (59, "Nextlalpan")):
        MunicipioFactory(clave_ieem=clave, clave_inegi=f"15{clave:03d}", nombre=nombre)
    DistritoLocalFactory(numero=1)
    generar_demo()
    demo = ProcesoElectoral.objects.filter(es_demostracion=True).order_by("-predeterminado").first()
    ruta = settings.BASE_DIR / "fixtures" / "muestras" / archivo
    contenido = ruta.read_bytes() if formato is XLSX else ruta.read_text(encoding="utf-8")

    resultado = importar(demo, contenido, formato)

    assert not resultado.has_errors() and not resultado.has_validation_errors()
    assert Propuesta.objects.filter(plataforma__proceso=demo).count() == 5


# --- Lo que ve el personal en el admin -------------------------------------------------------------


def _entrar(client, usuario):
    Authenticator.objects.create(
        user=usuario, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    client.force_login(usuario)
    return client


@pytest.fixture
def personal(client, db):
    usuario = get_user_model().objects.create_superuser("staff@ieem.mx", "staff@ieem.mx", "clave-segura-123")
    return _entrar(client, usuario)


def _subir(client, proceso, contenido, nombre="propuestas.xlsx", formato="1"):
    return client.post(
        reverse("admin:plataformas_propuesta_import"),
        {
            "import_file": SimpleUploadedFile(nombre, contenido),
            "format": formato,
            "resource": "0",
            "proceso": proceso.pk,
        },
    )


def test_el_admin_muestra_la_vista_previa_con_cada_fila_mala(personal, proceso):
    respuesta = _subir(
        personal, proceso, como_xlsx([BUENA, ["NOEXISTE", "municipal", "Salud pública", "A", "B", 2]])
    )

    assertContains(respuesta, "No hay un actor político con siglas «NOEXISTE» en este proceso.")
    assertContains(respuesta, "No se guardó ninguna fila. Corrige estos errores")
    assertNotContains(respuesta, 'name="confirm"')
    assert not Propuesta.objects.exists()


def test_el_admin_confirma_la_vista_previa_y_renueva_la_cache(
    personal, proceso, django_capture_on_commit_callbacks
):
    previa = _subir(personal, proceso, como_xlsx([BUENA]))
    assertContains(previa, 'name="confirm"')
    assertContains(previa, "todavía no se guardó nada")
    for columna in ("PXX", "Municipal", "Salud pública", "Clínicas"):  # la vista previa, completa
        assertContains(previa, columna)
    assert not Propuesta.objects.exists()
    confirmar = previa.context["confirm_form"]
    datos = {campo.html_name: campo.value() for campo in confirmar}

    portal = cache_publica.version(cache_publica.PORTAL)

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = personal.post(reverse("admin:plataformas_propuesta_process_import"), datos, follow=True)

    assert respuesta.status_code == 200
    assertContains(respuesta, "Importación terminada: 1 nuevas")
    assert Propuesta.objects.get().plataforma.proceso == proceso
    assert cache_publica.version(cache_publica.PORTAL) != portal


def test_el_csv_tambien_se_sube_desde_el_admin(personal, proceso):
    respuesta = _subir(personal, proceso, como_csv([BUENA]).encode(), "propuestas.csv", formato="0")

    assertContains(respuesta, 'name="confirm"')


def test_el_admin_pide_el_proceso(personal, proceso):
    formulario = personal.get(reverse("admin:plataformas_propuesta_import"))
    assertContains(formulario, 'name="proceso"')
    assertContains(formulario, "Proceso electoral")

    respuesta = personal.post(
        reverse("admin:plataformas_propuesta_import"),
        {"import_file": SimpleUploadedFile("p.xlsx", como_xlsx([BUENA])), "format": "1", "resource": "0"},
    )

    assert respuesta.status_code == 200
    assertContains(respuesta, "Este campo es obligatorio")
    assert not Propuesta.objects.exists()


def test_una_hoja_de_mas_de_5_mb_se_rechaza(personal, proceso, monkeypatch):
    monkeypatch.setattr("plataformas.forms.TAMANO_MAXIMO_HOJA", 10)

    respuesta = _subir(personal, proceso, como_xlsx([BUENA]))

    assertContains(respuesta, "La hoja pesa más de")
    assert not Propuesta.objects.exists()


def test_un_archivo_que_no_es_xlsx_da_un_error_y_no_500(personal, proceso):
    respuesta = _subir(personal, proceso, b"esto no es una hoja")

    assert respuesta.status_code == 200
    assertContains(respuesta, "No se pudo leer el archivo")
    assertNotContains(respuesta, 'name="confirm"')
    assert not Propuesta.objects.exists()


def test_sin_permiso_para_crear_plataformas_no_se_importa(client, proceso):
    usuario = get_user_model().objects.create_user("editor@ieem.mx", "editor@ieem.mx", "clave-segura-123")
    usuario.is_staff = True
    usuario.save()
    usuario.user_permissions.add(Permission.objects.get(codename="add_propuesta"))
    _entrar(client, usuario)

    assert client.get(reverse("admin:plataformas_propuesta_import")).status_code == 403


def test_la_lista_de_plataformas_enlaza_a_la_carga_de_propuestas(personal, proceso):
    respuesta = personal.get(reverse("admin:plataformas_plataformaelectoral_changelist"))

    assertContains(respuesta, reverse("admin:plataformas_propuesta_import"))
