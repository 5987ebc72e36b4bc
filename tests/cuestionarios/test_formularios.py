import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cuestionarios.forms import CurricularForm, FotoForm, IdentidadForm
from cuestionarios.models import Pregunta
from tests.cuestionarios.factories import PROPUESTA, TEXTO_LARGO


def datos_completos(**cambios):
    datos = {
        "grado_estudios": "licenciatura",
        "estatus_estudios": "titulo",
        "historia_profesional": TEXTO_LARGO,
        "trayectoria_politica": TEXTO_LARGO,
        "por_que_quiero_el_cargo": TEXTO_LARGO,
        "propuesta_1": PROPUESTA,
        "propuesta_2": PROPUESTA,
        "propuesta_genero": PROPUESTA,
    }
    datos.update(cambios)
    return datos


def test_formulario_completo_acepta_textos_dentro_de_los_limites():
    assert CurricularForm(datos_completos(), completo=True).is_valid()


@pytest.mark.parametrize(
    ("campo", "maximo"),
    [
        ("historia_profesional", 5000),
        ("trayectoria_politica", 5000),
        ("por_que_quiero_el_cargo", 5000),
        ("propuesta_1", 1600),
        ("propuesta_2", 1600),
        ("propuesta_genero", 1600),
    ],
)
def test_cada_texto_largo_rechaza_un_caracter_de_mas_incluso_en_borrador(campo, maximo):
    justo = CurricularForm(datos_completos(**{campo: "a" * maximo}))
    de_mas = CurricularForm(datos_completos(**{campo: "a" * (maximo + 1)}))

    assert justo.is_valid()
    assert not de_mas.is_valid()
    assert "máximo" in de_mas.errors[campo][0]


@pytest.mark.parametrize(
    "campo",
    [
        "historia_profesional",
        "trayectoria_politica",
        "por_que_quiero_el_cargo",
        "propuesta_1",
        "propuesta_2",
        "propuesta_genero",
    ],
)
def test_el_minimo_de_280_se_exige_al_enviar_y_no_en_borrador(campo):
    corto = datos_completos(**{campo: "a" * 279})

    assert CurricularForm(corto).is_valid()
    envio = CurricularForm(corto, completo=True)
    assert not envio.is_valid()
    assert "al menos 280" in envio.errors[campo][0]
    assert CurricularForm(datos_completos(**{campo: "a" * 280}), completo=True).is_valid()


def test_los_espacios_de_los_extremos_no_cuentan_y_los_saltos_se_normalizan():
    formulario = CurricularForm(datos_completos(propuesta_1="  " + "a\r\n" * 400 + "  "))

    assert formulario.is_valid()
    assert formulario.cleaned_data["propuesta_1"] == ("a\n" * 400).strip()


def test_otra_formacion_limita_250_caracteres_por_registro():
    formulario = CurricularForm(datos_completos(otra_formacion="Diplomado\n" + "b" * 251))

    assert not formulario.is_valid()
    assert "registro 2" in formulario.errors["otra_formacion"][0]


def test_otra_formacion_limita_diez_registros():
    formulario = CurricularForm(datos_completos(otra_formacion="\n".join(f"Curso {n}" for n in range(11))))

    assert not formulario.is_valid()


def test_estatus_es_requerido_al_enviar_salvo_sin_estudios():
    assert not CurricularForm(datos_completos(estatus_estudios=""), completo=True).is_valid()
    assert CurricularForm(
        datos_completos(grado_estudios="sin_estudios", estatus_estudios=""), completo=True
    ).is_valid()


def test_red_social_debe_ser_de_su_dominio():
    formulario = CurricularForm(datos_completos(facebook="https://ejemplo.com/ana"))

    assert not formulario.is_valid()
    assert "facebook.com" in formulario.errors["facebook"][0]


def test_red_social_sin_esquema_se_completa_con_https():
    formulario = CurricularForm(datos_completos(instagram="instagram.com/ana"))

    assert formulario.is_valid()
    assert formulario.cleaned_data["instagram"] == "https://instagram.com/ana"


@pytest.mark.parametrize(
    ("telefono", "valido"),
    [("722 123 4567", True), ("+1 (555) 123-4567", True), ("12345", False), ("llámame", False)],
)
def test_telefono_publico_valida_formato(telefono, valido):
    assert CurricularForm(datos_completos(telefono_publico=telefono)).is_valid() is valido


def test_correo_publico_invalido_se_rechaza():
    assert not CurricularForm(datos_completos(correo_publico="no-es-correo")).is_valid()


# --- Fotografía -----------------------------------------------------------------------------------


def imagen(formato="JPEG", tamano=(400, 500), exif=False):
    salida = io.BytesIO()
    foto = Image.new("RGB", tamano, (120, 80, 40))
    extra = {}
    if exif:
        datos = Image.Exif()
        datos[0x010F] = "Camara secreta"
        extra["exif"] = datos.tobytes()
    foto.save(salida, format=formato, **extra)
    return salida.getvalue()


