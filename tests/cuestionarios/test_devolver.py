"""«Devolver con observaciones» (issue 13): el movimiento del flujo de la representación de partido,
quién puede hacerlo, su bitácora, las observaciones que ve la persona y el correo por la cola."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pytest_django.asserts import assertContains

from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular, Estado, Observacion, Transicion
from tests.cuentas.factories import CuentaDeActorFactory
from tests.cuestionarios.factories import escenario
from tests.cuestionarios.test_flujo import personal

RAZONES = "La propuesta 2 repite la 1; escribe otra distinta."


def recargar(cuestionario):
    return CuestionarioCurricular.objects.get(pk=cuestionario.pk)


def enviada():
    datos = escenario()
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    datos["partido"] = CuentaDeActorFactory(actor=datos["actor"]).usuario
    return datos


def devolver(datos, razones=RAZONES, parte="propuestas"):
    return services.devolver_con_observaciones(
        cuestionario=datos["curricular"], usuario=datos["partido"], parte=parte, razones=razones
    )


def test_devolver_esta_en_el_flujo_de_enviado_a_captura_y_es_del_partido():
    assert services.MOVIMIENTOS["devolver"] == ({Estado.ENVIADO}, Estado.EN_CAPTURA, "partido")


@pytest.mark.django_db
def test_solo_la_representacion_del_partido_propio_puede_devolver():
    datos = enviada()
    revisor = personal("revisar_cuestionario", "publicar_cuestionario")
    ajeno = CuentaDeActorFactory().usuario

    assert services.puede_mover(datos["partido"], datos["curricular"], "devolver")
    assert not services.puede_mover(datos["cuenta"].usuario, datos["curricular"], "devolver")
    assert not services.puede_mover(revisor, datos["curricular"], "devolver")
    assert not services.puede_mover(ajeno, datos["curricular"], "devolver")
    with pytest.raises(PermissionDenied):
        services.devolver_con_observaciones(
            cuestionario=datos["curricular"], usuario=ajeno, parte="propuestas", razones=RAZONES
        )
    assert recargar(datos["curricular"]).estado == Estado.ENVIADO


@pytest.mark.django_db
def test_no_se_devuelve_lo_que_no_esta_enviado():
    datos = enviada()
    services.mover(cuestionario=datos["curricular"], movimiento="validar", usuario=datos["partido"])

    assert not services.puede_mover(datos["partido"], recargar(datos["curricular"]), "devolver")
    with pytest.raises(PermissionDenied):
        devolver(datos)
    assert not Observacion.objects.exists()


@pytest.mark.django_db
def test_sin_razones_no_se_devuelve():
    datos = enviada()

    with pytest.raises(ValueError):
        devolver(datos, razones="   ")
    with pytest.raises(ValueError):
        services.mover(cuestionario=datos["curricular"], movimiento="devolver", usuario=datos["partido"])
    assert recargar(datos["curricular"]).estado == Estado.ENVIADO
    assert not Transicion.objects.filter(hacia=Estado.EN_CAPTURA).exists()


@pytest.mark.django_db
def test_devolver_queda_en_la_bitacora_con_quien_cuando_y_razones(al_confirmar):
    datos = enviada()
    mail.outbox.clear()

    transicion = devolver(datos)

    assert recargar(datos["curricular"]).estado == Estado.EN_CAPTURA
    assert (transicion.desde, transicion.hacia) == (Estado.ENVIADO, Estado.EN_CAPTURA)
    assert transicion.usuario == datos["partido"]
    assert transicion.comentario == RAZONES
    assert transicion.fecha is not None
    observacion = Observacion.objects.get()
    assert (observacion.parte, observacion.texto, observacion.atendida) == ("propuestas", RAZONES, False)
    assert observacion.transicion == transicion
    assert observacion.de_partido
    # El correo a la persona sale por la cola (comun/correo.py), con las razones y su área de captura.
    assert len(mail.outbox) == 1
    assert "te devolvió la captura" in mail.outbox[0].subject
    assert RAZONES in mail.outbox[0].body
    assert datos["actor"].nombre in mail.outbox[0].body
    assert f"{settings.DECIDE_URL_PUBLICA}/captura/" in mail.outbox[0].body


@pytest.mark.django_db
def test_el_correo_sale_solo_si_el_movimiento_se_confirma(django_capture_on_commit_callbacks):
    datos = enviada()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        devolver(datos)
        assert mail.outbox == []  # nada sale dentro de la transacción del movimiento

    assert len(mail.outbox) == 1
    assert RAZONES in mail.outbox[0].body


@pytest.mark.django_db
def test_al_reenviar_la_observacion_queda_atendida_y_vuelve_a_validacion_del_partido():
    datos = enviada()
    devolver(datos)

    services.mover(
        cuestionario=recargar(datos["curricular"]), movimiento="enviar", usuario=datos["cuenta"].usuario
    )

    cuestionario = recargar(datos["curricular"])
    assert cuestionario.estado == Estado.ENVIADO
    assert not Observacion.objects.filter(atendida=False).exists()
    assert services.puede_mover(datos["partido"], cuestionario, "validar")


@pytest.mark.django_db
def test_la_persona_ve_las_razones_de_su_partido_en_su_captura(client):
    datos = enviada()
    devolver(datos)
    client.force_login(datos["cuenta"].usuario)

    tablero = client.get(reverse("cuestionarios:tablero"))
    curricular = client.get(reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))

    for respuesta in (tablero, curricular):
        assertContains(respuesta, "De la representación de tu partido · Propuestas:")
        assertContains(respuesta, RAZONES)
    assertContains(tablero, "Atender las observaciones y volver a enviar.")
    assertContains(tablero, "Con observaciones")
    assertContains(curricular, "Observaciones por atender")
    # Puede corregir: el cuestionario vuelve a ser editable.
    assert services.puede_editar(recargar(datos["curricular"]))


@pytest.mark.django_db
def test_las_observaciones_del_ieem_se_distinguen_de_las_del_partido(client):
    datos = escenario()
    services.mover(cuestionario=datos["curricular"], movimiento="enviar", usuario=datos["cuenta"].usuario)
    partido = CuentaDeActorFactory(actor=datos["actor"]).usuario
    services.mover(cuestionario=datos["curricular"], movimiento="validar", usuario=partido)
    revisor = personal("revisar_cuestionario")
    services.mover(cuestionario=datos["curricular"], movimiento="revisar", usuario=revisor)
    services.hacer_observaciones(
        cuestionario=datos["curricular"],
        usuario=revisor,
        observaciones=[{"parte": "propuestas", "supuesto": "lemas", "texto": "Quita el lema."}],
    )
    client.force_login(datos["cuenta"].usuario)

    respuesta = client.get(reverse("cuestionarios:curricular", args=[datos["proceso"].slug]))

    assertContains(respuesta, "Del IEEM · Propuestas:")
    assertContains(respuesta, "Quita el lema.")
    assert not Observacion.objects.get().de_partido
