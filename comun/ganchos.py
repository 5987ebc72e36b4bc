"""Puntos de extensión entre apps, para que las dependencias sigan apuntando hacia abajo.

Una app de abajo ofrece un lugar en sus páginas (p. ej. el tablero de la representación de partido,
en `cuestionarios`); una app de arriba lo llena desde su `AppConfig.ready()` (p. ej. `participacion`
con el reporte de lo que opinó la ciudadanía). La de abajo nunca importa a la de arriba.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bloque:
    """Un pedazo de página que aporta otra app: su plantilla y lo que esa plantilla necesita."""

    plantilla: str
    contexto: dict = field(default_factory=dict)


_TABLERO_DE_REPRESENTACION = []


def registrar_en_tablero_de_representacion(funcion):
    """`funcion(*, actor, procesos)` devuelve un `Bloque` o None. Se puede usar como decorador."""
    if funcion not in _TABLERO_DE_REPRESENTACION:
        _TABLERO_DE_REPRESENTACION.append(funcion)
    return funcion


def bloques_del_tablero_de_representacion(*, actor, procesos):
    bloques = (funcion(actor=actor, procesos=procesos) for funcion in _TABLERO_DE_REPRESENTACION)
    return [bloque for bloque in bloques if bloque is not None]
