"""Página legible de la API (`/api/v1/docs/`), generada del mismo esquema OpenAPI que sirve
`/api/v1/schema/`: sin JavaScript, así respeta la CSP del sitio y se lee sin conexión a un CDN."""

import functools

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from decide.api.vistas import LICENCIA, api


def _resolver(esquema, componentes):
    while isinstance(esquema, dict) and "$ref" in esquema:
        esquema = componentes.get(esquema["$ref"].rsplit("/", 1)[-1], {})
    return esquema


def _tipo(esquema, componentes):
    """Un resumen de una línea del tipo de un esquema: «entero», «texto (opciones: a, b)»…"""
    if "$ref" in esquema:
        return esquema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in esquema:
        partes = [_tipo(s, componentes) for s in esquema["anyOf"] if s.get("type") != "null"]
        nulo = any(s.get("type") == "null" for s in esquema["anyOf"])
        return _(" o ").join(partes) + (_(" (o nulo)") if nulo else "")
    if "enum" in esquema:
        return _("texto, una de: ") + ", ".join(str(v) for v in esquema["enum"])
    if "const" in esquema:
        return f"«{esquema['const']}»"
    tipo = esquema.get("type")
    if tipo == "array":
        return _("lista de ") + _tipo(esquema.get("items", {}), componentes)
    if tipo == "object" and "additionalProperties" in esquema:
        return _("objeto de listas de texto")
    nombres = {
        "integer": _("entero"),
        "string": _("texto"),
        "boolean": _("verdadero o falso"),
        "number": _("número"),
    }
    texto = nombres.get(tipo, tipo or _("valor"))
    if esquema.get("format") == "date":
        texto = _("fecha (AAAA-MM-DD)")
    elif esquema.get("format") == "date-time":
        texto = _("fecha y hora (ISO 8601)")
    limites = []
    if "minimum" in esquema:
        limites.append(_("desde %(n)s") % {"n": esquema["minimum"]})
    if "maximum" in esquema:
        limites.append(_("hasta %(n)s") % {"n": esquema["maximum"]})
    if "pattern" in esquema:
        limites.append(_("identificador"))
    if "maxLength" in esquema:
        limites.append(_("hasta %(n)s caracteres") % {"n": esquema["maxLength"]})
    return texto + (f" ({', '.join(limites)})" if limites else "")


@functools.cache
def _documento():
    esquema = api.get_openapi_schema(path_prefix=reverse("api:api-root"))
    componentes = esquema.get("components", {}).get("schemas", {})
    operaciones = []
    for ruta, metodos in esquema["paths"].items():
        for metodo, operacion in metodos.items():
            parametros = [
                {
                    "nombre": p["name"],
                    "donde": {"path": _("ruta"), "query": _("consulta")}.get(p["in"], p["in"]),
                    "obligatorio": p.get("required", False),
                    "tipo": _tipo(p.get("schema", {}), componentes),
                    "descripcion": p.get("description") or p.get("schema", {}).get("description", ""),
                    "por_omision": p.get("schema", {}).get("default"),
                }
                for p in operacion.get("parameters", [])
            ]
            respuestas = []
            for codigo, respuesta in operacion.get("responses", {}).items():
                contenido = respuesta.get("content", {}).get("application/json", {}).get("schema", {})
                modelo = contenido["$ref"].rsplit("/", 1)[-1] if "$ref" in contenido else None
                respuestas.append({"codigo": codigo, "modelo": modelo})
            operaciones.append(
                {
                    "id": operacion["operationId"],
                    "metodo": metodo.upper(),
                    "ruta": ruta,
                    "resumen": operacion.get("summary", ""),
                    "descripcion": operacion.get("description", ""),
                    "grupo": (operacion.get("tags") or [""])[0],
                    "parametros": parametros,
                    "respuestas": respuestas,
                }
            )
    modelos = []
    for nombre, modelo in sorted(componentes.items()):
        modelo = _resolver(modelo, componentes)
        requeridos = set(modelo.get("required", []))
        modelos.append(
            {
                "nombre": nombre,
                "descripcion": modelo.get("description", ""),
                "campos": [
                    {
                        "nombre": campo,
                        "tipo": _tipo(propiedad, componentes),
                        "descripcion": propiedad.get("description", ""),
                        "siempre": campo in requeridos,
                    }
                    for campo, propiedad in modelo.get("properties", {}).items()
                ],
            }
        )
    return {"info": esquema["info"], "operaciones": operaciones, "modelos": modelos}


@require_safe
def documentacion(request):
    contexto = {**_documento(), "licencia": LICENCIA, "url_esquema": reverse("api:openapi-json")}
    return render(request, "decide/api_documentacion.html", contexto)
