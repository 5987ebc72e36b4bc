"""Movimientos del flujo de revisión sobre muchos cuestionarios, en la cola de tareas (issues 12 y 13).

«Pasar a revisión» o «Publicar» sobre miles de capturas no corre dentro de una petición del admin
(cada publicación copia la versión, invalida la caché y encola el aviso a la persona): con más de
`UMBRAL_EN_BLOQUE` seleccionados la acción crea un `TrabajoEnSegundoPlano` (candidaturas) y lleva a su
página de avance. Con pocos corre en el acto, con los mismos mensajes. Cada cuestionario se mueve en
su propia transacción (como antes): uno que no puede moverse no detiene a los demás, y el motivo se
dice agrupado.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from candidaturas import trabajos
from candidaturas.models import TrabajoEnSegundoPlano
from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular

PERMISOS = {
    "revisar": "cuestionarios.revisar_cuestionario",
    "publicar": "cuestionarios.publicar_cuestionario",
}


def mensaje_de_hechos(movimiento, n):
    if movimiento == "publicar":
        return ngettext("%(n)s cuestionario publicado.", "%(n)s cuestionarios publicados.", n) % {"n": n}
    return ngettext("%(n)s cuestionario pasó a revisión.", "%(n)s cuestionarios pasaron a revisión.", n) % {
        "n": n
    }


def titulo(movimiento, n):
    if movimiento == "publicar":
        return ngettext("Publicar %(n)s cuestionario", "Publicar %(n)s cuestionarios", n) % {"n": n}
    return ngettext("Pasar a revisión %(n)s cuestionario", "Pasar a revisión %(n)s cuestionarios", n) % {
        "n": n
    }


def mover_varios(cuestionarios, movimiento, usuario, al_avanzar=None):
    """Mueve cada cuestionario y devuelve los mensajes del resultado (éxitos y rechazos por motivo)."""
    movidos, rechazos = 0, {}
    for numero, cuestionario in enumerate(cuestionarios, start=1):
        try:
            services.mover(cuestionario=cuestionario, movimiento=movimiento, usuario=usuario)
            movidos += 1
        except PermissionDenied as error:
            motivo = str(error) or _("su estado o tus permisos no lo permiten.")
            rechazos[motivo] = rechazos.get(motivo, 0) + 1
        if al_avanzar and numero % trabajos.AVANZAR_CADA == 0:
            al_avanzar(numero)
    mensajes = []
    if movidos or not rechazos:
        mensajes.append(trabajos.mensaje("success", mensaje_de_hechos(movimiento, movidos)))
    for motivo, n in rechazos.items():
        texto = ngettext(
            "%(n)s cuestionario no se movió: %(motivo)s",
            "%(n)s cuestionarios no se movieron: %(motivo)s",
            n,
        ) % {"n": n, "motivo": motivo}
        mensajes.append(trabajos.mensaje("warning", texto))
    return mensajes


@task()
def mover_cuestionarios(trabajo_id: str) -> str:
    trabajo = trabajos.empezar(trabajo_id)
    if trabajo is None:
        return "sin trabajo"
    movimiento = trabajo.parametros["movimiento"]
    cuestionarios = CuestionarioCurricular.objects.filter(pk__in=trabajo.parametros.get("ids", [])).order_by(
        "pk"
    )
    mensajes = mover_varios(
        cuestionarios.iterator(),
        movimiento,
        trabajo.usuario,
        al_avanzar=lambda n: trabajos.anotar_avance(trabajo_id, n),
    )
    trabajos.terminar(
        trabajo, TrabajoEnSegundoPlano.Estado.TERMINADO, {"mensajes": mensajes}, procesados=trabajo.total
    )
    return movimiento


def mover_en_bloque(modelo_admin, request, queryset, movimiento, url_de_regreso):
    """Lo que hace la acción masiva del admin: en el acto con pocos, en la cola con muchos."""
    ids = list(queryset.values_list("pk", flat=True))
    if len(ids) > trabajos.UMBRAL_EN_BLOQUE:
        return trabajos.en_bloque(
            request,
            ids=ids,
            tipo=f"cuestionarios_{movimiento}",
            titulo=titulo(movimiento, len(ids)),
            permiso=PERMISOS[movimiento],
            tarea=mover_cuestionarios,
            parametros={"movimiento": movimiento},
            url_de_regreso=url_de_regreso,
        )
    from django.contrib import messages

    niveles = {"success": messages.SUCCESS, "warning": messages.WARNING}
    for mensaje in mover_varios(queryset, movimiento, request.user):
        modelo_admin.message_user(request, mensaje["texto"], niveles[mensaje["nivel"]])
    return None
