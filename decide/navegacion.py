"""Menú principal del portal.

Cada entrada nombra una ruta; sólo aparecen las que ya existen, así el menú nunca lleva a una
página rota mientras el portal crece. Se resuelve una vez por proceso.

Las entradas de `CON_PROCESO` muestran un proceso electoral: cuando la persona eligió otro que el
predeterminado (`?proceso=<slug>`), el menú lo conserva en la URL (ver `templates/base.html`).
"""

from functools import cache

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

ENTRADAS = [
    ("decide:inicio", _("Inicio"), ""),
    (
        "conoceles:inicio",
        _("Conóceles"),
        _("Quiénes son las personas candidatas, su trayectoria y sus propuestas."),
    ),
    ("decide:mi_seccion", _("Mi sección"), _("Qué se elige donde votas, con el número de tu credencial.")),
    (
        "candidaturas:lista",
        _("Candidaturas"),
        _("Todas las fórmulas y planillas registradas, con sus suplencias."),
    ),
    (
        "plataformas:lista",
        _("Plataformas"),
        _("Lo que propone cada partido, coalición o candidatura independiente."),
    ),
    ("decide:atribuciones", _("Atribuciones"), _("Qué hace cada cargo que se elige.")),
    (
        "decide:quita_dudas",
        _("Quita dudas"),
        _("Respuestas claras a las preguntas más comunes sobre la elección."),
    ),
    ("decide:recursos", _("Videos e infografías"), _("Cómo usar este portal, paso a paso.")),
    ("decide:enlaces", _("Enlaces"), _("Resultados, PREP y otros sitios de interés.")),
    ("decide:estadisticas", _("Estadísticas"), _("Visitas y participación en el portal.")),
]


CON_PROCESO = {
    "decide:inicio",
    "conoceles:inicio",
    "decide:mi_seccion",
    "candidaturas:lista",
    "plataformas:lista",
    "decide:atribuciones",
    "decide:estadisticas",
}


@cache
def con_proceso():
    """Las URL del menú que conservan el proceso elegido."""
    urls = set()
    for nombre_ruta in CON_PROCESO:
        try:
            urls.add(reverse(nombre_ruta))
        except NoReverseMatch:
            continue
    return frozenset(urls)


@cache
def entradas_disponibles():
    disponibles = []
    for nombre_ruta, etiqueta, descripcion in ENTRADAS:
        try:
            disponibles.append((reverse(nombre_ruta), etiqueta, descripcion))
        except NoReverseMatch:
            continue
    return tuple(disponibles)
