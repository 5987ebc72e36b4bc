"""Datos abiertos de Conóceles construidos una vez por cambio, fuera de la petición (issue 17).

Flujo:

1. Un cambio que se ve en público (publicar o retirar un cuestionario, un consentimiento, el
   registro de candidaturas) llama a `comun.cambios.avisar_cambio_publico()`; al confirmarse la
   transacción, `pedir_datos_abiertos()` encola `generar_datos_abiertos` para ese proceso, salvo que ya
   haya una pendiente (antirrebote: `CorteDeDatosAbiertos.pendiente_desde`).
2. La tarea (en `manage.py db_worker`) quita la marca de pendiente **antes** de leer los datos, así
   un cambio que llegue mientras trabaja encola otra corrida y nada se pierde. Lee las candidaturas
   una sola vez y escribe a la vez el XLSX y los dos CSV (más el diccionario), cada uno a un archivo
   temporal en la misma carpeta que luego se renombra (`os.replace`, atómico): nadie ve nunca un
   archivo a medias.
3. Registra el corte (fecha, tamaño y SHA-256 de cada archivo) en una transacción; si otra corrida
   más reciente ya registró el suyo, el de ésta se descarta. Los archivos viejos se borran una hora
   después (quien los está descargando ya los tiene abiertos).

Las descargas (`conoceles.views_datos`) sólo sirven el archivo registrado; si todavía no existe,
responden 503 con Retry-After y piden la regeneración.
"""

import csv
import datetime
import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from candidaturas.models import ProcesoElectoral
from comun.cache_publica import alcance_de_proceso, invalidar_al_confirmar
from comun.exportar import Libro, celda_segura, escribir_xlsx, valor_csv
from conoceles import datos
from conoceles.models import CorteDeDatosAbiertos

registro = logging.getLogger(__name__)

VENCE_PENDIENTE = datetime.timedelta(minutes=15)
"""Una marca de pendiente más vieja que esto se toma por perdida (worker caído, tarea que falló al
encolarse) y el siguiente cambio vuelve a encolar."""

SEGUNDOS_DE_GRACIA = 3600
"""Los archivos de cortes anteriores se borran cuando tienen más de una hora."""

