"""Publicar no depende del correo y una falla no pierde la foto (issue 12): el correo sale por la
cola sólo al confirmarse el movimiento, con reintentos; las fotos viejas se borran al confirmar."""

import smtplib
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult

from comun.correo import NOMBRE_DE_LA_TAREA
from cuestionarios import services
from cuestionarios.models import Estado
from tests.cuestionarios.factories import escenario
from tests.cuestionarios.test_flujo import contestar, hasta_revision, recargar


class CorreoCaido:
    """Backend de correo cuyo servidor SMTP no contesta."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, mensajes):
        raise smtplib.SMTPServerDisconnected("el servidor de correo no contesta")


@pytest.fixture
def cola_en_la_base(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EMAIL_BACKEND = "tests.cuestionarios.test_correo_y_archivos.CorreoCaido"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _en_revision_con_foto_nueva():
    datos = escenario()
    contestar(datos)
    revisor = hasta_revision(datos)
    cuestionario = recargar(datos["curricular"])
    cuestionario.foto.save("vieja.jpg", ContentFile(b"foto vieja"), save=False)
    cuestionario.foto_pendiente.save("nueva.jpg", ContentFile(b"foto nueva"), save=False)
    cuestionario.save()
    return cuestionario, revisor


@pytest.mark.django_db
def test_con_el_smtp_caido_publicar_funciona_y_el_correo_queda_pendiente(
    cola_en_la_base, django_capture_on_commit_callbacks
):
    cuestionario, revisor = _en_revision_con_foto_nueva()
    vieja = cuestionario.foto.name

    with django_capture_on_commit_callbacks(execute=True):
        services.mover(cuestionario=cuestionario, movimiento="publicar", usuario=revisor)

    publicado = recargar(cuestionario)
    assert publicado.estado == Estado.PUBLICADO
    assert default_storage.exists(publicado.foto.name)
    assert not default_storage.exists(vieja)  # se borró, pero sólo tras confirmar
    pendiente = DBTaskResult.objects.get(task_path=NOMBRE_DE_LA_TAREA)
    assert pendiente.status == "READY"

    # El worker intenta, el SMTP sigue caído: queda otro intento programado más tarde.
    from django_tasks import default_task_backend

    resultado = default_task_backend.get_result(str(pendiente.id))
    assert resultado.task.call(*resultado.args, **resultado.kwargs) == "reintento programado"
    reintento = DBTaskResult.objects.exclude(pk=pendiente.pk).get(task_path=NOMBRE_DE_LA_TAREA)
    assert reintento.status == "READY"
    assert reintento.run_after > pendiente.enqueued_at
    assert reintento.args_kwargs["args"][-1] == 2


@pytest.mark.django_db
def test_si_la_publicacion_se_deshace_la_foto_vieja_sigue_y_no_sale_correo(
    cola_en_la_base, django_capture_on_commit_callbacks
):
    cuestionario, revisor = _en_revision_con_foto_nueva()
    vieja = cuestionario.foto.name

    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch(
            "cuestionarios.services.flujo._mover", side_effect=RuntimeError("falla a media publicación")
        ),
        pytest.raises(RuntimeError),
    ):
        services.mover(cuestionario=cuestionario, movimiento="publicar", usuario=revisor)

    recargado = recargar(cuestionario)
    assert recargado.foto.name == vieja
    assert default_storage.exists(vieja)
    assert not DBTaskResult.objects.filter(task_path=NOMBRE_DE_LA_TAREA).exists()
