"""Importación de candidaturas (C13): todo o nada, con cada fila mala señalada."""

import csv
import io

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import Workbook, load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from candidaturas.models import Candidatura, Eleccion, Persona
from candidaturas.resources import COLUMNAS, CandidaturaResource
from tests.candidaturas.factories import (
    ActorPoliticoFactory,
    CandidaturaFactory,
    DistritoLocalFactory,
    MunicipioFactory,
    ProcesoElectoralFactory,
)

ENCABEZADOS = [c for c in COLUMNAS if c not in ("estado", "sustituye_id")]


@pytest.fixture
def registro(db):
    proceso = ProcesoElectoralFactory(slug="ordinario-2027")
    ActorPoliticoFactory(siglas="PAN", slug="pan")
    ActorPoliticoFactory(siglas="MC", slug="mc")
    DistritoLocalFactory(numero=7)
    MunicipioFactory(clave_ieem=59, nombre="Nextlalpan")
    return proceso


def fila(**cambios):
    base = {
        "id": "",
        "proceso": "ordinario-2027",
        "tipo_eleccion": "diputacion_mr",
        "distrito_local": "7",
        "municipio_clave_ieem": "",
        "actor": "PAN",
        "cargo": "diputacion",
        "numero": "1",
        "calidad": "propietaria",
        "nombre": "María José",
        "primer_apellido": "Hernández",
        "segundo_apellido": "Ruiz",
        "sexo": "mujer",
        "fecha_nacimiento": "1985-03-14",
        "edad": "",
        "correo": "mj@ejemplo.mx",
        "accion_afirmativa": "",
    }
    base.update(cambios)
    return base


def filas_buenas():
    return [
        fila(),
        fila(
            calidad="Suplente",
            nombre="Lucía",
            primer_apellido="Gómez",
            fecha_nacimiento="02/11/1990",
            correo="",
        ),
        fila(
            tipo_eleccion="Ayuntamiento",
            distrito_local="",
            municipio_clave_ieem="59",
            actor="mc",
            cargo="Regiduría",
            numero="2",
            nombre="Pedro",
            primer_apellido="Sánchez",
            sexo="Hombre",
            fecha_nacimiento="",
            edad="44",
            correo="pedro@ejemplo.mx",
            accion_afirmativa="indigena",
        ),
    ]


def como_csv(filas):
    salida = io.StringIO()
    escritor = csv.DictWriter(salida, fieldnames=ENCABEZADOS)
    escritor.writeheader()
    escritor.writerows(filas)
    return salida.getvalue()


def como_xlsx(filas):
    libro = Workbook()
    hoja = libro.active
    hoja.append(ENCABEZADOS)
    for f in filas:
        hoja.append([f[c] for c in ENCABEZADOS])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def importar(contenido, formato=CSV):
    datos = formato().create_dataset(contenido)
    return CandidaturaResource().import_data(datos, dry_run=False)


def test_un_archivo_correcto_registra_todas_sus_filas(registro):
    resultado = importar(como_csv(filas_buenas()))

    assert not resultado.has_errors() and not resultado.has_validation_errors()
    assert Candidatura.objects.count() == 3
    regiduria = Candidatura.objects.get(cargo=Candidatura.Cargo.REGIDURIA)
    assert regiduria.eleccion.tipo == Eleccion.Tipo.AYUNTAMIENTO
    assert regiduria.eleccion.municipio.clave_ieem == 59
    assert regiduria.persona.edad_registrada == 44
    assert regiduria.accion_afirmativa == Candidatura.AccionAfirmativa.INDIGENA


def test_un_xlsx_correcto_tambien_se_importa(registro):
    resultado = importar(como_xlsx(filas_buenas()), XLSX)

    assert not resultado.has_validation_errors()
    assert Candidatura.objects.count() == 3


def test_importar_dos_veces_el_mismo_archivo_no_duplica_personas_ni_candidaturas(registro):
    importar(como_csv(filas_buenas()[:2]))

    resultado = importar(como_csv(filas_buenas()[:2]))

    assert resultado.has_validation_errors()  # el lugar ya está ocupado: se usa la sustitución
    assert Candidatura.objects.count() == 2
    assert Persona.objects.count() == 2