def subir(contenido, nombre="foto.jpg", tipo="image/jpeg"):
    return FotoForm(files={"foto": SimpleUploadedFile(nombre, contenido, content_type=tipo)})


def test_foto_jpeg_se_recodifica_sin_metadatos_y_con_nombre_aleatorio():
    formulario = subir(imagen(exif=True), nombre="mi-nombre-real.jpg")

    assert formulario.is_valid()
    archivo = formulario.cleaned_data["foto"]
    assert "mi-nombre-real" not in archivo.name
    recodificada = Image.open(io.BytesIO(archivo.read()))
    assert recodificada.format == "JPEG"
    assert not recodificada.getexif()


def test_foto_png_se_acepta():
    assert subir(imagen("PNG"), nombre="foto.png", tipo="image/png").is_valid()


def test_foto_de_mas_de_700_kb_se_rechaza():
    formulario = subir(b"\xff\xd8" + b"0" * (700 * 1024 + 1))

    assert not formulario.is_valid()
    assert "700 KB" in formulario.errors["foto"][0]


def test_archivo_que_no_es_imagen_se_rechaza():
    formulario = subir(
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", nombre="foto.svg", tipo="image/svg+xml"
    )

    assert not formulario.is_valid()
    assert "JPG o PNG" in formulario.errors["foto"][0]


def test_gif_se_rechaza_aunque_sea_imagen():
    assert not subir(imagen("GIF"), nombre="foto.gif", tipo="image/gif").is_valid()


def test_foto_diminuta_o_enorme_se_rechaza():
    assert not subir(imagen(tamano=(100, 100))).is_valid()
    assert not subir(imagen("PNG", tamano=(7000, 300)), nombre="f.png", tipo="image/png").is_valid()


# --- Identidad -----------------------------------------------------------------------------------


def preguntas():
    return list(
        Pregunta.objects.select_related("depende_de", "opcion_que_habilita").prefetch_related("opciones")
    )


@pytest.mark.django_db
def test_el_catalogo_tiene_las_20_preguntas_en_orden_con_prefiero_no_contestar():
    catalogo = preguntas()

    assert [p.numero for p in catalogo] == list(range(1, 21))
    for pregunta in catalogo:
        assert any(o.texto == "Prefiero no contestar" for o in pregunta.opciones.all()), pregunta.numero


@pytest.mark.django_db
def test_las_condicionadas_dependen_de_su_pregunta_puerta():
    condiciones = {
        p.numero: (p.depende_de.numero, p.opcion_que_habilita.clave) for p in preguntas() if p.depende_de_id
    }

    assert condiciones == {
        5: (4, "si"),
        6: (4, "si"),
        7: (4, "si"),
        10: (9, "si"),
        12: (11, "si"),
        13: (11, "si"),
        14: (11, "si"),
        15: (11, "si"),
    }


@pytest.mark.django_db
def test_respuestas_a_condicionadas_que_no_aplican_se_descartan():
    formulario = IdentidadForm({"p4": "no", "p5": "permanente", "p6": ["fisica"]}, preguntas=preguntas())

    assert formulario.is_valid()
    assert [(p.numero, o.clave) for p, o, _t in formulario.respuestas] == [(4, "no")]


@pytest.mark.django_db
def test_condicionada_que_aplica_se_guarda_con_su_subopcion():
    formulario = IdentidadForm(
        {"p4": "si", "p6": ["sensorial"], "p6_sub_sensorial": ["sensorial_vision"]}, preguntas=preguntas()
    )

    assert formulario.is_valid()
    assert {(p.numero, o.clave) for p, o, _t in formulario.respuestas} == {
        (4, "si"),
        (6, "sensorial"),
        (6, "sensorial_vision"),
    }


@pytest.mark.django_db
def test_prefiero_no_contestar_no_se_combina_con_otras_opciones():
    formulario = IdentidadForm({"p4": "si", "p7": ["ver", "prefiero_no_contestar"]}, preguntas=preguntas())

    assert not formulario.is_valid()
    assert "no se combina" in formulario.errors["p7"][0]


@pytest.mark.django_db
def test_al_enviar_cada_pregunta_que_aplica_necesita_respuesta():
    formulario = IdentidadForm({"p1": "si"}, preguntas=preguntas(), completo=True)

    assert not formulario.is_valid()
    assert "p2" in formulario.errors
    assert "p5" not in formulario.errors  # la 4 no se contestó con «Sí»


@pytest.mark.django_db
def test_otra_pide_especificar_al_enviar():
    datos = {f"p{p.numero}": "prefiero_no_contestar" for p in preguntas() if not p.depende_de_id}
    datos["p3"] = "otro"

    formulario = IdentidadForm(datos, preguntas=preguntas(), completo=True)

    assert not formulario.is_valid()
    assert "p3_texto" in formulario.errors
