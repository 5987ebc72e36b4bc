import pytest
from django.http import QueryDict

from candidaturas.models import ProcesoElectoral
from cuestionarios import demo
from cuestionarios.forms import IdentidadForm
from cuestionarios.models import (
    CuestionarioCurricular,
    CuestionarioIdentidad,
    Pregunta,
    RespuestaIdentidad,
)
from tests.candidaturas.factories import CandidaturaFactory, ProcesoElectoralFactory
from tests.candidaturas.test_demo import geografia  # noqa: F401  (fixture)


@pytest.mark.django_db
def test_sin_proceso_de_demostracion_no_genera_nada():
    assert demo.generar() is None


@pytest.mark.django_db
def test_la_demo_es_determinista_e_idempotente():
    proceso = ProcesoElectoralFactory(es_demostracion=True)
    for _ in range(12):
        CandidaturaFactory(eleccion__proceso=proceso)

    primero = demo.generar()
    identificadores = sorted(CuestionarioCurricular.objects.values_list("pk", flat=True))
    segundo = demo.generar()

    assert {**primero, "ya_existian": True} == segundo
    assert primero["publicados"] + primero["enviados"] + primero["sin_capturar"] == 12
    assert sorted(CuestionarioCurricular.objects.values_list("pk", flat=True)) == identificadores
    assert CuestionarioCurricular.objects.publicados().count() == primero["publicados"]
    assert RespuestaIdentidad.objects.publicadas().exists()


# --- Respuestas de identidad que el formulario aceptaría (issue 14) ---------------------------------


@pytest.fixture
def identidades(geografia):  # noqa: F811
    from candidaturas.demo import SLUG_ORDINARIO, generar_demo

    generar_demo()
    proceso = ProcesoElectoral.objects.get(slug=SLUG_ORDINARIO)
    demo.generar(proceso)
    cuestionarios = list(
        CuestionarioIdentidad.objects.filter(proceso=proceso).select_related("persona", "proceso")
    )
    assert len(cuestionarios) >= 20
    return cuestionarios


def _preguntas():
    return list(
        Pregunta.objects.filter(activa=True)
        .select_related("depende_de", "opcion_que_habilita")
        .prefetch_related("opciones")
    )


def _respuestas(cuestionario, publicada):
    return list(
        RespuestaIdentidad.objects.filter(cuestionario=cuestionario, publicada=publicada).con_catalogo()
    )


def _por_numero(respuestas):
    claves = {}
    for r in respuestas:
        claves.setdefault(r.pregunta.numero, set()).add(r.opcion.clave)
    return claves


def test_cada_respuesta_de_identidad_generada_pasa_por_el_formulario_real_de_captura(identidades):
    """La misma validación que la vista previa antes de enviar (cuestionarios/views.py): con todo
    completo, nada que sobre (una condicionada que no aplica se descartaría) y nada que falte."""
    preguntas = _preguntas()
    for cuestionario in identidades:
        for publicada in (False, True):
            respuestas = _respuestas(cuestionario, publicada)
            datos = QueryDict(mutable=True)
            for clave, valor in IdentidadForm.iniciales(respuestas).items():
                datos.setlist(clave, valor if isinstance(valor, list) else [valor])
            formulario = IdentidadForm(datos, preguntas=preguntas, completo=True)

            assert formulario.is_valid(), (cuestionario.persona_id, formulario.errors)
            aceptadas = {(p.pk, o.pk) for p, o, _texto in formulario.respuestas}
            assert aceptadas == {(r.pregunta_id, r.opcion_id) for r in respuestas}


def test_un_si_siempre_va_seguido_de_sus_preguntas_y_un_no_de_ninguna(identidades):
    condicionadas = {
        p.numero: (p.depende_de.numero, p.opcion_que_habilita.clave)
        for p in Pregunta.objects.filter(depende_de__isnull=False).select_related(
            "depende_de", "opcion_que_habilita"
        )
    }
    vistas_con_si = 0
    for cuestionario in identidades:
        contestadas = _por_numero(_respuestas(cuestionario, True))
        for numero, (puerta, clave) in condicionadas.items():
            habilitada = clave in contestadas.get(puerta, set())
            assert (numero in contestadas) == habilitada, (cuestionario.persona_id, numero)
            vistas_con_si += habilitada
    assert vistas_con_si > 0  # hay «Sí» con sus preguntas de seguimiento, no sólo «No»


def test_joven_y_persona_mayor_coinciden_con_la_edad_el_dia_de_la_eleccion(identidades):
    jovenes = mayores = 0
    for cuestionario in identidades:
        edad = cuestionario.persona.edad_en(cuestionario.proceso.fecha_jornada)
        contestadas = _por_numero(_respuestas(cuestionario, True))
        joven = contestadas[16]
        mayor = contestadas[17]
        if joven != {"prefiero_no_contestar"}:
            assert joven == ({"si"} if 18 <= edad <= 29 else {"no"}), (edad, joven)
            jovenes += joven == {"si"}
        if mayor != {"prefiero_no_contestar"}:
            assert mayor == ({"si"} if edad >= 60 else {"no"}), (edad, mayor)
            mayores += mayor == {"si"}
    assert mayores > 0


def test_el_pueblo_indigena_solo_se_dice_si_la_persona_se_identifica_como_indigena(identidades):
    for cuestionario in identidades:
        contestadas = _por_numero(_respuestas(cuestionario, True))
        if contestadas[1] == {"no"}:
            assert contestadas[3] == {"no_aplica"}
        if contestadas[1] == {"si"}:
            assert contestadas[3] <= {
                "mazahua",
                "otomi",
                "nahua",
                "matlatzinca",
                "tlahuica",
                "prefiero_no_contestar",
            }


def test_los_datos_abiertos_no_dicen_no_contesto_de_ninguna_persona_de_la_demo(identidades):
    """Antes, tras un «Sí» la hoja de identidad decía «NO CONTESTÓ» en las preguntas de seguimiento."""
    from conoceles.datos import NO_APLICA, NO_CONTESTO, PUBLICADA, catalogo_de_identidad, filas_de_identidad

    proceso = identidades[0].proceso
    filas = [f for f in filas_de_identidad(proceso, catalogo_de_identidad()) if PUBLICADA in f]
    assert filas
    celdas = [celda for fila in filas for celda in fila]
    assert NO_CONTESTO not in celdas
    assert NO_APLICA in celdas  # las condicionadas de quien dijo «No» no aplican (y no «no contestó»)


def test_los_textos_curriculares_no_repiten_una_frase_y_cumplen_el_minimo(identidades):
    from cuestionarios.models.curricular import MINIMO_TEXTO_LARGO

    campos = ["historia_profesional", "trayectoria_politica", "por_que_quiero_el_cargo", "propuesta_1"]
    for cuestionario in CuestionarioCurricular.objects.filter(proceso=identidades[0].proceso):
        for campo in campos:
            texto = getattr(cuestionario, campo)
            frases = [f for f in texto.split(". ") if f]
            assert len(frases) == len(set(frases)), (campo, texto)
            assert len(texto) >= MINIMO_TEXTO_LARGO
