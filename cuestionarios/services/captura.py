"""Captura de los dos cuestionarios (C3, C4, C5): lo que la persona ve al editar, el guardado del
curricular, la foto y las respuestas de identidad, con su historial."""

import copy

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from candidaturas.models import Candidatura
from cuestionarios.models import (
    CuestionarioCurricular,
    CuestionarioIdentidad,
    RegistroDeCambio,
    RespuestaIdentidad,
)
from cuestionarios.services.reglas import CAMPOS_EDITABLES, _volver_a_captura_si_publicado, puede_editar


def candidaturas_en_captura(persona):
    """Candidaturas vigentes de la persona en procesos abiertos, con lo que pinta el tablero."""
    return (
        Candidatura.objects.vigentes()
        .filter(persona=persona, eleccion__proceso__archivado=False)
        .para_listado()
        .select_related("eleccion__proceso__plazo_de_captura")
        .order_by("eleccion__proceso", "cargo")
    )


def obtener_captura(persona, proceso):
    """El par (curricular, identidad) de la persona en el proceso; lo crea la primera vez."""
    curricular, _creado = CuestionarioCurricular.objects.get_or_create(persona=persona, proceso=proceso)
    identidad, _creado = CuestionarioIdentidad.objects.get_or_create(persona=persona, proceso=proceso)
    return curricular, identidad


def version_en_edicion(cuestionario: CuestionarioCurricular) -> CuestionarioCurricular:
    """Copia en memoria con los cambios en revisión aplicados: lo que la persona ve en su formulario."""
    copia = copy.copy(cuestionario)
    for campo, valor in cuestionario.pendiente.items():
        setattr(copia, campo, valor)
    if cuestionario.foto_pendiente:
        copia.foto = cuestionario.foto_pendiente
    return copia


def guardar_texto_sin_validar(cuestionario: CuestionarioCurricular, datos) -> None:
    """Guarda lo escrito aunque no pase la validación, para devolverlo al volver (nada se pierde)."""
    # Sin caracteres nulos: PostgreSQL no los admite en jsonb (el formulario ya los rechaza con un mensaje).
    cuestionario.borrador = {
        campo: datos.get(campo, "").replace("\x00", "") for campo in CAMPOS_EDITABLES if campo in datos
    }
    cuestionario.save(update_fields=["borrador", "modificado_en"])


@transaction.atomic
def guardar_curricular(*, cuestionario: CuestionarioCurricular, datos: dict, usuario) -> list[str]:
    """Guarda los campos validados. Devuelve la lista de campos que cambiaron.

    Si el cuestionario ya se publicó, los cambios esperan en `pendiente` y el público sigue viendo
    la versión publicada hasta que el personal vuelva a publicar.
    """
    if not puede_editar(cuestionario):
        raise PermissionDenied(_("Este cuestionario no se puede editar en su estado actual."))
    actual = version_en_edicion(cuestionario)
    cambios = {
        campo: [getattr(actual, campo), valor]
        for campo, valor in datos.items()
        if campo in CAMPOS_EDITABLES and getattr(actual, campo) != valor
    }
    if cuestionario.esta_publicado:
        editado = {**{c: getattr(actual, c) for c in CAMPOS_EDITABLES}, **datos}
        cuestionario.pendiente = {
            campo: valor for campo, valor in editado.items() if getattr(cuestionario, campo) != valor
        }
    else:
        for campo, valor in datos.items():
            setattr(cuestionario, campo, valor)
    cuestionario.borrador = {}
    cuestionario.full_clean(exclude=["foto", "foto_pendiente"])
    cuestionario.save()
    if cambios:
        RegistroDeCambio.objects.create(
            persona_id=cuestionario.persona_id,
            proceso_id=cuestionario.proceso_id,
            cuestionario=RegistroDeCambio.Cuestionario.CURRICULAR,
            usuario=usuario,
            campos=sorted(cambios),
            detalle=cambios,
        )
        _volver_a_captura_si_publicado(cuestionario, usuario)
    return sorted(cambios)


@transaction.atomic
def guardar_foto(*, cuestionario: CuestionarioCurricular, archivo, usuario) -> None:
    """`archivo` ya viene re-codificado y sin metadatos (FotoForm)."""
    if not puede_editar(cuestionario):
        raise PermissionDenied(_("Este cuestionario no se puede editar en su estado actual."))
    campo = cuestionario.foto_pendiente if cuestionario.esta_publicado else cuestionario.foto
    if campo:
        campo.delete(save=False)
    campo.save(archivo.name, archivo, save=False)
    cuestionario.save()
    RegistroDeCambio.objects.create(
        persona_id=cuestionario.persona_id,
        proceso_id=cuestionario.proceso_id,
        cuestionario=RegistroDeCambio.Cuestionario.CURRICULAR,
        usuario=usuario,
        campos=["foto"],
        detalle={"foto": [_("fotografía anterior"), _("fotografía nueva")]},
    )
    _volver_a_captura_si_publicado(cuestionario, usuario)


# --- Captura de identidad (C4) --------------------------------------------------------------------


@transaction.atomic
def guardar_identidad(
    *, identidad: CuestionarioIdentidad, respuestas: list, usuario, curricular: CuestionarioCurricular
) -> list[int]:
    """Sustituye las respuestas en captura. `respuestas`: lista de (pregunta, opcion, texto).

    Devuelve los números de pregunta que cambiaron. La bitácora sólo guarda esos números.
    """
    if not puede_editar(curricular):
        raise PermissionDenied(_("Este cuestionario no se puede editar en su estado actual."))
    anteriores = {}
    for r in identidad.respuestas.en_captura().select_related("pregunta"):
        anteriores.setdefault(r.pregunta.numero, set()).add((r.opcion_id, r.texto))
    nuevas = {}
    for pregunta, opcion, texto in respuestas:
        nuevas.setdefault(pregunta.numero, set()).add((opcion.pk, texto))
    cambiadas = sorted(n for n in set(anteriores) | set(nuevas) if anteriores.get(n) != nuevas.get(n))
    identidad.respuestas.en_captura().delete()
    RespuestaIdentidad.objects.bulk_create(
        RespuestaIdentidad(
            cuestionario=identidad,
            pregunta=pregunta,
            opcion=opcion,
            texto=texto,
            version_pregunta=pregunta.version,
        )
        for pregunta, opcion, texto in respuestas
    )
    if cambiadas:
        identidad.modificado_en = timezone.now()
        identidad.save(update_fields=["modificado_en"])
        RegistroDeCambio.objects.create(
            persona_id=identidad.persona_id,
            proceso_id=identidad.proceso_id,
            cuestionario=RegistroDeCambio.Cuestionario.IDENTIDAD,
            usuario=usuario,
            campos=cambiadas,
        )
        _volver_a_captura_si_publicado(curricular, usuario)
    return cambiadas
