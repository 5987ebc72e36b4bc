"""`{% tarjeta_candidatura c comparar=True proceso_slug=… %}`: la tarjeta de un resultado de Conóceles.

Se pinta 24 veces en cada página de la búsqueda. Con una plantilla incluida por tarjeta costaba
~0.3 ms cada una (7 ms de una búsqueda sin caché de ~30, medido con cProfile; docs/rendimiento.md):
el motor de plantillas resuelve ~20 variables, una URL, un estático y cuatro traducciones por
tarjeta. Aquí se escribe el mismo HTML directamente, con todo escapado por `format_html` (como
`comun.widgets.SelectorLigero`). `tests/conoceles/test_busqueda.py` fija lo que debe decir.
"""

import functools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from conoceles.consultas import EstadoDeCaptura

register = template.Library()

TEXTO_DEL_ESTADO = {
    EstadoDeCaptura.PUBLICADA: gettext_noop("Información publicada"),
    EstadoDeCaptura.ENVIADA: gettext_noop("En revisión del IEEM"),
}
SIN_CAPTURA = gettext_noop("Sin información capturada")


@receiver(setting_changed)
def _olvidar_constantes(**_kwargs):
    _constantes.cache_clear()  # p. ej. otro almacenamiento de estáticos en las pruebas


@functools.cache
def _constantes(idioma):
    """Lo que es igual en toda tarjeta, una vez por idioma y proceso: traducciones y direcciones."""
    with translation.override(idioma):
        return {
            "sin_foto": static("img/persona_sin_foto.svg"),
            "texto_sin_foto": _("Sin fotografía"),
            "suplente": f" · {_('suplente')}",
            "comparar": _("Comparar"),
            "ver": _("Ver su contienda"),
            "estados": {clave: _(texto) for clave, texto in TEXTO_DEL_ESTADO.items()},
            "sin_captura": _(SIN_CAPTURA),
            # El perfil es `<id>/` bajo el inicio de Conóceles (conoceles/urls.py); `reverse` por
            # tarjeta costaba ~20 µs. tests/conoceles/test_busqueda.py lo compara con `reverse`.
            "perfiles": reverse("conoceles:inicio"),
        }


@register.simple_tag
def tarjeta_candidatura(c, comparar=False, proceso_slug=None):
    """El HTML de la tarjeta de la candidatura `c` (de `pagina_de_resultados`: con su persona,
    actor, elección y estado de captura ya traídos)."""
    textos = _constantes(translation.get_language())
    nombre = c.persona.nombre_completo
    if c.foto_publicada:
        foto = format_html(
            '<img class="tarjeta-candidatura__foto" src="{}{}" alt="{}" width="120" height="150" '
            'loading="lazy">',
            settings.MEDIA_URL,
            c.foto_publicada,
            _("Fotografía de %(nombre)s") % {"nombre": nombre},
        )
    else:
        foto = format_html(
            '<img class="tarjeta-candidatura__foto" src="{}" alt="{}" width="120" height="150">',
            textos["sin_foto"],
            textos["texto_sin_foto"],
        )
    cargo = format_html(
        "{}{}<br>{}", c.etiqueta_cargo, textos["suplente"] if c.es_suplente else "", c.eleccion.ambito
    )
    actor = c.actor
    acciones = ""
    if comparar:
        contienda = f"?contienda={c.eleccion_id}" + (f"&proceso={proceso_slug}" if proceso_slug else "")
        acciones = format_html(
            '\n      <p class="tarjeta-candidatura__acciones">\n'
            '        <input type="checkbox" name="id" value="{pk}" id="comparar-{pk}">'
            '<label for="comparar-{pk}">{comparar}</label>\n'
            '        · <a href="{contienda}">{ver}</a>\n'
            "      </p>",
            pk=c.pk,
            comparar=textos["comparar"],
            contienda=contienda,
            ver=textos["ver"],
        )
    return format_html(
        '<article class="tarjeta-candidatura" aria-labelledby="nombre-{pk}">\n'
        "  {foto}\n"
        '  <div class="tarjeta-candidatura__cuerpo">\n'
        '    <h3 class="tarjeta-candidatura__nombre" id="nombre-{pk}"><a href="{url}">{nombre}</a></h3>\n'
        '    <p class="tarjeta-candidatura__cargo">{cargo}</p>\n'
        '    <p class="tarjeta-candidatura__actor"><svg class="muestra-color" width="14" height="14" '
        'aria-hidden="true" focusable="false"><rect width="14" height="14" rx="3" fill="{color}"></rect>'
        "</svg>{actor}</p>\n"
        '    <p><span class="etiqueta-captura etiqueta-captura--{estado}">{texto_estado}</span></p>'
        "{acciones}\n"
        "  </div>\n"
        "</article>",
        pk=c.pk,
        foto=foto,
        url=f"{textos['perfiles']}{c.pk}/",
        nombre=nombre,
        cargo=cargo,
        color=actor.color,
        actor=actor.siglas if actor.siglas == actor.nombre else f"{actor.siglas} · {actor.nombre}",
        estado=c.estado_captura,
        texto_estado=textos["estados"].get(c.estado_captura, textos["sin_captura"]),
        acciones=acciones,
    )
