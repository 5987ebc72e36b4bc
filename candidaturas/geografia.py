"""Carga de la geografía electoral del Estado de México desde los CSV de `fixtures/edomex/`.

Primero se leen y validan todos los archivos; si alguno tiene un error no se escribe nada. Después,
en una sola transacción, se crean o actualizan las filas que cambiaron. Cargar dos veces los mismos
archivos no cambia nada.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from candidaturas.models import SECCION_MAXIMA, DistritoFederal, DistritoLocal, Municipio, SeccionElectoral
from comun.cache_publica import invalidar_al_confirmar
from comun.texto import normalizar, son_digitos

CARPETA_POR_OMISION = Path(settings.BASE_DIR) / "fixtures" / "edomex"

ARCHIVOS = {
    "municipios": "municipios.csv",
    "distritos_locales": "distritos_locales.csv",
    "distritos_federales": "distritos_federales_2023_parcial.csv",
    "secciones": "secciones.csv",
}


class ErrorDeCarga(Exception):
    """Uno o más archivos no se pueden cargar. `errores` nombra archivo, fila y columna de cada uno."""

    def __init__(self, errores):
        self.errores = errores
        super().__init__("\n".join(errores))


@dataclass
class Resumen:
    creados: dict = field(default_factory=dict)
    actualizados: dict = field(default_factory=dict)

    def __str__(self):
        partes = []
        for modelo in ("municipios", "distritos_locales", "distritos_federales", "secciones"):
            creados, actualizados = self.creados.get(modelo, 0), self.actualizados.get(modelo, 0)
            partes.append(f"{modelo}: {creados} nuevos, {actualizados} actualizados")
        return "; ".join(partes)

    @property
    def sin_cambios(self):
        return not any(self.creados.values()) and not any(self.actualizados.values())


class _Lector:
    """Lee un CSV y acumula errores con su ubicación exacta (la fila 1 es el encabezado)."""

    def __init__(self, ruta, columnas, errores):
        self.ruta = ruta
        self.nombre = ruta.name
        self.columnas = columnas
        self.errores = errores

    def filas(self):
        if not self.ruta.exists():
            self.errores.append(f"{self.nombre}: no existe el archivo {self.ruta}.")
            return []
        try:
            with self.ruta.open(encoding="utf-8", newline="") as archivo:
                lector = csv.DictReader(archivo)
                faltantes = [c for c in self.columnas if c not in (lector.fieldnames or [])]
                if faltantes:
                    self.errores.append(f"{self.nombre}, fila 1: faltan las columnas {', '.join(faltantes)}.")
                    return []
                return [(numero, fila) for numero, fila in enumerate(lector, start=2)]
        except UnicodeDecodeError:
            self.errores.append(
                f"{self.nombre}: el archivo no está en UTF-8. En Excel, guárdalo con «Guardar como» →"
                " «CSV UTF-8 (delimitado por comas)»."
            )
            return []
        except csv.Error as error:
            self.errores.append(f"{self.nombre}: no es un CSV válido ({error}).")
            return []

    def error(self, fila, columna, mensaje):
        self.errores.append(f"{self.nombre}, fila {fila}, columna {columna}: {mensaje}")

    def texto(self, numero, fila, columna, obligatorio=True):
        valor = (fila.get(columna) or "").strip()
        if obligatorio and not valor:
            self.error(numero, columna, "está vacía.")
        return valor

    def entero(self, numero, fila, columna, minimo=0, maximo=None, obligatorio=True):
        valor = (fila.get(columna) or "").strip()
        if not valor:
            if obligatorio:
                self.error(numero, columna, "está vacía.")
            return None
        try:
            entero = int(valor)
        except ValueError:
            self.error(numero, columna, f"«{valor}» no es un número entero.")
            return None
        if entero < minimo or (maximo is not None and entero > maximo):
            self.error(numero, columna, f"{entero} está fuera del rango permitido.")
            return None
        return entero

    def claves(self, numero, fila, columna):
        """Lista de enteros separados por «;»."""
        valor = (fila.get(columna) or "").strip()
        claves = []
        for parte in filter(None, (p.strip() for p in valor.split(";"))):
            if not son_digitos(parte):
                self.error(numero, columna, f"«{parte}» no es una clave numérica.")
                continue
            claves.append(int(parte))
        return claves


def leer_archivos(carpeta=CARPETA_POR_OMISION):
    """Lee y valida los cuatro archivos. Devuelve los datos limpios o lanza ErrorDeCarga."""
    carpeta = Path(carpeta)
    errores = []

    municipios = {}
    lector = _Lector(
        carpeta / ARCHIVOS["municipios"], ["clave_ieem", "clave_inegi", "nombre", "nombre_ieem"], errores
    )
    for numero, fila in lector.filas():
        clave = lector.entero(numero, fila, "clave_ieem", minimo=1, maximo=999)
        inegi = lector.texto(numero, fila, "clave_inegi")
        nombre = lector.texto(numero, fila, "nombre")
        nombre_ieem = lector.texto(numero, fila, "nombre_ieem")
        if inegi and not (len(inegi) == 5 and son_digitos(inegi) and inegi.startswith("15")):
            lector.error(
                numero, "clave_inegi", f"«{inegi}» no es una clave INEGI del Estado de México (15xxx)."
            )
        if clave in municipios:
            lector.error(numero, "clave_ieem", f"la clave {clave} está repetida.")
        elif clave is not None:
            municipios[clave] = {"clave_inegi": inegi, "nombre": nombre, "nombre_ieem": nombre_ieem}

    def revisar_municipios(lector_actual, numero, claves, columna):
        for clave in claves:
            if clave not in municipios:
                lector_actual.error(
                    numero, columna, f"el municipio {clave} no está en {ARCHIVOS['municipios']}."
                )

    locales = {}
    lector = _Lector(
        carpeta / ARCHIVOS["distritos_locales"], ["numero", "cabecera", "municipios_clave_ieem"], errores
    )
    for numero, fila in lector.filas():
        distrito = lector.entero(numero, fila, "numero", minimo=1, maximo=99)
        cabecera = lector.texto(numero, fila, "cabecera")
        claves = lector.claves(numero, fila, "municipios_clave_ieem")
        revisar_municipios(lector, numero, claves, "municipios_clave_ieem")
        if distrito in locales:
            lector.error(numero, "numero", f"el distrito {distrito} está repetido.")
        elif distrito is not None:
            locales[distrito] = {"cabecera": cabecera, "municipios": claves}

    federales = {}
    lector = _Lector(
        carpeta / ARCHIVOS["distritos_federales"],
        ["numero", "cabecera", "municipios_clave_ieem", "lista_municipios_completa"],
        errores,
    )
    for numero, fila in lector.filas():
        distrito = lector.entero(numero, fila, "numero", minimo=1, maximo=99)
        cabecera = lector.texto(numero, fila, "cabecera")
        claves = lector.claves(numero, fila, "municipios_clave_ieem")
        revisar_municipios(lector, numero, claves, "municipios_clave_ieem")
        completa = lector.texto(numero, fila, "lista_municipios_completa").lower()
        if completa not in ("si", "no"):
            lector.error(numero, "lista_municipios_completa", f"«{completa}» debe ser si o no.")
        if distrito in federales:
            lector.error(numero, "numero", f"el distrito {distrito} está repetido.")
        elif distrito is not None:
            federales[distrito] = {"cabecera": cabecera, "municipios": claves, "completa": completa == "si"}

    secciones = {}
    lector = _Lector(
        carpeta / ARCHIVOS["secciones"],
        ["seccion", "municipio_clave_ieem", "distrito_local", "casillas_2023", "lista_nominal_2023"],
        errores,
    )
    con_distrito_federal = "distrito_federal" in _encabezado(carpeta / ARCHIVOS["secciones"])
    for numero, fila in lector.filas():
        seccion = lector.entero(numero, fila, "seccion", minimo=1, maximo=SECCION_MAXIMA)
        municipio = lector.entero(numero, fila, "municipio_clave_ieem", minimo=1)
        local = lector.entero(numero, fila, "distrito_local", minimo=1)
        casillas = lector.entero(numero, fila, "casillas_2023")
        lista = lector.entero(numero, fila, "lista_nominal_2023")
        federal = (
            lector.entero(numero, fila, "distrito_federal", minimo=1, obligatorio=False)
            if con_distrito_federal
            else None
        )
        if municipio is not None and municipio not in municipios:
            lector.error(numero, "municipio_clave_ieem", f"el municipio {municipio} no existe.")
        if local is not None and local not in locales:
            lector.error(numero, "distrito_local", f"el distrito local {local} no existe.")
        if federal is not None and federal not in federales:
            lector.error(numero, "distrito_federal", f"el distrito federal {federal} no existe.")
        if seccion in secciones:
            lector.error(numero, "seccion", f"la sección {seccion} está repetida.")
        elif seccion is not None:
            secciones[seccion] = {
                "municipio": municipio,
                "distrito_local": local,
                "distrito_federal": federal,
                "casillas": casillas or 0,
                "lista_nominal": lista or 0,
            }

    if errores:
        raise ErrorDeCarga(errores)
    return {"municipios": municipios, "locales": locales, "federales": federales, "secciones": secciones}


def _encabezado(ruta):
    if not ruta.exists():
        return []
    with ruta.open(encoding="utf-8", errors="replace", newline="") as archivo:
        return next(csv.reader(archivo), [])


@transaction.atomic
def cargar_geografia(*, carpeta=CARPETA_POR_OMISION):
    """Valida los archivos de `carpeta` y deja la base de datos igual a ellos. Devuelve un Resumen."""
    datos = leer_archivos(carpeta)
    resumen = Resumen()

    existentes = {m.clave_ieem: m for m in Municipio.objects.all()}
    nuevos, cambiados = [], []
    for clave, valores in datos["municipios"].items():
        municipio = existentes.get(clave)
        if municipio is None:
            nuevos.append(
                Municipio(clave_ieem=clave, nombre_normalizado=normalizar(valores["nombre"]), **valores)
            )
        elif any(getattr(municipio, campo) != valor for campo, valor in valores.items()):
            for campo, valor in valores.items():
                setattr(municipio, campo, valor)
            municipio.nombre_normalizado = normalizar(municipio.nombre)
            cambiados.append(municipio)
    Municipio.objects.bulk_create(nuevos)
    Municipio.objects.bulk_update(cambiados, ["clave_inegi", "nombre", "nombre_ieem", "nombre_normalizado"])
    resumen.creados["municipios"], resumen.actualizados["municipios"] = len(nuevos), len(cambiados)
    municipios = {m.clave_ieem: m for m in Municipio.objects.all()}

    resumen.creados["distritos_locales"], resumen.actualizados["distritos_locales"] = _cargar_distritos(
        DistritoLocal, datos["locales"], municipios, {}
    )
    resumen.creados["distritos_federales"], resumen.actualizados["distritos_federales"] = _cargar_distritos(
        DistritoFederal, datos["federales"], municipios, {"completa": "lista_municipios_completa"}
    )

    locales = {d.numero: d.pk for d in DistritoLocal.objects.all()}
    federales = {d.numero: d.pk for d in DistritoFederal.objects.all()}
    existentes = {s.numero: s for s in SeccionElectoral.objects.all()}
    nuevas, cambiadas = [], []
    for numero, valores in datos["secciones"].items():
        deseado = {
            "municipio_id": municipios[valores["municipio"]].pk,
            "distrito_local_id": locales[valores["distrito_local"]],
            "distrito_federal_id": federales.get(valores["distrito_federal"]),
            "casillas": valores["casillas"],
            "lista_nominal": valores["lista_nominal"],
        }
        seccion = existentes.get(numero)
        if seccion is None:
            nuevas.append(SeccionElectoral(numero=numero, **deseado))
        elif any(getattr(seccion, campo) != valor for campo, valor in deseado.items()):
            for campo, valor in deseado.items():
                setattr(seccion, campo, valor)
            cambiadas.append(seccion)
    SeccionElectoral.objects.bulk_create(nuevas, batch_size=1000)
    SeccionElectoral.objects.bulk_update(cambiadas, list(deseado), batch_size=1000)
    resumen.creados["secciones"], resumen.actualizados["secciones"] = len(nuevas), len(cambiadas)
    if not resumen.sin_cambios:
        # bulk_create y bulk_update no mandan señales: todas las páginas, una vez, al confirmarse.
        invalidar_al_confirmar()
    return resumen


def _cargar_distritos(modelo, filas, municipios, extras):
    existentes = {d.numero: d for d in modelo.objects.prefetch_related("municipios")}
    creados = actualizados = 0
    for numero, valores in filas.items():
        campos = {"cabecera": valores["cabecera"]}
        campos.update({campo: valores[clave] for clave, campo in extras.items()})
        deseados = {municipios[clave].pk for clave in valores["municipios"]}
        distrito = existentes.get(numero)
        if distrito is None:
            distrito = modelo.objects.create(numero=numero, **campos)
            distrito.municipios.set(deseados)
            creados += 1
            continue
        cambio = False
        if any(getattr(distrito, campo) != valor for campo, valor in campos.items()):
            for campo, valor in campos.items():
                setattr(distrito, campo, valor)
            distrito.save()
            cambio = True
        if {m.pk for m in distrito.municipios.all()} != deseados:
            distrito.municipios.set(deseados)
            cambio = True
        actualizados += cambio
    return creados, actualizados
