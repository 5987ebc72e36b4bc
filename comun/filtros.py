"""Los formularios GET de búsqueda: sus campos comunes (nombre, municipio, distrito) y los filtros
aplicados, listos para mostrarlos y quitarlos uno a uno (`templates/partials/filtros_activos.html`).
Los usan el listado de candidaturas, el tablero de la representación de partido y Conóceles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from comun.widgets import SelectorLigero


def campo_de_nombre(etiqueta, ayuda):
    """Búsqueda de texto por nombre (`?q=`): hasta 100 caracteres, sin autocompletar."""
    return forms.CharField(
        label=etiqueta,
        required=False,
        max_length=100,
        help_text=ayuda,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


def campo_de_clave(etiqueta):
    """Un municipio o distrito por su número (`?municipio=107`); las opciones las pone la vista."""
    return forms.TypedChoiceField(
        label=etiqueta, required=False, coerce=int, empty_value=None, widget=SelectorLigero
    )


def campo_municipio():
    return campo_de_clave(_("Municipio"))


def campo_distrito():
    return campo_de_clave(_("Distrito local"))


def filtros_aplicados(form, campos, *, textuales=("q",)):
    """[{campo, titulo, valor legible, sin_filtro}] de los `campos` con valor válido en `form`.

    `sin_filtro` es la consulta sin ese filtro ni la página (empieza con «?»). Los `textuales` se
    muestran tal cual; los demás, con la etiqueta de su opción."""
    if not form.is_bound or not form.is_valid():
        return []
    activos = []
    for nombre in campos:
        valor = form.cleaned_data.get(nombre)
        if valor in (None, ""):
            continue
        campo = form.fields[nombre]
        legible = valor if nombre in textuales else dict(campo.choices).get(valor, valor)
        sin = form.data.copy()
        sin.pop(nombre, None)
        sin.pop("pagina", None)
        activos.append(
            {"campo": nombre, "titulo": campo.label, "valor": legible, "sin_filtro": f"?{sin.urlencode()}"}
        )
    return activos
