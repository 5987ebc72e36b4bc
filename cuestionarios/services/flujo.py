"""Flujo de validación, revisión y publicación (C6): quién puede mover qué, los movimientos, las
observaciones del personal, la publicación y los correos a la persona."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from candidaturas.invalidacion import invalidar_persona_en_proceso
from candidaturas.models import ActorPolitico, Candidatura
from comun.archivos import borrar_archivo_al_confirmar
from comun.cambios import avisar_cambio_publico
from comun.correo import encolar_correo
from cuentas.models import CuentaDeCaptura
from cuentas.services import cuenta_de, url_absoluta
from cuestionarios.models import (
    CAMPO_FECHA_DE_PARTE,
    PARTES_CURRICULARES,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    Estado,
    Observacion,
    ParteDelCuestionario,
    RespuestaIdentidad,
    Transicion,
)
from cuestionarios.services.reglas import CAMPOS_EDITABLES, _mover, plazo_abierto


def requiere_validacion_de_partido(cuestionario):
    """Una candidatura independiente se salta la validación del partido."""
    return (
        Candidatura.objects.vigentes()
        .filter(persona_id=cuestionario.persona_id, eleccion__proceso_id=cuestionario.proceso_id)
        .exclude(actor__tipo=ActorPolitico.Tipo.INDEPENDIENTE)
        .exists()
    )


def actores_de(cuestionario):
    return set(
        Candidatura.objects.vigentes()
        .filter(persona_id=cuestionario.persona_id, eleccion__proceso_id=cuestionario.proceso_id)
        .values_list("actor_id", flat=True)
    )


# hacia: (desde…, quién) — "persona", "partido" o "personal".
MOVIMIENTOS = {
    "enviar": ({Estado.EN_CAPTURA}, Estado.ENVIADO, "persona"),
    "enviar_correccion": ({Estado.CON_OBSERVACIONES}, Estado.CORREGIDO, "persona"),
    "validar": ({Estado.ENVIADO}, Estado.VALIDADO_PARTIDO, "partido"),
    # La representación devuelve la captura a la persona con sus razones (`devolver_con_observaciones`):
    # vuelve a captura y, al reenviarla, pasa otra vez por la validación del partido.
    "devolver": ({Estado.ENVIADO}, Estado.EN_CAPTURA, "partido"),
    "revisar": ({Estado.ENVIADO, Estado.VALIDADO_PARTIDO, Estado.CORREGIDO}, Estado.EN_REVISION, "personal"),
    "observar": ({Estado.EN_REVISION}, Estado.CON_OBSERVACIONES, "personal"),
    "publicar": ({Estado.EN_REVISION}, Estado.PUBLICADO, "personal"),
}


def _rol_permitido(usuario, cuestionario, rol, movimiento) -> bool:
    if rol == "persona":
        cuenta = cuenta_de(usuario)
        return cuenta is not None and cuenta.persona_id == cuestionario.persona_id
    if rol == "partido":
        cuenta = cuenta_de(usuario)
        return cuenta is not None and cuenta.actor_id in actores_de(cuestionario)
    permiso = "publicar_cuestionario" if movimiento == "publicar" else "revisar_cuestionario"
    return usuario.is_active and usuario.has_perm(f"cuestionarios.{permiso}")


def puede_mover(usuario, cuestionario, movimiento) -> bool:
    desde, _hacia, rol = MOVIMIENTOS[movimiento]
    if cuestionario.estado not in desde:
        return False
    # Sólo las candidaturas independientes pasan de «enviado» directo a revisión.
    if (
        movimiento == "revisar"
        and cuestionario.estado == Estado.ENVIADO
        and requiere_validacion_de_partido(cuestionario)
    ):
        return False
    if rol == "persona" and not plazo_abierto(cuestionario.proceso):
        return False
    return _rol_permitido(usuario, cuestionario, rol, movimiento)


@transaction.atomic
def mover(
    *, cuestionario: CuestionarioCurricular, movimiento: str, usuario, comentario: str = ""
) -> Transicion:
    """Aplica un movimiento del flujo si el estado y el rol lo permiten; si no, PermissionDenied."""
    if movimiento == "devolver" and not comentario.strip():
        raise ValueError("Devolver pide las razones: usa devolver_con_observaciones().")
    original = cuestionario
    cuestionario = CuestionarioCurricular.objects.select_for_update().get(pk=cuestionario.pk)
    if not puede_mover(usuario, cuestionario, movimiento):
        raise PermissionDenied(_("No puedes hacer este movimiento en el estado actual del cuestionario."))
    hacia = MOVIMIENTOS[movimiento][1]
    if movimiento in ("enviar", "enviar_correccion"):
        cuestionario.enviado_en = timezone.now()
        cuestionario.save(update_fields=["enviado_en"])
    if movimiento in ("enviar", "enviar_correccion"):
        # Al reenviar, las observaciones (del IEEM o las de la representación al devolver) quedan atendidas.
        cuestionario.observaciones.filter(atendida=False).update(atendida=True)
    if movimiento == "publicar":
        _aplicar_publicacion(cuestionario)
    # Cada movimiento cambia el estado de captura que muestran la búsqueda y las estadísticas.
    invalidar_persona_en_proceso(persona_id=cuestionario.persona_id, proceso=cuestionario.proceso)
    avisar_cambio_publico(cuestionario.proceso_id)
    transicion = _mover(cuestionario, hacia, usuario, comentario)
    if movimiento == "publicar":
        _avisar_a_la_persona(cuestionario, "publicado", {})
    original.refresh_from_db()
    return transicion


@transaction.atomic
def hacer_observaciones(
    *, cuestionario: CuestionarioCurricular, usuario, observaciones: list[dict], comentario: str = ""
) -> Transicion:
    """`observaciones`: [{"parte", "supuesto", "texto"}, …]. Avisa a la persona por correo."""
    if not observaciones:
        raise ValueError("Hace falta al menos una observación.")
    if not puede_mover(usuario, cuestionario, "observar"):
        raise PermissionDenied(_("No puedes hacer observaciones en el estado actual del cuestionario."))
    transicion = _mover(cuestionario, Estado.CON_OBSERVACIONES, usuario, comentario)
    creadas = Observacion.objects.bulk_create(
        Observacion(cuestionario=cuestionario, transicion=transicion, **datos) for datos in observaciones
    )
    _avisar_a_la_persona(cuestionario, "observaciones", {"observaciones": creadas, "comentario": comentario})
    return transicion


@transaction.atomic
def devolver_con_observaciones(
    *, cuestionario: CuestionarioCurricular, usuario, parte: str, razones: str
) -> Transicion:
    """La representación del partido devuelve a la persona una captura enviada, con sus razones.

    Queda en la bitácora como todo movimiento (la `Transicion`, con las razones de comentario) y
    como una observación por atender que la persona ve en su captura; el correo sale por la cola.
    """
    razones = razones.strip()
    if not razones:
        raise ValueError("Hacen falta las razones para devolver la captura.")
    if parte not in ParteDelCuestionario.values:
        raise ValueError(f"Parte del cuestionario desconocida: {parte!r}")
    transicion = mover(cuestionario=cuestionario, movimiento="devolver", usuario=usuario, comentario=razones)
    observacion = Observacion.objects.create(
        cuestionario=cuestionario,
        transicion=transicion,
        parte=parte,
        supuesto=Observacion.Supuesto.OTRO,
        texto=razones,
    )
    cuenta = cuenta_de(usuario)
    _avisar_a_la_persona(
        cuestionario, "devuelta", {"observaciones": [observacion], "actor": cuenta.actor if cuenta else None}
    )
    return transicion


def _aplicar_publicacion(cuestionario):
    """Pasa los cambios en revisión a los campos públicos y fecha cada parte que cambió."""
    ahora = timezone.now()
    primera = cuestionario.publicado_en is None
    antes = {campo: getattr(cuestionario, campo) for campo in CAMPOS_EDITABLES}
    for campo, valor in cuestionario.pendiente.items():
        setattr(cuestionario, campo, valor)
    cambio_foto = bool(cuestionario.foto_pendiente)
    if cambio_foto:
        if cuestionario.foto:
            # El archivo viejo se borra sólo si la publicación se confirma: si se deshace, la base
            # sigue apuntando a él.
            borrar_archivo_al_confirmar(cuestionario.foto)
        cuestionario.foto = cuestionario.foto_pendiente.name
        cuestionario.foto_pendiente = ""
    for parte, campos in PARTES_CURRICULARES.items():
        if parte == "foto":
            cambio = cambio_foto or (primera and bool(cuestionario.foto))
        else:
            cambio = primera or any(antes[c] != getattr(cuestionario, c) for c in campos)
        if cambio:
            setattr(cuestionario, CAMPO_FECHA_DE_PARTE[parte], ahora)
    cuestionario.pendiente = {}
    cuestionario.publicado_en = ahora
    cuestionario.primera_publicacion_en = cuestionario.primera_publicacion_en or ahora
    cuestionario.save()

    identidad, _creado = CuestionarioIdentidad.objects.get_or_create(
        persona_id=cuestionario.persona_id, proceso_id=cuestionario.proceso_id
    )
    identidad.respuestas.publicadas().delete()
    RespuestaIdentidad.objects.bulk_create(
        RespuestaIdentidad(
            cuestionario=identidad,
            pregunta_id=r.pregunta_id,
            opcion_id=r.opcion_id,
            texto=r.texto,
            version_pregunta=r.version_pregunta,
            publicada=True,
        )
        for r in identidad.respuestas.en_captura()
    )
    identidad.publicado_en = ahora
    identidad.save(update_fields=["publicado_en"])


def _avisar_a_la_persona(cuestionario, motivo, contexto):
    cuenta = (
        CuentaDeCaptura.objects.filter(persona_id=cuestionario.persona_id).select_related("usuario").first()
    )
    if cuenta is None or not cuenta.usuario.email:
        return
    contexto = {
        **contexto,
        "persona": cuestionario.persona,
        "proceso": cuestionario.proceso,
        "url": url_absoluta(reverse("cuestionarios:tablero")),
    }
    asunto = {
        "observaciones": _("Conóceles: tu cuestionario tiene observaciones"),
        "publicado": _("Conóceles: tu cuestionario ya está publicado"),
        "devuelta": _("Conóceles: la representación de tu partido te devolvió la captura con observaciones"),
    }[motivo]
    # Sale por la cola, y sólo si el movimiento se confirma (comun/correo.py).
    encolar_correo(
        asunto, render_to_string(f"cuestionarios/correo/{motivo}.txt", contexto), [cuenta.usuario.email]
    )
