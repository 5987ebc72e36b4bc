"""Escrituras de Conóceles: cuentas e invitaciones, consentimientos, guardado de los cuestionarios y
el flujo de validación, revisión y publicación. Las vistas y el admin sólo llaman aquí."""

import copy
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from candidaturas.models import ActorPolitico, Candidatura, Persona, ProcesoElectoral
from comun.cache_publica import invalidar_paginas_publicas
from cuestionarios.models import (
    CAMPO_FECHA_DE_PARTE,
    PARTES_CURRICULARES,
    AvisoDePrivacidad,
    Consentimiento,
    CuentaDeCaptura,
    CuestionarioCurricular,
    CuestionarioIdentidad,
    Estado,
    EventoDeConsentimiento,
    Observacion,
    RegistroDeCambio,
    RespuestaIdentidad,
    Transicion,
)

GRUPO_CANDIDATURA = "Candidatura"
GRUPO_REPRESENTACION = "Representación de partido"
GRUPO_PERSONAL = "Personal de captura y revisión"
GRUPO_ADMINISTRACION = "Administración"

CAMPOS_EDITABLES = [campo for parte in PARTES_CURRICULARES.values() for campo in parte if campo != "foto"] + [
    "correo_aclaraciones"
]
ESTADOS_EDITABLES = {Estado.EN_CAPTURA, Estado.CON_OBSERVACIONES, Estado.PUBLICADO}


# --- Quién es quién -------------------------------------------------------------------------------


def cuenta_de(usuario):
    if not usuario.is_authenticated:
        return None
    try:
        return usuario.cuenta_de_captura
    except CuentaDeCaptura.DoesNotExist:
        return None


def candidaturas_en_captura(persona):
    """Candidaturas vigentes de la persona en procesos abiertos, con lo que pinta el tablero."""
    return (
        Candidatura.objects.vigentes()
        .filter(persona=persona, eleccion__proceso__archivado=False)
        .para_listado()
        .select_related("eleccion__proceso__plazo_de_captura")
        .order_by("eleccion__proceso", "cargo")
    )


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


def obtener_captura(persona, proceso):
    """El par (curricular, identidad) de la persona en el proceso; lo crea la primera vez."""
    curricular, _creado = CuestionarioCurricular.objects.get_or_create(persona=persona, proceso=proceso)
    identidad, _creado = CuestionarioIdentidad.objects.get_or_create(persona=persona, proceso=proceso)
    return curricular, identidad


def plazo_abierto(proceso):
    plazo = getattr(proceso, "plazo_de_captura", None)
    return plazo is None or plazo.abierto()


# --- Consentimiento (C2) --------------------------------------------------------------------------


@transaction.atomic
def registrar_consentimiento(
    *,
    persona: Persona,
    proceso: ProcesoElectoral,
    aviso: AvisoDePrivacidad,
    tratamiento: bool,
    publicacion: bool,
    estadistica: bool,
    usuario,
) -> Consentimiento:
    """Guarda las tres autorizaciones; cada cambio (otorgar o retirar) queda en la bitácora."""
    consentimiento = Consentimiento.objects.filter(persona=persona, proceso=proceso).first()
    if consentimiento is None:
        consentimiento = Consentimiento(persona=persona, proceso=proceso, aviso=aviso)
    ahora = timezone.now()
    eventos = []
    for clave, valor in (
        ("tratamiento", tratamiento),
        ("publicacion", publicacion),
        ("estadistica", estadistica),
    ):
        anterior = getattr(consentimiento, f"autoriza_{clave}")
        if anterior != valor or (valor and consentimiento.aviso_id != aviso.pk):
            setattr(consentimiento, f"autoriza_{clave}", valor)
            setattr(consentimiento, f"{clave}_en", ahora)
            eventos.append(clave)
    consentimiento.aviso = aviso
    consentimiento.save()
    if eventos:
        # Retirar u otorgar la publicación cambia lo que muestran el perfil, la búsqueda y los datos.
        transaction.on_commit(invalidar_paginas_publicas)
    EventoDeConsentimiento.objects.bulk_create(
        EventoDeConsentimiento(
            consentimiento=consentimiento,
            autorizacion=clave,
            otorgada=getattr(consentimiento, f"autoriza_{clave}"),
            aviso=aviso,
            usuario=usuario,
            fecha=ahora,
        )
        for clave in eventos
    )
    return consentimiento


# --- Captura del curricular (C3, C5) --------------------------------------------------------------


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


def _volver_a_captura_si_publicado(cuestionario, usuario):
    if cuestionario.estado == Estado.PUBLICADO:
        _mover(
            cuestionario,
            Estado.EN_CAPTURA,
            usuario,
            _("Edición después de publicar: vuelve a validación y revisión."),
        )


def puede_editar(cuestionario) -> bool:
    return cuestionario.estado in ESTADOS_EDITABLES and plazo_abierto(cuestionario.proceso)


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


# --- Flujo (C6) -----------------------------------------------------------------------------------