@pytest.mark.parametrize(
    "mala, columna, mensaje",
    [
        (fila(actor="XYZ", calidad="suplente"), "actor", "No hay un actor político con siglas «XYZ»"),
        (fila(proceso="no-existe", calidad="suplente"), "proceso", "No existe el proceso electoral"),
        (fila(distrito_local="99", calidad="suplente"), "distrito_local", "No existe el distrito local 99"),
        (fila(fecha_nacimiento="ayer", calidad="suplente"), "fecha_nacimiento", "no es una fecha"),
        (fila(sexo="otro", calidad="suplente"), "sexo", "no es un valor válido"),
        (fila(cargo="regiduria", calidad="suplente"), "cargo", "no corresponde"),
        (fila(nombre="", calidad="suplente"), "nombre", "obligatoria"),
        (fila(numero="dos", calidad="suplente"), "numero", "no es un número entero"),
        (fila(id="999999", calidad="suplente"), "id", "No existe la candidatura 999999"),
        (fila(nombre="Otra", primer_apellido="Persona"), "__all__", "ya tiene una candidatura registrada"),
    ],
)
def test_una_sola_fila_mala_no_importa_nada_y_dice_fila_y_motivo(registro, mala, columna, mensaje):
    resultado = importar(como_csv([filas_buenas()[0], mala, filas_buenas()[2]]))

    assert Candidatura.objects.count() == 0
    assert Persona.objects.count() == 0
    assert not Eleccion.objects.exists()
    invalidas = resultado.invalid_rows
    assert [r.number for r in invalidas] == [2]
    assert mensaje in " ".join(invalidas[0].error_dict.get(columna, []))


def test_un_archivo_sin_columnas_obligatorias_no_importa_nada(registro):
    resultado = importar("nombre,primer_apellido\nAna,López\n")

    assert resultado.has_errors()
    assert "Faltan las columnas" in str(resultado.base_errors[0].error)
    assert Candidatura.objects.count() == 0


def test_la_exportacion_tiene_la_misma_forma_que_la_importacion(registro):
    importar(como_csv(filas_buenas()))

    exportado = CandidaturaResource().export()

    assert exportado.headers == COLUMNAS
    primera = dict(zip(exportado.headers, exportado[0], strict=True))
    assert primera["proceso"] == "ordinario-2027"
    assert primera["actor"] == "PAN"
    assert primera["nombre"] == "María José"
    assert primera["estado"] == "registrada"


