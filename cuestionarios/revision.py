"""Lo que lee el personal al revisar un cuestionario en el admin: cada campo con su etiqueta y su valor
legible («Licenciatura», no «licenciatura»), el contenido por parte del cuestionario y el historial de
cambios (quién, cuándo en hora del centro de México, qué campo, valor anterior → valor nuevo)."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from cuentas.services import nombre_y_rol
from cuestionarios.models import (
    PARTES_CURRICULARES,
    CuestionarioCurricular,
    ParteDelCuestionario,
    RegistroDeCambio,
)

LARGO_EN_HISTORIAL = 240
"""Caracteres de cada valor que muestra el historial (los textos largos llegan a 5,000)."""


def etiqueta_de_campo(campo: str) -> str:
    if campo == "foto":
        return _("Fotografía")
    nombre = str(CuestionarioCurricular._meta.get_field(campo).verbose_name)
    return nombre[:1].upper() + nombre[1:]


def valor_legible(campo: str, valor) -> str:
    """El valor como lo lee una persona: la etiqueta de una opción, «—» si está vacío."""
    if valor in (None, ""):
        return ""
    if campo != "foto":
        opciones = dict(CuestionarioCurricular._meta.get_field(campo).flatchoices)
        if opciones:
            return str(opciones.get(valor, valor))
    return str(valor)


FORMATO_DE_HORA = "j \\d\\e F \\d\\e Y, H:i"


def hora_local(momento) -> str:
    """«3 de marzo de 2027, 17:05» en la zona del portal (America/Mexico_City), nunca en UTC."""
    return date_format(timezone.localtime(momento), FORMATO_DE_HORA)


@dataclass
class CampoDeParte:
    etiqueta: str
    valor: str


@dataclass
class Parte:
    clave: str
    etiqueta: str
    campos: list
    foto: object = None


def contenido_por_parte(version: CuestionarioCurricular) -> list[Parte]:
    """Lo que la persona capturó (con los cambios en revisión), ordenado por parte del cuestionario,
    para verlo al lado del formulario de observaciones."""
    partes = []
    for clave, campos in PARTES_CURRICULARES.items():
        etiqueta = ParteDelCuestionario(clave).label
        if clave == "foto":
            partes.append(Parte(clave, etiqueta, [], foto=version.foto or None))
            continue
        partes.append(
            Parte(
                clave,
                etiqueta,
                [CampoDeParte(etiqueta_de_campo(c), valor_legible(c, getattr(version, c))) for c in campos],
            )
        )
    return partes


@dataclass
class CambioLegible:
    cuando: str
    quien: str
    cuestionario: str
    campo: str
    anterior: str
    nuevo: str


def cambios_legibles(registros) -> list[CambioLegible]:
    """Una fila por campo cambiado. Del cuestionario de identidad sólo se sabe qué pregunta cambió:
    sus respuestas nunca se copian a la bitácora."""
    filas = []
    for registro in registros:
        comun = {
            "cuando": hora_local(registro.fecha),
            "quien": nombre_y_rol(registro.usuario),
            "cuestionario": registro.get_cuestionario_display(),
        }
        if registro.cuestionario == RegistroDeCambio.Cuestionario.IDENTIDAD:
            for numero in registro.campos:
                filas.append(
                    CambioLegible(
                        **comun,
                        campo=_("Pregunta %(numero)s") % {"numero": numero},
                        anterior=_("(no se guarda)"),
                        nuevo=_("(no se guarda)"),
                    )
                )
            continue
        for campo in registro.campos:
            anterior, nuevo = (registro.detalle.get(campo) or ["", ""])[:2]
            filas.append(
                CambioLegible(
                    **comun,
                    campo=etiqueta_de_campo(campo),
                    anterior=Truncator(valor_legible(campo, anterior)).chars(LARGO_EN_HISTORIAL) or "—",
                    nuevo=Truncator(valor_legible(campo, nuevo)).chars(LARGO_EN_HISTORIAL) or "—",
                )
            )
    return filas
