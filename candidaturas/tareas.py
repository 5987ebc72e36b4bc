"""Importación del registro de candidaturas en la cola de tareas (issue 12).

Un archivo de más de `FILAS_EN_LA_PETICION` filas se revisa (vista previa: la importación completa
en una transacción que se deshace) y, al confirmarlo el personal, se importa, las dos cosas aquí y no
dentro de una petición. Uno más chico se revisa en la petición como siempre y sólo su confirmación
viene aquí. Todo o nada como en el admin: una fila con error deshace todo. El archivo subido vive en
la carpeta privada (`comun.importacion.ArchivoPrivadoDeImportacion`) y se borra al terminar, salga
bien o mal; tras una revisión sin errores se conserva hasta confirmar.
"""

import logging

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task
from import_export.results import RowResult

from candidaturas import trabajos
from candidaturas.models import TrabajoEnSegundoPlano
from candidaturas.resources import FORMATOS_DE_IMPORTACION, CandidaturaResourceEnSegundoPlano
from comun.importacion import ArchivoPrivadoDeImportacion, numero_legible

registro = logging.getLogger(__name__)

TIPO = "importacion_candidaturas"
Estado = TrabajoEnSegundoPlano.Estado


def _mensaje(error):
    return str(getattr(error, "error", error))


def errores_de(resultado, limite=trabajos.FILAS_EN_LA_PAGINA):
    """Los errores de la importación, legibles: archivo completo y por fila (número, columna, motivo)."""
    errores = [{"fila": None, "columna": "", "mensaje": _mensaje(e)} for e in resultado.base_errors]
    for fila in resultado.invalid_rows:
        for columna, mensajes in fila.error_dict.items():
            for mensaje in mensajes:
                errores.append(
                    {
                        "fila": fila.number,
                        "columna": "" if columna == "__all__" else columna,
                        "mensaje": mensaje,
                    }
                )
    for numero, lista in resultado.row_errors():
        errores.extend({"fila": numero, "columna": "", "mensaje": _mensaje(e)} for e in lista)
    return errores[:limite], len(errores)


def filas_con_error(resultado):
    """Cuántas filas tienen al menos un error (y 1 si el archivo completo lo tiene)."""
    filas = {f.number for f in resultado.invalid_rows} | {n for n, _e in resultado.row_errors()}
    return len(filas) or (1 if resultado.base_errors else 0)


def archivo_de(trabajo):
    return ArchivoPrivadoDeImportacion(name=trabajo.archivo)


@task()
def procesar_importacion(trabajo_id: str) -> str:
    """Revisa (`parametros["fase"] == "revisar"`) o importa el archivo del trabajo."""
    trabajo = trabajos.empezar(trabajo_id)
    if trabajo is None:
        return "sin trabajo"
    revisar = trabajo.parametros.get("fase") == "revisar"
    archivo = archivo_de(trabajo)
    try:
        formato = FORMATOS_DE_IMPORTACION[int(trabajo.parametros.get("formato", 0))]()
        dataset = formato.create_dataset(archivo.read())
        recurso = CandidaturaResourceEnSegundoPlano(
            al_avanzar=lambda n: trabajos.anotar_avance(trabajo_id, n, en_archivo=True)
        )
        resultado = recurso.import_data(
            dataset,
            dry_run=revisar,
            raise_errors=False,
            file_name=trabajo.nombre_del_archivo,
            user=trabajo.usuario,
        )
    except Exception as error:  # archivo ilegible, base caída…: el trabajo lo dice y no deja nada
        registro.exception("La importación %s falló", trabajo_id)
        archivo.remove()
        trabajos.terminar(
            trabajo,
            Estado.FALLIDO,
            {
                "errores": [
                    {
                        "fila": None,
                        "columna": "",
                        "mensaje": _("No se pudo procesar el archivo: %(error)s") % {"error": error},
                    }
                ],
                "errores_total": 1,
            },  # noqa: E501
        )
        return "fallido"

    errores, total_de_errores = errores_de(resultado)
    totales = {
        "nuevas": resultado.totals[RowResult.IMPORT_TYPE_NEW],
        "corregidas": resultado.totals[RowResult.IMPORT_TYPE_UPDATE],
        "sin_cambios": resultado.totals[RowResult.IMPORT_TYPE_SKIP],
    }
    datos = {
        "totales": totales,
        "errores": errores,
        "errores_total": total_de_errores,
        "quienes": recurso.quienes,
    }
    cambios = totales["nuevas"] + totales["corregidas"]
    if total_de_errores:
        malas = filas_con_error(resultado)
        if resultado.base_errors:
            texto = _("El archivo tiene un error: no se guardó ninguna fila. Corrígelo y vuelve a subirlo.")
        else:
            texto = ngettext(
                "%(n)s fila tiene errores: no se guardó ninguna. Corrige el archivo y vuelve a subirlo.",
                "%(n)s filas tienen errores: no se guardó ninguna. Corrige el archivo y vuelve a subirlo.",
                malas,
            ) % {"n": numero_legible(malas)}
        datos["mensajes"] = [{"nivel": "error", "texto": texto}]
        datos["quienes"] = []
    elif revisar:
        texto = ngettext(
            "Revisión sin errores: %(n)s fila registra o corrige una candidatura. Todavía no se guarda "
            "nada: revisa la lista y confirma.",
            "Revisión sin errores: %(n)s filas registran o corrigen una candidatura. Todavía no se guarda "
            "nada: revisa la lista y confirma.",
            cambios,
        ) % {"n": numero_legible(cambios)}
        datos["mensajes"] = [{"nivel": "info", "texto": texto}]
    else:
        texto = ngettext(
            "Importación terminada: se guardó %(n)s candidatura.",
            "Importación terminada: se guardaron %(n)s candidaturas.",
            cambios,
        ) % {"n": numero_legible(cambios)}
        datos["mensajes"] = [{"nivel": "success", "texto": texto}]
    if total_de_errores:
        archivo.remove()
        trabajos.terminar(trabajo, Estado.CON_ERRORES, datos, procesados=resultado.total_rows)
        return "con errores"
    if revisar:
        trabajos.terminar(trabajo, Estado.REVISADO, datos, procesados=resultado.total_rows)
        return "revisado"
    archivo.remove()
    trabajos.terminar(trabajo, Estado.TERMINADO, datos, procesados=resultado.total_rows)
    return "importado"
