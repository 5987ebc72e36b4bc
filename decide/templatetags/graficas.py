"""Gráficas en SVG dibujadas en el servidor, siempre acompañadas de su tabla de datos."""

from django import template

register = template.Library()

ALTO_FILA = 30
X_BARRAS = 210
ANCHO_BARRAS = 330
COLOR_POR_OMISION = "#7a1650"
LARGO_ETIQUETA = 30


@register.inclusion_tag("partials/grafica_barras.html")
def grafica_barras(id_grafica, titulo, barras, url_csv="", nota=""):
    """Barras horizontales. `barras`: dicts con "etiqueta", "valor" (int, o None si se suprime por
    ser un conteo pequeño), y opcionalmente "texto" (lo que se muestra en vez del número) y "color"."""
    maximo = max((b["valor"] for b in barras if b.get("valor")), default=0) or 1
    filas = []
    for indice, barra in enumerate(barras):
        valor = barra.get("valor")
        etiqueta = str(barra["etiqueta"])
        filas.append(
            {
                "etiqueta": etiqueta,
                "etiqueta_corta": etiqueta
                if len(etiqueta) <= LARGO_ETIQUETA
                else etiqueta[: LARGO_ETIQUETA - 1] + "…",
                "texto": barra.get("texto") or ("" if valor is None else f"{valor:,}"),
                "color": barra.get("color") or COLOR_POR_OMISION,
                "y": indice * ALTO_FILA,
                "y_texto": indice * ALTO_FILA + 19,
                "ancho": round((valor or 0) / maximo * ANCHO_BARRAS, 1),
                "x_valor": X_BARRAS + round((valor or 0) / maximo * ANCHO_BARRAS, 1) + 6,
            }
        )
    return {
        "id_grafica": id_grafica,
        "titulo": titulo,
        "filas": filas,
        "alto": max(len(filas), 1) * ALTO_FILA,
        "x_barras": X_BARRAS,
        "url_csv": url_csv,
        "nota": nota,
    }
