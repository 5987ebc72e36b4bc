"""El PDF de una plataforma (issue 12): se valida su estructura, se guarda con un nombre aleatorio y
se sirve como descarga `application/pdf` con `nosniff`."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains

from plataformas.validadores import validar_pdf
from tests.plataformas.factories import PlataformaElectoralFactory

PDF_MINIMO = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf(contenido, nombre="plataforma.pdf"):
    return SimpleUploadedFile(nombre, contenido, content_type="application/pdf")


def test_un_pdf_de_verdad_pasa():
    validar_pdf(pdf(PDF_MINIMO))


@pytest.mark.parametrize(
    "contenido, mensaje",
    [
        # HTML con una cabecera de PDF escondida: la revisión anterior lo aceptaba.
        (b"<html><body><script>alert(1)</script>%PDF-1.4\n%%EOF", "un PDF empieza con «%PDF-»"),
        (b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF", "mezcla un PDF con HTML"),
        (PDF_MINIMO + b"<script>alert(1)</script>", "no termina con «%%EOF»"),
        (PDF_MINIMO + b"<!-- <svg onload=alert(1)> -->\n%%EOF\n", "mezcla un PDF con HTML"),
        (PDF_MINIMO[:60], "no termina con «%%EOF»"),
    ],
    ids=["html-con-cabecera", "html-tras-la-cabecera", "basura-al-final", "svg-al-final", "truncado"],
)
def test_un_poliglota_o_un_pdf_roto_se_rechaza_con_su_motivo(contenido, mensaje):
    with pytest.raises(ValidationError) as error:
        validar_pdf(pdf(contenido, "x.pdf"))

    assert mensaje in " ".join(error.value.messages)


@pytest.mark.django_db
def test_se_guarda_con_un_nombre_aleatorio_y_se_descarga_como_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plataforma = PlataformaElectoralFactory(documento=pdf(PDF_MINIMO, "Plataforma <b>PAN</b> final.pdf"))

    assert re.fullmatch(r"plataformas/[0-9a-f]{32}\.pdf", plataforma.documento.name)

    respuesta = client.get(plataforma.url_del_documento())

    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert respuesta["Content-Disposition"] == f'attachment; filename="{plataforma.nombre_de_descarga}"'
    assert b"".join(respuesta.streaming_content) == PDF_MINIMO
    pagina = client.get(plataforma.get_absolute_url())
    assertContains(pagina, f'href="{plataforma.url_del_documento()}"')
    assert "/media/" not in pagina.content.decode()


@pytest.mark.django_db
def test_el_documento_de_una_plataforma_sin_publicar_no_se_sirve(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plataforma = PlataformaElectoralFactory(documento=pdf(PDF_MINIMO), publicada=False)

    assert client.get(plataforma.url_del_documento()).status_code == 404
