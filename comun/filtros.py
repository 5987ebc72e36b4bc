"""Los filtros aplicados de un formulario GET de búsqueda, listos para mostrarlos y quitarlos uno a
uno (`templates/partials/filtros_activos.html`). Lo usan el listado de candidaturas y el tablero de
la representación de partido."""


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
