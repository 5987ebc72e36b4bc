from django import template

from cuentas.middleware import siguiente_paso as _siguiente_paso

register = template.Library()


@register.simple_tag(takes_context=True)
def siguiente_paso(context):
    """`{% siguiente_paso as url %}`: a dónde lleva «Continuar» en las páginas de la cuenta."""
    return _siguiente_paso(context["request"])
