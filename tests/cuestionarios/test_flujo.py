import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied

from cuestionarios import services
from cuestionarios.forms import IdentidadForm
from cuestionarios.models import (
    CuestionarioCurricular,
    Estado,
    EventoDeConsentimiento,
    Pregunta,
    RegistroDeCambio,
    RespuestaIdentidad,
    Transicion,
)
from tests.cuentas.factories import CuentaDeActorFactory, UsuarioFactory
from tests.cuestionarios.factories import aviso_vigente, escenario, respuestas_completas


def personal(*permisos):
    usuario = UsuarioFactory(is_staff=True)
    usuario.user_permissions.add(*Permission.objects.filter(codename__in=permisos))
    return usuario


def preguntas():
    return list(
        Pregunta.objects.select_related("depende_de", "opcion_que_habilita").prefetch_related("opciones")
    )


def contestar(datos):
    formulario = IdentidadForm(respuestas_completas(), preguntas=preguntas())
    assert formulario.is_valid(), formulario.errors
    services.guardar_identidad(
        identidad=datos["identidad"],
        respuestas=formulario.respuestas,
        usuario=datos["cuenta"].usuario,
        curricular=datos["curricular"],
    )


def hasta_revision(datos):
    partido = CuentaDeActorFactory(actor=datos["actor"]).usuario
    revisor = personal("revisar_cuestionario", "publicar_cuestionario")
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    services.mover(cuestionario=datos["curricular"], movimiento="validar", usuario=partido)
    services.mover(cuestionario=datos["curricular"], movimiento="revisar", usuario=revisor)
    return revisor


def recargar(cuestionario):
    return CuestionarioCurricular.objects.get(pk=cuestionario.pk)


@pytest.mark.django_db
def test_flujo_completo_registra_cada_movimiento_con_quien_y_cuando():
    datos = escenario()
    contestar(datos)

    revisor = hasta_revision(datos)
    services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)

    movimientos = list(Transicion.objects.order_by("fecha", "id").values_list("desde", "hacia", "usuario"))
    assert [m[:2] for m in movimientos] == [
        ("en_captura", "enviado"),
        ("enviado", "validado_partido"),
        ("validado_partido", "en_revision"),
        ("en_revision", "publicado"),
    ]
    assert movimientos[0][2] == datos["cuenta"].usuario.pk
    assert recargar(datos["curricular"]).publicado_en is not None


@pytest.mark.django_db
def test_otra_persona_candidata_no_puede_enviar_una_captura_ajena():
    datos = escenario()
    otra = escenario()

    with pytest.raises(PermissionDenied):
        services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=otra["cuenta"].usuario)


@pytest.mark.django_db
def test_el_partido_de_otro_actor_no_puede_validar():
    datos = escenario()
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    ajeno = CuentaDeActorFactory().usuario

    with pytest.raises(PermissionDenied):
        services.mover(cuestionario=datos["curricular"], movimiento="validar", usuario=ajeno)


@pytest.mark.django_db
def test_la_persona_candidata_no_puede_validarse_ni_publicarse():
    datos = escenario()
    usuario = datos["cuenta"].usuario
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=usuario)

    assert not services.puede_mover(usuario, datos["curricular"], "validar")
    assert not services.puede_mover(usuario, datos["curricular"], "revisar")
    assert not services.puede_mover(usuario, datos["curricular"], "publicar")


@pytest.mark.django_db
def test_personal_sin_permiso_de_publicar_no_publica():
    datos = escenario()
    hasta_revision(datos)
    solo_revisa = personal("revisar_cuestionario")

    assert services.puede_mover(solo_revisa, datos["curricular"], "observar")
    assert not services.puede_mover(solo_revisa, datos["curricular"], "publicar")


@pytest.mark.django_db
def test_con_partido_no_se_salta_la_validacion_y_la_independiente_si():
    con_partido = escenario()
    independiente = escenario(independiente=True)
    revisor = personal("revisar_cuestionario")
    for datos in (con_partido, independiente):
        services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)

    assert not services.puede_mover(revisor, recargar(con_partido["curricular"]), "revisar")
    assert services.puede_mover(revisor, recargar(independiente["curricular"]), "revisar")


@pytest.mark.django_db
def test_no_se_publica_sin_pasar_por_revision():
    datos = escenario()
    revisor = personal("revisar_cuestionario", "publicar_cuestionario")

    assert not services.puede_mover(revisor, datos["curricular"], "publicar")