# hacia: (desde…, quién) — "persona", "partido" o "personal".
MOVIMIENTOS = {
    "enviar": ({Estado.EN_CAPTURA}, Estado.ENVIADO, "persona"),
    "enviar_correccion": ({Estado.CON_OBSERVACIONES}, Estado.CORREGIDO, "persona"),
    "validar": ({Estado.ENVIADO}, Estado.VALIDADO_PARTIDO, "partido"),
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


def _mover(cuestionario, hacia, usuario, comentario=""):
    transicion = Transicion.objects.create(
        cuestionario=cuestionario,
        desde=cuestionario.estado,
        hacia=hacia,
        usuario=usuario,
        comentario=comentario,
    )
    cuestionario.estado = hacia
    cuestionario.save(update_fields=["estado", "modificado_en"])
    return transicion


@transaction.atomic
def mover(
    *, cuestionario: CuestionarioCurricular, movimiento: str, usuario, comentario: str = ""
) -> Transicion:
    """Aplica un movimiento del flujo si el estado y el rol lo permiten; si no, PermissionDenied."""
    original = cuestionario
    cuestionario = CuestionarioCurricular.objects.select_for_update().get(pk=cuestionario.pk)
    if not puede_mover(usuario, cuestionario, movimiento):
        raise PermissionDenied(_("No puedes hacer este movimiento en el estado actual del cuestionario."))
    hacia = MOVIMIENTOS[movimiento][1]
    if movimiento in ("enviar", "enviar_correccion"):
        cuestionario.enviado_en = timezone.now()
        cuestionario.save(update_fields=["enviado_en"])
    if movimiento == "enviar_correccion":
        cuestionario.observaciones.filter(atendida=False).update(atendida=True)
    if movimiento == "publicar":
        _aplicar_publicacion(cuestionario)
    # Cada movimiento cambia el estado de captura que muestran la búsqueda y las estadísticas.
    transaction.on_commit(invalidar_paginas_publicas)
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
            cuestionario.foto.delete(save=False)
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
        "url": _url_absoluta(reverse("cuestionarios:tablero")),
    }
    asunto = {
        "observaciones": _("Conóceles: tu cuestionario tiene observaciones"),
        "publicado": _("Conóceles: tu cuestionario ya está publicado"),
    }[motivo]
    send_mail(
        asunto,
        render_to_string(f"cuestionarios/correo/{motivo}.txt", contexto),
        None,
        [cuenta.usuario.email],
    )


def _url_absoluta(ruta):
    return settings.DECIDE_URL_PUBLICA + ruta


# --- Cuentas e invitaciones (C1) ------------------------------------------------------------------


def _nuevo_usuario(correo, nombre, apellido, grupo):
    from allauth.account.models import EmailAddress

    Usuario = get_user_model()
    usuario = Usuario(
        username=f"u{secrets.token_hex(8)}", email=correo, first_name=nombre[:150], last_name=apellido[:150]
    )
    usuario.set_unusable_password()
    usuario.save()
    usuario.groups.add(Group.objects.get(name=grupo))
    EmailAddress.objects.create(user=usuario, email=correo, verified=True, primary=True)
    return usuario


def _correo_ocupado(correo):
    return get_user_model().objects.filter(email__iexact=correo).exists()


@transaction.atomic
def crear_cuentas_de_personas(candidaturas) -> dict:
    """Una cuenta por persona de las candidaturas elegidas, con el correo del registro.

    Devuelve {"creadas": [cuentas], "sin_correo": [personas], "ya_tenian": [personas],
    "correo_repetido": [personas]}.
    """
    resultado = {"creadas": [], "sin_correo": [], "ya_tenian": [], "correo_repetido": []}
    personas = {c.persona_id: c.persona for c in candidaturas.select_related("persona")}
    con_cuenta = set(
        CuentaDeCaptura.objects.filter(persona_id__in=personas).values_list("persona_id", flat=True)
    )
    for persona in sorted(personas.values(), key=lambda p: p.nombre_completo):
        if persona.pk in con_cuenta:
            resultado["ya_tenian"].append(persona)
        elif not persona.correo:
            resultado["sin_correo"].append(persona)
        elif _correo_ocupado(persona.correo):
            resultado["correo_repetido"].append(persona)
        else:
            apellidos = f"{persona.primer_apellido} {persona.segundo_apellido}".strip()
            usuario = _nuevo_usuario(persona.correo, persona.nombre, apellidos, GRUPO_CANDIDATURA)
            resultado["creadas"].append(CuentaDeCaptura.objects.create(usuario=usuario, persona=persona))
    return resultado


@transaction.atomic
def crear_cuenta_de_representacion(*, actor: ActorPolitico, correo: str, nombre: str = "") -> CuentaDeCaptura:
    if _correo_ocupado(correo):
        raise ValueError(_("Ya existe una cuenta con ese correo."))
    usuario = _nuevo_usuario(correo, nombre, "", GRUPO_REPRESENTACION)
    return CuentaDeCaptura.objects.create(usuario=usuario, actor=actor)


def enlace_de_invitacion(usuario) -> str:
    """Enlace de allauth para fijar contraseña; caduca tras PASSWORD_RESET_TIMEOUT o al usarse."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    ruta = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(usuario), "key": default_token_generator.make_token(usuario)},
    )
    return _url_absoluta(ruta)


def enviar_invitacion(cuenta: CuentaDeCaptura) -> None:
    """Envía (o reenvía) la invitación. Cada reenvío produce un enlace nuevo y vigente."""
    usuario = cuenta.usuario
    contexto = {
        "cuenta": cuenta,
        "enlace": enlace_de_invitacion(usuario),
        "dias": settings.PASSWORD_RESET_TIMEOUT // 86400,
        "acceso": _url_absoluta(reverse("account_login")),
    }
    send_mail(
        _("Invitación a Conóceles: crea tu contraseña"),
        render_to_string("cuestionarios/correo/invitacion.txt", contexto),
        None,
        [usuario.email],
    )
    cuenta.invitacion_enviada_en = timezone.now()
    cuenta.save(update_fields=["invitacion_enviada_en"])
