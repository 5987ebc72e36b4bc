"""Invitaciones masivas en la cola de tareas (issues 12 y 13).

Crear cuentas e invitar a miles de candidaturas, o reenviar miles de invitaciones, no corre dentro
de una petición del admin: con más de `UMBRAL_EN_BLOQUE` seleccionadas la acción crea un
`TrabajoEnSegundoPlano` (candidaturas) y lleva a su página de avance. Con pocas corre en el acto,
con los mismos mensajes. El correo de cada invitación sale, además, por su propia cola
(`comun.correo`).
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from candidaturas import trabajos
from candidaturas.models import Candidatura, TrabajoEnSegundoPlano
from cuentas import services
from cuentas.models import CuentaDeCaptura

PERMISO_DE_INVITAR = "cuentas.add_cuentadecaptura"


def crear_e_invitar(candidaturas, al_avanzar=None):
    """Crea las cuentas que faltan, envía sus invitaciones y devuelve los mensajes del resultado."""
    resultado = services.crear_cuentas_de_personas(candidaturas)
    for numero, cuenta in enumerate(resultado["creadas"], start=1):
        services.enviar_invitacion(cuenta)
        if al_avanzar and numero % trabajos.AVANZAR_CADA == 0:
            al_avanzar(numero)
    n = len(resultado["creadas"])
    mensajes = [
        trabajos.mensaje(
            "success",
            ngettext(
                "Se creó %(n)s cuenta y se envió su invitación.",
                "Se crearon %(n)s cuentas y se enviaron sus invitaciones.",
                n,
            )
            % {"n": n},
        )
    ]
    for clave, singular, plural in (
        (
            "sin_correo",
            "%(n)s persona no tiene correo en el registro (no se creó su cuenta): %(nombres)s.",
            "%(n)s personas no tienen correo en el registro (no se creó su cuenta): %(nombres)s.",
        ),
        (
            "correo_repetido",
            "%(n)s persona tiene un correo que ya usa otra cuenta (no se creó): %(nombres)s.",
            "%(n)s personas tienen un correo que ya usa otra cuenta (no se creó): %(nombres)s.",
        ),
        (
            "ya_tenian",
            "%(n)s persona ya tenía cuenta (usa «Enviar o reenviar la invitación» en Cuentas de captura): "
            "%(nombres)s.",
            "%(n)s personas ya tenían cuenta (usa «Enviar o reenviar la invitación» en Cuentas de captura): "
            "%(nombres)s.",
        ),
    ):
        personas = resultado[clave]
        if personas:
            nombres = ", ".join(p.nombre_completo for p in personas[:50])
            if len(personas) > 50:
                nombres += " " + _("y %(n)s más") % {"n": len(personas) - 50}
            texto = ngettext(singular, plural, len(personas)) % {"n": len(personas), "nombres": nombres}
            mensajes.append(trabajos.mensaje("warning", texto))
    return mensajes, len(resultado["creadas"])


def reenviar(cuentas, al_avanzar=None):
    n = 0
    for n, cuenta in enumerate(cuentas.select_related("usuario", "persona", "actor"), start=1):
        services.enviar_invitacion(cuenta)
        if al_avanzar and n % trabajos.AVANZAR_CADA == 0:
            al_avanzar(n)
    texto = ngettext("Se envió %(n)s invitación.", "Se enviaron %(n)s invitaciones.", n) % {"n": n}
    return [trabajos.mensaje("success", texto)], n


def _correr(trabajo_id, funcion, consulta):
    trabajo = trabajos.empezar(trabajo_id)
    if trabajo is None:
        return "sin trabajo"
    mensajes, hechos = funcion(
        consulta.filter(pk__in=trabajo.parametros.get("ids", [])),
        al_avanzar=lambda n: trabajos.anotar_avance(trabajo_id, n),
    )
    trabajos.terminar(
        trabajo, TrabajoEnSegundoPlano.Estado.TERMINADO, {"mensajes": mensajes}, procesados=trabajo.total
    )
    return f"{hechos} hechos"


@task()
def crear_cuentas_e_invitar(trabajo_id: str) -> str:
    return _correr(trabajo_id, crear_e_invitar, Candidatura.objects.all())


@task()
def reenviar_invitaciones(trabajo_id: str) -> str:
    return _correr(trabajo_id, reenviar, CuentaDeCaptura.objects.all())
