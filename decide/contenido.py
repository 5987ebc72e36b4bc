"""Lo que arman las páginas de contenido del portal (P2, P3, P9, P10) antes de pintar."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidaturas.models import Eleccion
from decide.models import (
    CARGOS_POR_TIPO_DE_ELECCION,
    Atribucion,
    EnlaceDeInteres,
    Organo,
    PreguntaFrecuente,
    Recurso,
)

LARGO_MAXIMO_BUSQUEDA = 100


class BusquedaPreguntasForm(forms.Form):
    q = forms.CharField(
        label=_("Busca tu duda"),
        required=False,
        max_length=LARGO_MAXIMO_BUSQUEDA,
        help_text=_("Escribe una o varias palabras, por ejemplo: credencial, casilla especial, PREP."),
        error_messages={
            "max_length": _("Escribe una búsqueda más corta: hasta %(limit_value)d caracteres."),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())


def cargos_del_proceso(proceso):
    """Los cargos que se votan en `proceso`, según sus elecciones; None si aún no tiene elecciones."""
    if proceso is None:
        return None
    tipos = set(Eleccion.objects.filter(proceso=proceso).values_list("tipo", flat=True).distinct())
    if not tipos:
        return None
    return {cargo for tipo in tipos for cargo in CARGOS_POR_TIPO_DE_ELECCION[tipo]}


def atribuciones_por_organo(proceso):
    """[(Organo, [Atribucion…]), …] en el orden Ejecutivo, Legislatura, Ayuntamiento, sin grupos vacíos."""
    cargos = cargos_del_proceso(proceso)
    atribuciones = Atribucion.objects.para_proceso(proceso, cargos)
    grupos = []
    for organo in Organo:
        del_organo = [a for a in atribuciones if a.organo == organo]
        if del_organo:
            grupos.append((organo, del_organo))
    return grupos


def preguntas_por_categoria(busqueda=""):
    """[(clave, etiqueta, [PreguntaFrecuente…]), …] en el orden de las categorías; una consulta."""
    preguntas = PreguntaFrecuente.objects.publicadas()
    if busqueda:
        preguntas = preguntas.buscar(busqueda)
    por_categoria = {}
    for pregunta in preguntas:
        por_categoria.setdefault(pregunta.categoria, []).append(pregunta)
    return [
        (clave, etiqueta, por_categoria[clave])
        for clave, etiqueta in PreguntaFrecuente.Categoria.choices
        if clave in por_categoria
    ]


def recursos_por_tipo():
    recursos = list(Recurso.objects.publicados())
    return {
        "videos": [r for r in recursos if r.tipo == Recurso.Tipo.VIDEO],
        "infografias": [r for r in recursos if r.tipo == Recurso.Tipo.INFOGRAFIA],
    }


def enlaces_por_grupo():
    por_grupo = {}
    for enlace in EnlaceDeInteres.objects.publicados():
        por_grupo.setdefault(enlace.grupo, []).append(enlace)
    return [
        (clave, etiqueta, por_grupo[clave])
        for clave, etiqueta in EnlaceDeInteres.Grupo.choices
        if clave in por_grupo
    ]
