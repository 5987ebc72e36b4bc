"""Escrituras de cuentas (C1): crear cuentas de personas candidatas y de representaciones de partido,
y enviar las invitaciones para fijar contraseña. El admin y los comandos sólo llaman aquí."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from candidaturas.models import ActorPolitico
from comun.correo import encolar_correo
from cuentas.models import CuentaDeCaptura
from cuentas.roles import (  # noqa: F401 (los nombres de los grupos también se usan desde aquí)
    GRUPO_ADMINISTRACION,
    GRUPO_CANDIDATURA,
    GRUPO_PERSONAL,
    GRUPO_REPRESENTACION,
)

# --- Quién es quién -------------------------------------------------------------------------------


def cuenta_de(usuario):
    """La `CuentaDeCaptura` del usuario en sesión, o None (anónimo, personal sin cuenta de captura)."""
    if not usuario.is_authenticated:
        return None
    try:
        return usuario.cuenta_de_captura
    except CuentaDeCaptura.DoesNotExist:
        return None


# Cómo se nombra cada rol ante el personal (historial, movimientos del flujo).
NOMBRE_DEL_ROL = {
    GRUPO_PERSONAL: _lazy("personal de captura y revisión del IEEM"),
    GRUPO_ADMINISTRACION: _lazy("administración del IEEM"),
}


def nombre_y_rol(usuario) -> str:
    """«Ana Pérez López (persona candidata)», «Luis Mora (representación de PAN)», «Rosa Díaz
    (personal de captura y revisión del IEEM)»: lo que ve el personal en vez del nombre de usuario
    interno (aleatorio). Para no consultar por fila, carga antes `cuenta_de_captura__persona`,
    `cuenta_de_captura__actor` y `groups` del usuario."""
    if usuario is None:
        return _("cuenta borrada")
    cuenta = cuenta_de(usuario)
    persona = cuenta.persona if cuenta is not None and cuenta.persona_id else None
    nombre = usuario.get_full_name() or (str(persona) if persona else "") or usuario.email or _("sin nombre")
    if persona is not None:
        rol = _("persona candidata")
    elif cuenta is not None and cuenta.actor_id:
        rol = _("representación de %(siglas)s") % {"siglas": cuenta.actor.siglas}
    else:
        grupos = [str(NOMBRE_DEL_ROL.get(g.name, g.name)) for g in usuario.groups.all()]
        if usuario.is_superuser:
            grupos.insert(0, _("superusuaria o superusuario"))
        rol = ", ".join(grupos) or (_("personal del IEEM") if usuario.is_staff else _("sin rol"))
    return _("%(nombre)s (%(rol)s)") % {"nombre": nombre, "rol": rol}


def url_absoluta(ruta):
    """Dirección completa para correos: `DECIDE_URL_PUBLICA` (docs/deploy.md) más la ruta."""
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
    return url_absoluta(ruta)


def enviar_invitacion(cuenta: CuentaDeCaptura) -> None:
    """Envía (o reenvía) la invitación. Cada reenvío produce un enlace nuevo y vigente."""
    usuario = cuenta.usuario
    contexto = {
        "cuenta": cuenta,
        "enlace": enlace_de_invitacion(usuario),
        "dias": settings.PASSWORD_RESET_TIMEOUT // 86400,
        "acceso": url_absoluta(reverse("account_login")),
    }
    # Sale por la cola al confirmarse la transacción (comun/correo.py): nunca dentro de la petición.
    encolar_correo(
        _("Invitación a Conóceles: crea tu contraseña"),
        render_to_string("cuentas/correo/invitacion.txt", contexto),
        [usuario.email],
    )
    cuenta.invitacion_enviada_en = timezone.now()
    cuenta.save(update_fields=["invitacion_enviada_en"])