@pytest.mark.django_db
def test_observaciones_llegan_por_correo_y_la_correccion_vuelve_a_revision():
    datos = escenario()
    revisor = hasta_revision(datos)
    mail.outbox.clear()

    services.hacer_observaciones(
        cuestionario=datos["curricular"],
        usuario=revisor,
        observaciones=[{"parte": "propuestas", "supuesto": "lemas", "texto": "Quita el lema de campaña."}],
    )

    assert recargar(datos["curricular"]).estado == Estado.CON_OBSERVACIONES
    assert "Quita el lema de campaña." in mail.outbox[0].body
    assert "Utilizar lemas o imágenes de campaña" in mail.outbox[0].body
    services.mover(
        cuestionario=recargar(datos["curricular"]),
        movimiento="enviar_correccion",
        usuario=datos["cuenta"].usuario,
    )
    assert recargar(datos["curricular"]).estado == Estado.CORREGIDO
    assert not datos["curricular"].observaciones.filter(atendida=False).exists()
    assert services.puede_mover(revisor, recargar(datos["curricular"]), "revisar")


@pytest.mark.django_db
def test_editar_tras_publicar_vuelve_a_captura_y_el_publico_sigue_viendo_lo_publicado():
    datos = escenario()
    revisor = hasta_revision(datos)
    services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)
    publicado = recargar(datos["curricular"])
    original = publicado.propuesta_1

    services.guardar_curricular(
        cuestionario=publicado, datos={"propuesta_1": "x" * 300}, usuario=datos["cuenta"].usuario
    )

    visto = CuestionarioCurricular.objects.publicados().get(pk=publicado.pk)
    assert visto.propuesta_1 == original
    assert visto.estado == Estado.EN_CAPTURA
    assert services.version_en_edicion(visto).propuesta_1 == "x" * 300


@pytest.mark.django_db
def test_republicar_aplica_los_cambios_y_fecha_solo_la_parte_que_cambio():
    datos = escenario()
    revisor = hasta_revision(datos)
    services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)
    primera = recargar(datos["curricular"])
    services.guardar_curricular(
        cuestionario=primera, datos={"propuesta_1": "x" * 300}, usuario=datos["cuenta"].usuario
    )

    hasta_revision(datos)
    services.mover(cuestionario=recargar(datos["curricular"]), movimiento="publicar", usuario=revisor)

    segunda = recargar(datos["curricular"])
    assert segunda.propuesta_1 == "x" * 300
    assert segunda.pendiente == {}
    assert segunda.propuestas_actualizadas_en > primera.propuestas_actualizadas_en
    assert segunda.historia_actualizada_en == primera.historia_actualizada_en


@pytest.mark.django_db
def test_cada_cambio_queda_en_el_historial_con_valores_del_curricular_y_solo_numeros_de_identidad():
    datos = escenario()

    services.guardar_curricular(
        cuestionario=datos["curricular"],
        datos={"telefono_publico": "7221234567"},
        usuario=datos["cuenta"].usuario,
    )
    contestar(datos)

    curricular, identidad = (
        RegistroDeCambio.objects.get(cuestionario="curricular"),
        RegistroDeCambio.objects.get(cuestionario="identidad"),
    )
    assert curricular.detalle == {"telefono_publico": ["", "7221234567"]}
    assert 4 in identidad.campos
    assert identidad.detalle == {}


# --- Consentimiento ----------------------------------------------------------------------------------


def publicar_con_identidad(datos):
    contestar(datos)
    revisor = hasta_revision(datos)
    services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)


@pytest.mark.django_db
def test_respuestas_publicadas_se_ven_con_autorizacion_de_publicacion():
    datos = escenario()
    publicar_con_identidad(datos)

    assert RespuestaIdentidad.objects.publicables().filter(cuestionario=datos["identidad"]).exists()


@pytest.mark.django_db
def test_retirar_la_autorizacion_oculta_las_respuestas_de_inmediato_y_queda_en_bitacora():
    datos = escenario()
    publicar_con_identidad(datos)

    services.registrar_consentimiento(
        persona=datos["persona"],
        proceso=datos["proceso"],
        aviso=aviso_vigente(),
        tratamiento=True,
        publicacion=False,
        estadistica=True,
        usuario=datos["cuenta"].usuario,
    )

    assert not RespuestaIdentidad.objects.publicables().filter(cuestionario=datos["identidad"]).exists()
    assert RespuestaIdentidad.objects.para_estadistica().filter(cuestionario=datos["identidad"]).exists()
    retiro = EventoDeConsentimiento.objects.get(autorizacion="publicacion")
    assert retiro.otorgada is False


@pytest.mark.django_db
def test_sin_autorizacion_estadistica_no_entran_a_las_estadisticas():
    datos = escenario()
    publicar_con_identidad(datos)

    services.registrar_consentimiento(
        persona=datos["persona"],
        proceso=datos["proceso"],
        aviso=aviso_vigente(),
        tratamiento=True,
        publicacion=True,
        estadistica=False,
        usuario=datos["cuenta"].usuario,
    )

    assert not RespuestaIdentidad.objects.para_estadistica().exists()
    assert RespuestaIdentidad.objects.publicables().exists()


@pytest.mark.django_db
def test_respuestas_en_captura_no_son_publicables_antes_de_publicar():
    datos = escenario()
    contestar(datos)

    assert not RespuestaIdentidad.objects.publicables().exists()
