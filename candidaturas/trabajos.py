"""Trabajos en segundo plano del personal: crearlos, anotar su avance y su página de avance.

Una importación grande, las invitaciones masivas y los movimientos del flujo de revisión sobre
muchos cuestionarios no corren dentro de la petición del admin: la vista crea un
`TrabajoEnSegundoPlano`, encola su tarea al confirmarse la transacción y lleva a la página de avance
(`admin:candidaturas_trabajoensegundoplano_avance`), que se vuelve a cargar sola cada 3 segundos
(`candidaturas/static/candidaturas/avance.js`, con una casilla para detenerlo) y, sin JavaScript,
tiene un botón «Actualizar».

El avance de una importación se anota en un archivo junto al archivo subido y no en la base: la
importación es una sola transacción (todo o nada) y lo que escribiera en la base no se vería hasta
terminar. Los demás trabajos lo anotan en la fila del trabajo.
"""

import os

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone

from candidaturas.models import TrabajoEnSegundoPlano
from comun.importacion import carpeta_de_importaciones

FILAS_EN_LA_PAGINA = 200
"""Filas de «a quién se importa» y errores que se guardan y muestran en la página de avance."""


def crear_trabajo(*, tipo, titulo, usuario, permiso, total=0, url_de_regreso="", **campos):
    return TrabajoEnSegundoPlano.objects.create(
        tipo=tipo,
        titulo=str(titulo)[:300],
        usuario=usuario,
        permiso=permiso,
        total=total,
        url_de_regreso=url_de_regreso,
        **campos,
    )


def encolar(tarea, trabajo):
    """Encola `tarea(trabajo_id)` al confirmarse la transacción en curso (o en el acto si no hay)."""
    identificador = str(trabajo.pk)
    transaction.on_commit(lambda: tarea.enqueue(identificador))


def ir_al_avance(trabajo):
    return redirect("admin:candidaturas_trabajoensegundoplano_avance", trabajo.pk)


def _archivo_de_avance(trabajo_id):
    return carpeta_de_importaciones() / f"{trabajo_id}.avance"


def anotar_avance(trabajo_id, procesados, *, en_archivo=False):
    """Cuántos van. `en_archivo` para lo que corre dentro de una transacción larga (importaciones)."""
    if en_archivo:
        ruta = _archivo_de_avance(trabajo_id)
        temporal = ruta.with_suffix(".tmp")
        temporal.write_text(str(procesados))
        os.replace(temporal, ruta)
    else:
        TrabajoEnSegundoPlano.objects.filter(pk=trabajo_id).update(procesados=procesados)


def avance_de(trabajo):
    if not trabajo.terminado:
        try:
            return max(int(_archivo_de_avance(trabajo.pk).read_text()), trabajo.procesados)
        except (OSError, ValueError):
            pass
    return trabajo.procesados


def empezar(trabajo_id):
    """Marca el trabajo como en curso y lo devuelve; None si ya no existe o ya terminó."""
    trabajo = TrabajoEnSegundoPlano.objects.filter(pk=trabajo_id).first()
    if trabajo is None or trabajo.terminado:
        return None
    trabajo.estado = TrabajoEnSegundoPlano.Estado.EN_CURSO
    trabajo.save(update_fields=["estado"])
    return trabajo


def terminar(trabajo, estado, resultado, procesados=None):
    trabajo.estado = estado
    trabajo.resultado = resultado
    if procesados is not None:
        trabajo.procesados = procesados
    campos = ["estado", "resultado", "procesados"]
    if estado in TrabajoEnSegundoPlano.TERMINALES:
        trabajo.terminado_en = timezone.now()
        campos.append("terminado_en")
    trabajo.save(update_fields=campos)
    _archivo_de_avance(trabajo.pk).unlink(missing_ok=True)


# --- Acciones masivas del admin ---------------------------------------------------------------------

UMBRAL_EN_BLOQUE = 50
"""Una acción masiva sobre más registros que esto corre en la cola con página de avance; con pocos,
en la petición (el resultado se ve en el acto, sin una página más). 50 movimientos o invitaciones
tardan ~1 s y caben en una página de la lista del admin (100 filas) a medio seleccionar."""

AVANZAR_CADA = 20
"""Cada cuántos registros una tarea masiva anota su avance."""


def en_bloque(request, *, ids, tipo, titulo, permiso, tarea, parametros=None, url_de_regreso=""):
    """Crea el trabajo de una acción masiva, lo encola y devuelve la redirección a su avance."""
    trabajo = crear_trabajo(
        tipo=tipo,
        titulo=titulo,
        usuario=request.user,
        permiso=permiso,
        total=len(ids),
        parametros={**(parametros or {}), "ids": list(ids)},
        url_de_regreso=url_de_regreso,
    )
    encolar(tarea, trabajo)
    return ir_al_avance(trabajo)


def mensaje(nivel, texto):
    """Un mensaje del resultado de un trabajo: `nivel` es success, warning, error o info."""
    return {"nivel": nivel, "texto": str(texto)}
