"""Escrituras del registro electoral: personas, sustituciones y cancelaciones.

Las sustituciones y cancelaciones nunca borran: la candidatura anterior queda con su estado
(«sustituida» o «cancelada»), la fecha y el acuerdo del cambio, y la nueva apunta a ella con
`sustituye`. Así el historial se reconstruye siempre desde la base de datos.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from candidaturas.invalidacion import invalidar_candidaturas
from candidaturas.models import Candidatura, Persona
from comun.cambios import avisar_cambio_publico
from comun.texto import normalizar


def nombre_normalizado(nombre: str, primer_apellido: str, segundo_apellido: str = "") -> str:
    """La misma normalización que `Persona.save()`: útil para buscar y para `bulk_create`."""
    return normalizar(" ".join(p for p in (nombre, primer_apellido, segundo_apellido) if p))


def buscar_persona(
    *,
    nombre: str,
    primer_apellido: str,
    segundo_apellido: str = "",
    fecha_nacimiento: datetime.date | None = None,
    correo: str = "",
) -> Persona | None:
    """Busca a la persona por su clave natural (documentada en docs/importacion.md).

    La clave es el nombre completo normalizado (sin acentos ni mayúsculas) más la fecha de
    nacimiento; si el registro no trae fecha, el nombre normalizado más el correo. Sin fecha ni
    correo no hay forma segura de saber que es la misma persona, así que no se reutiliza ninguna.
    Lanza ValidationError si la clave coincide con más de una persona.
    """
    candidatas = Persona.objects.filter(
        nombre_normalizado=nombre_normalizado(nombre, primer_apellido, segundo_apellido)
    )
    if fecha_nacimiento:
        candidatas = candidatas.filter(fecha_nacimiento=fecha_nacimiento)
    elif correo:
        candidatas = candidatas.filter(correo__iexact=correo)
    else:
        return None
    encontradas = list(candidatas[:2])
    if len(encontradas) > 1:
        raise ValidationError(
            _(
                "Hay más de una persona registrada con ese nombre y esos datos; "
                "corrige el registro en el admin."
            ),
            code="persona_ambigua",
        )
    return encontradas[0] if encontradas else None


def obtener_o_crear_persona(
    *,
    nombre: str,
    primer_apellido: str,
    segundo_apellido: str = "",
    sexo: str,
    fecha_nacimiento: datetime.date | None = None,
    edad_registrada: int | None = None,
    correo: str = "",
) -> tuple[Persona, bool]:
    """Devuelve `(persona, creada)`. Una persona existente conserva su registro; sólo se
    completan su correo y su sexo si cambiaron en el nuevo registro."""
    persona = buscar_persona(
        nombre=nombre,
        primer_apellido=primer_apellido,
        segundo_apellido=segundo_apellido,
        fecha_nacimiento=fecha_nacimiento,
        correo=correo,
    )
    if persona is not None:
        cambios = {}
        if correo and persona.correo != correo:
            cambios["correo"] = correo
        if sexo and persona.sexo != sexo:
            cambios["sexo"] = sexo
        if cambios:
            for campo, valor in cambios.items():
                setattr(persona, campo, valor)
            persona.full_clean()
            persona.save()
        return persona, False
    persona = Persona(
        nombre=nombre,
        primer_apellido=primer_apellido,
        segundo_apellido=segundo_apellido,
        sexo=sexo,
        fecha_nacimiento=fecha_nacimiento,
        edad_registrada=None if fecha_nacimiento else edad_registrada,
        correo=correo,
    )
    persona.full_clean()
    persona.save()
    return persona, True


def _exigir_vigente(candidatura: Candidatura) -> None:
    if candidatura.estado != Candidatura.Estado.REGISTRADA:
        raise ValidationError(
            _("La candidatura %(id)s ya está %(estado)s; sólo se cambia una candidatura registrada."),
            code="no_vigente",
            params={"id": candidatura.pk, "estado": candidatura.get_estado_display().lower()},
        )


@transaction.atomic
def sustituir_candidatura(
    *,
    candidatura: Candidatura,
    persona: Persona,
    fecha: datetime.date,
    acuerdo: str,
    motivo: str = "",
    accion_afirmativa: str | None = None,
) -> Candidatura:
    """Registra a `persona` en el lugar de `candidatura` y devuelve la candidatura nueva.

    La anterior queda «sustituida» con la fecha y el acuerdo; la nueva ocupa el mismo lugar
    (elección, actor, cargo, número y calidad) y la enlaza en `sustituye`. Si no se indica,
    la nueva conserva la acción afirmativa del lugar.
    """
    candidatura = Candidatura.objects.select_for_update().get(pk=candidatura.pk)
    _exigir_vigente(candidatura)
    if persona.pk == candidatura.persona_id:
        raise ValidationError(
            _("La persona sustituta es la misma que ya ocupa el lugar."), code="misma_persona"
        )
    _dar_de_baja(candidatura, Candidatura.Estado.SUSTITUIDA, fecha=fecha, acuerdo=acuerdo, motivo=motivo)

    nueva = Candidatura(
        persona=persona,
        eleccion_id=candidatura.eleccion_id,
        actor_id=candidatura.actor_id,
        cargo=candidatura.cargo,
        numero=candidatura.numero,
        calidad=candidatura.calidad,
        accion_afirmativa=candidatura.accion_afirmativa if accion_afirmativa is None else accion_afirmativa,
        sustituye=candidatura,
        fecha_cambio=fecha,
        acuerdo_cambio=acuerdo,
        motivo_cambio=motivo,
    )
    nueva.full_clean()
    nueva.save()
    invalidar_candidaturas(Candidatura.objects.filter(pk__in=[candidatura.pk, nueva.pk]))
    avisar_cambio_publico(nueva.eleccion.proceso_id)
    return nueva


@transaction.atomic
def cancelar_candidatura(
    *, candidatura: Candidatura, fecha: datetime.date, acuerdo: str, motivo: str = ""
) -> Candidatura:
    """Marca la candidatura como cancelada (no se borra) y deja libre su lugar."""
    candidatura = Candidatura.objects.select_for_update().get(pk=candidatura.pk)
    _exigir_vigente(candidatura)
    _dar_de_baja(candidatura, Candidatura.Estado.CANCELADA, fecha=fecha, acuerdo=acuerdo, motivo=motivo)
    invalidar_candidaturas(Candidatura.objects.filter(pk=candidatura.pk))
    avisar_cambio_publico(candidatura.eleccion.proceso_id)
    return candidatura


def _dar_de_baja(candidatura, estado, *, fecha, acuerdo, motivo):
    """Marca la candidatura como sustituida o cancelada, con la fecha y el acuerdo; no se borra."""
    candidatura.estado = estado
    candidatura.fecha_cambio = fecha
    candidatura.acuerdo_cambio = acuerdo
    candidatura.motivo_cambio = motivo
    candidatura.full_clean()
    candidatura.save(
        update_fields=["estado", "fecha_cambio", "acuerdo_cambio", "motivo_cambio", "actualizada"]
    )
