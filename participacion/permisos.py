"""Quién puede descargar el reporte de participación de un actor político (P14).

Una sola regla, en un solo lugar: la usan la vista de descarga, el admin y el área de la
representación de partido en /captura/.
"""

from django.core.exceptions import PermissionDenied

from cuentas.models import CuentaDeCaptura


def puede_descargar_reporte(user, actor):
    """El personal con el permiso `participacion.descargar_reportes` descarga el de cualquier actor;
    una cuenta de representación (`cuestionarios.CuentaDeCaptura` con actor) sólo el de su actor."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff and user.has_perm("participacion.descargar_reportes"):
        return True
    return CuentaDeCaptura.objects.filter(usuario=user, actor=actor).exists()


def exigir_reporte(user, actor):
    """Devuelve `actor` si `user` puede descargar su reporte; si no, 403."""
    if not puede_descargar_reporte(user, actor):
        raise PermissionDenied
    return actor