ARCHIVOS = {
    # clave: (sufijo del nombre, extensión, tipo de contenido)
    "xlsx": ("", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "curricular": ("-curricular", "csv", "text/csv; charset=utf-8"),
    "identidad": ("-identidad", "csv", "text/csv; charset=utf-8"),
    "diccionario": ("-diccionario", "csv", "text/csv; charset=utf-8"),
}


def raiz():
    return Path(settings.DECIDE_DATOS_ABIERTOS_ROOT)


# --- Encolar, con antirrebote -----------------------------------------------------------------


def pedir_datos_abiertos(proceso_id):
    """Encola la regeneración de los datos abiertos de un proceso si no hay ya una pendiente.

    Devuelve True si encoló. Dos consultas en el caso común (marcar y encolar)."""
    ahora = timezone.now()
    libre = Q(pendiente_desde__isnull=True) | Q(pendiente_desde__lt=ahora - VENCE_PENDIENTE)
    marcadas = CorteDeDatosAbiertos.objects.filter(libre, proceso_id=proceso_id).update(pendiente_desde=ahora)
    if not marcadas:
        if CorteDeDatosAbiertos.objects.filter(proceso_id=proceso_id).exists():
            return False  # ya hay una pendiente
        try:
            with transaction.atomic():
                CorteDeDatosAbiertos.objects.create(proceso_id=proceso_id, pendiente_desde=ahora)
        except IntegrityError:
            return False  # otra petición la creó (y encoló) al mismo tiempo
    generar_datos_abiertos.enqueue(proceso_id)
    return True


def al_cambiar_lo_publicado(sender, proceso_id=None, **kwargs):
    """Receptor de `comun.cambios.cambio_en_lo_publicado` (conectado en `ConocelesConfig.ready`)."""
    ids = [proceso_id] if proceso_id is not None else ProcesoElectoral.objects.values_list("pk", flat=True)
    for pk in ids:
        try:
            pedir_datos_abiertos(pk)
        except Exception:  # un fallo al encolar nunca debe tumbar la publicación (ya confirmada)
            registro.exception("No se pudo encolar la regeneración de datos abiertos del proceso %s", pk)


# --- La tarea -------------------------------------------------------------------------------------


@task()
def generar_datos_abiertos(proceso_id):
    """Quita la marca de pendiente y construye los archivos del proceso (ver el docstring)."""
    CorteDeDatosAbiertos.objects.filter(proceso_id=proceso_id).update(pendiente_desde=None)
    proceso = ProcesoElectoral.objects.filter(pk=proceso_id).first()
    if proceso is None:
        return None
    corte = construir_datos_abiertos(proceso)
    return corte.version


def _nombre(proceso, clave, huella):
    sufijo, extension, _tipo = ARCHIVOS[clave]
    return f"conoceles-{proceso.slug}{sufijo}.{huella[:16]}.{extension}"


class _Temporal:
    """Un archivo temporal en `carpeta` que se renombra a su nombre final (con su huella) al cerrar."""

    def __init__(self, carpeta):
        descriptor, ruta = tempfile.mkstemp(dir=carpeta, prefix=".preparando-")
        os.close(descriptor)
        self.ruta = Path(ruta)

    def huella(self):
        """Lo baja a disco (fsync) y devuelve su SHA-256."""
        with open(self.ruta, "rb+") as archivo:
            os.fsync(archivo.fileno())
        huella = hashlib.sha256()
        with open(self.ruta, "rb") as archivo:
            for bloque in iter(lambda: archivo.read(1 << 20), b""):
                huella.update(bloque)
        return huella.hexdigest()

    def renombrar(self, destino):
        """Permisos de lectura para el proxy y `os.replace` (atómico en el mismo disco)."""
        os.chmod(self.ruta, 0o644)
        os.replace(self.ruta, destino)

    def descartar(self):
        self.ruta.unlink(missing_ok=True)


def _al_csv(filas, escritor):
    """Deja pasar las filas (hacia el XLSX) y de paso las escribe en un CSV: una sola lectura."""
    for fila in filas:
        escritor.writerow([celda_segura(valor_csv(c)) for c in fila])
        yield fila


def _abrir_csv(ruta, encabezados):
    archivo = open(ruta, "w", encoding="utf-8", newline="")  # noqa: SIM115 (se cierra abajo)
    archivo.write("\ufeff")
    escritor = csv.writer(archivo)
    escritor.writerow([celda_segura(c) for c in encabezados])
    return archivo, escritor


def construir_datos_abiertos(proceso):
    """Escribe el XLSX, los dos CSV y el diccionario del proceso y registra el corte. Devuelve el
    `CorteDeDatosAbiertos` vigente al terminar (el de esta corrida, o uno más reciente)."""
    corte = timezone.now()
    carpeta = raiz() / proceso.slug
    carpeta.mkdir(parents=True, exist_ok=True)
    base_url = settings.DECIDE_URL_BASE.rstrip("/")
    preguntas = datos.catalogo_de_identidad()
    temporales = {clave: _Temporal(carpeta) for clave in ARCHIVOS}
    try:
        hojas = datos.hojas(proceso, base_url=base_url, preguntas=preguntas)
        abiertos = []
        try:
            con_csv = []
            for titulo, encabezados, filas in hojas:
                archivo, escritor = _abrir_csv(temporales[titulo].ruta, encabezados)
                abiertos.append(archivo)
                con_csv.append((titulo, encabezados, _al_csv(filas, escritor)))
            # Las hojas (curricular, identidad y diccionario) van al XLSX y cada una a su CSV en una
            # sola lectura; el libro conserva sus propiedades (licencia y cita).
            escribir_xlsx(temporales["xlsx"].ruta, Libro(con_csv, propiedades=hojas.propiedades))
        finally:
            for archivo in abiertos:
                archivo.close()

        archivos = {}
        for clave, temporal in temporales.items():
            huella = temporal.huella()
            nombre = _nombre(proceso, clave, huella)
            tamano = temporal.ruta.stat().st_size
            temporal.renombrar(carpeta / nombre)
            archivos[clave] = {"ruta": f"{proceso.slug}/{nombre}", "tamano": tamano, "sha256": huella}
    except BaseException:
        for temporal in temporales.values():
            temporal.descartar()
        raise

    vigente = _registrar(proceso, corte, archivos)
    _borrar_viejos(carpeta, vigente)
    return vigente


def _registrar(proceso, corte, archivos):
    with transaction.atomic():
        registro_del_proceso, _creado = CorteDeDatosAbiertos.objects.select_for_update().get_or_create(
            proceso=proceso
        )
        if registro_del_proceso.corte is not None and registro_del_proceso.corte >= corte:
            return registro_del_proceso  # una corrida que empezó después ya registró el suyo
        registro_del_proceso.corte = corte
        registro_del_proceso.generado_en = timezone.now()
        registro_del_proceso.archivos = archivos
        registro_del_proceso.version += 1
        registro_del_proceso.save(update_fields=["corte", "generado_en", "archivos", "version"])
        # La página de datos muestra fecha, tamaño y huella de cada archivo: que se vea la nueva
        # (sólo las páginas de ese proceso, no todo el portal).
        invalidar_al_confirmar(alcance_de_proceso(proceso.slug))
    return registro_del_proceso


def _borrar_viejos(carpeta, vigente):
    """Borra los archivos de cortes anteriores con más de `SEGUNDOS_DE_GRACIA` (y temporales
    abandonados por una corrida que se cayó)."""
    en_uso = {Path(a["ruta"]).name for a in vigente.archivos.values()}
    limite = time.time() - SEGUNDOS_DE_GRACIA
    for ruta in carpeta.iterdir():
        try:
            if ruta.name not in en_uso and ruta.stat().st_mtime < limite:
                ruta.unlink()
        except OSError:
            continue