@pytest.fixture
def personal(client, db):
    usuario = get_user_model().objects.create_superuser("staff@ieem.mx", "staff@ieem.mx", "clave-segura-123")
    Authenticator.objects.create(
        user=usuario, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    client.force_login(usuario)
    return client


def test_el_admin_muestra_la_vista_previa_con_cada_fila_mala(personal, registro):
    archivo = SimpleUploadedFile("registro.csv", como_csv([filas_buenas()[0], fila(actor="XYZ")]).encode())

    respuesta = personal.post(
        reverse("admin:candidaturas_candidatura_import"),
        {"import_file": archivo, "format": "0", "resource": "0"},
    )

    assertContains(respuesta, "No hay un actor político con siglas «XYZ»")
    assertNotContains(respuesta, 'name="confirm"')
    assert Candidatura.objects.count() == 0


@pytest.mark.parametrize(
    "codificacion", ["cp1252", "latin-1", "utf-8", "utf-8-sig", "utf-16"], ids=lambda c: c
)
def test_el_admin_importa_un_csv_en_la_codificacion_de_excel(
    personal, registro, codificacion, django_capture_on_commit_callbacks
):
    """Regresión (issue 11): un CSV en Latin-1 (lo que guarda Excel en Windows) daba
    «Se encontró 'UnicodeDecodeError'»; ahora se lee bien en la vista previa y al confirmar."""
    archivo = SimpleUploadedFile("registro.csv", como_csv(filas_buenas()).encode(codificacion))

    vista_previa = personal.post(
        reverse("admin:candidaturas_candidatura_import"),
        {"import_file": archivo, "format": "0", "resource": "0"},
    )

    assert "UnicodeDecodeError" not in vista_previa.content.decode()
    assert "confirm_form" in vista_previa.context
    # Confirmar encola la importación (issue 12); corre al confirmarse la transacción.
    with django_capture_on_commit_callbacks(execute=True):
        personal.post(
            reverse("admin:candidaturas_candidatura_process_import"),
            vista_previa.context["confirm_form"].initial,
        )
    assert set(Persona.objects.values_list("nombre", "primer_apellido")) == {
        ("María José", "Hernández"),
        ("Lucía", "Gómez"),
        ("Pedro", "Sánchez"),
    }


def test_la_vista_previa_del_admin_muestra_todas_las_columnas_de_cada_fila(personal, registro):
    archivo = SimpleUploadedFile("registro.csv", como_csv(filas_buenas()[:1]).encode())

    respuesta = personal.post(
        reverse("admin:candidaturas_candidatura_import"),
        {"import_file": archivo, "format": "0", "resource": "0"},
    )

    assertContains(respuesta, 'name="confirm"')
    # Las columnas que no son un campo del modelo (proceso, actor, persona) también se ven.
    for valor in ("ordinario-2027", "PAN", "María José", "Hernández", "mj@ejemplo.mx"):
        assertContains(respuesta, valor)
    assert Candidatura.objects.count() == 0


def test_el_admin_exporta_a_xlsx_con_las_columnas_documentadas(personal, registro):
    importar(como_csv(filas_buenas()))

    respuesta = personal.post(
        reverse("admin:candidaturas_candidatura_export"),
        {"format": "1", "resource": "0", **{f"candidaturaresource_{c}": "on" for c in COLUMNAS}},
    )

    assert respuesta.status_code == 200
    hoja = load_workbook(io.BytesIO(respuesta.content)).active
    assert [c.value for c in hoja[1]] == COLUMNAS
    assert hoja.max_row == 4


@pytest.mark.parametrize(
    ("archivo", "formato"), [("registro_candidaturas.csv", CSV), ("registro_candidaturas.xlsx", XLSX)]
)
def test_el_archivo_de_muestra_se_importa_sobre_la_demostracion(db, archivo, formato):
    from django.conf import settings

    from candidaturas.demo import generar_demo

    for clave, nombre in ((1, "Acambay"), (59, "Nextlalpan")):
        MunicipioFactory(clave_ieem=clave, clave_inegi=f"15{clave:03d}", nombre=nombre)
    DistritoLocalFactory(numero=1)
    generar_demo()
    antes = Candidatura.objects.count()
    ruta = settings.BASE_DIR / "fixtures" / "muestras" / archivo
    contenido = ruta.read_bytes() if formato is XLSX else ruta.read_text(encoding="utf-8")

    resultado = importar(contenido, formato)

    assert not resultado.has_errors() and not resultado.has_validation_errors()
    assert Candidatura.objects.count() == antes + 6


def test_un_caracter_nulo_en_el_archivo_es_un_error_de_fila_y_no_importa_nada(registro):
    resultado = importar(como_csv([filas_buenas()[0], fila(nombre="Ana\x00", calidad="suplente")]))

    assert Candidatura.objects.count() == 0
    assert "carácter nulo" in " ".join(resultado.invalid_rows[0].error_dict["nombre"])


PELIGROSOS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUMA(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("formato", ["csv", "xlsx"])
def test_la_exportacion_del_admin_escapa_formulas(personal, db, formato):
    """Issue 12: ningún nombre sale como fórmula viva, ni en CSV ni en XLSX."""
    for peligroso in PELIGROSOS:
        CandidaturaFactory(persona__nombre=peligroso, persona__primer_apellido=peligroso)

    respuesta = personal.post(
        reverse("admin:candidaturas_candidatura_export"),
        {
            "format": "0" if formato == "csv" else "1",
            "resource": "0",
            **{f"candidaturaresource_{c}": "on" for c in COLUMNAS},
        },
    )

    assert respuesta.status_code == 200
    if formato == "csv":
        filas = list(csv.reader(io.StringIO(respuesta.content.decode("utf-8-sig"), newline="")))
        celdas = [c for fila in filas[1:] for c in fila]
        nombres = [fila[COLUMNAS.index("nombre")] for fila in filas[1:]]
    else:
        hoja = load_workbook(io.BytesIO(respuesta.content)).active
        assert all(c.data_type != "f" for fila in hoja.iter_rows() for c in fila)
        celdas = [c.value for fila in hoja.iter_rows(min_row=2) for c in fila if isinstance(c.value, str)]
        nombres = [fila[COLUMNAS.index("nombre")].value for fila in hoja.iter_rows(min_row=2)]
    assert sorted(nombres) == sorted("'" + p for p in PELIGROSOS)
    assert not [c for c in celdas if c and c[0] in "=+-@\t\r"]
