"""Gráficas en SVG dibujadas en el servidor, siempre acompañadas de su tabla de datos."""

from django import template

register = template.Library()

# Cada fila: la etiqueta en su propia línea y la barra debajo, a todo lo ancho, para que en un
# teléfono el texto siga legible (la hoja de estilos agranda la letra en pantallas angostas).
ALTO_FILA = 58
ANCHO_BARRAS = 440
COLOR_POR_OMISION = "#7a1650"
LARGO_ETIQUETA = 46


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
                "y_etiqueta": indice * ALTO_FILA + 22,
                "y_barra": indice * ALTO_FILA + 30,
                "y_valor": indice * ALTO_FILA + 45,
                "ancho": round((valor or 0) / maximo * ANCHO_BARRAS, 1),
                "x_valor": round((valor or 0) / maximo * ANCHO_BARRAS, 1) + 8,
            }
        )
    return {
        "id_grafica": id_grafica,
        "titulo": titulo,
        "filas": filas,
        "alto": max(len(filas), 1) * ALTO_FILA,
        "url_csv": url_csv,
        "nota": nota,
    }
