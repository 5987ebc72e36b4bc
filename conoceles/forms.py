from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from candidaturas.models import ActorPolitico, Candidatura, DistritoLocal, Municipio, Persona
from comun.cache_publica import alcance_de_proceso, memorizar
from comun.filtros import campo_de_nombre, campo_distrito, campo_municipio
from comun.texto import normalizar, son_digitos
from comun.widgets import SelectorLigero
from conoceles.consultas import RANGOS_DE_EDAD, con_grado_de_estudios, filtro_de_edad
from cuestionarios.models import GradoDeEstudios

TODAS = [("", _("Todas"))]
TODOS = [("", _("Todos"))]


class BusquedaForm(forms.Form):
    """Búsqueda y filtros de Conóceles (C7). Todo viaja en la URL, así cualquier vista se comparte."""

    q = campo_de_nombre(_("Nombre"), _("No importan acentos ni mayúsculas."))
    cargo = forms.ChoiceField(
        label=_("Cargo"),
        required=False,
        choices=TODOS + list(Candidatura.Cargo.choices),
        widget=SelectorLigero,
    )
    actor = forms.ChoiceField(
        label=_("Partido, coalición o candidatura independiente"), required=False, widget=SelectorLigero
    )
    municipio = campo_municipio()
    distrito = campo_distrito()
    sexo = forms.ChoiceField(
        label=_("Sexo"), required=False, choices=TODOS + list(Persona.Sexo.choices), widget=SelectorLigero
    )
    edad = forms.ChoiceField(
        label=_("Edad el día de la jornada"),
        required=False,
        choices=TODAS + [(clave, etiqueta) for clave, _min, _max, etiqueta in RANGOS_DE_EDAD],
        widget=SelectorLigero,
    )
    grado = forms.ChoiceField(
        label=_("Grado máximo de estudios"),
        required=False,
        choices=TODOS + list(GradoDeEstudios.choices),
        widget=SelectorLigero,
    )
    accion = forms.ChoiceField(
        label=_("Acción afirmativa"),
        required=False,
        choices=TODAS
        + [("cualquiera", _("Registrada por cualquier acción afirmativa"))]
        + list(Candidatura.AccionAfirmativa.choices),
        widget=SelectorLigero,
    )
    calidad = forms.ChoiceField(
        label=_("Propietaria o suplente"),
        required=False,
        choices=TODAS + list(Candidatura.Calidad.choices),
        widget=SelectorLigero,
    )
    contienda = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)

    FILTROS = ("cargo", "actor", "municipio", "distrito", "sexo", "edad", "grado", "accion", "calidad")

    def __init__(self, *args, proceso, actores, municipios, distritos, **kwargs):
        super().__init__(*args, **kwargs)
        self.proceso = proceso
        self.fields["actor"].choices = TODOS + [(a.slug, f"{a.siglas} · {a.nombre}") for a in actores]
        self.fields["municipio"].choices = TODOS + [(m.clave_ieem, m.nombre) for m in municipios]
        self.fields["distrito"].choices = TODOS + [
            (
                d.numero,
                _("Distrito %(numero)s, %(cabecera)s") % {"numero": d.numero, "cabecera": d.cabecera_legible},
            )
            for d in distritos
        ]
        for campo in self.FILTROS:
            self.fields[campo].error_messages["invalid_choice"] = _(
                "Ese valor no está entre las opciones de «%(campo)s»."
            ) % {"campo": self.fields[campo].label}

    def clean_q(self):
        texto = normalizar(self.cleaned_data["q"])
        if texto and len(texto) < 2:
            raise ValidationError(_("Escribe al menos dos letras del nombre."), code="muy_corto")
        return texto

    def filtrar(self, candidaturas, excepto=()):
        """Aplica a `candidaturas` los filtros válidos del formulario, menos los de `excepto`."""
        datos = {campo: valor for campo, valor in self.cleaned_data.items() if campo not in excepto}
        if datos.get("q"):
            for palabra in datos["q"].split():
                candidaturas = candidaturas.filter(persona__nombre_normalizado__contains=palabra)
        simples = {
            "cargo": "cargo",
            "actor": "actor__slug",
            "municipio": "eleccion__municipio__clave_ieem",
            "distrito": "eleccion__distrito_local__numero",
            "sexo": "persona__sexo",
            "calidad": "calidad",
        }
        for campo, ruta in simples.items():
            if datos.get(campo) not in (None, ""):
                candidaturas = candidaturas.filter(**{ruta: datos[campo]})
        if datos.get("contienda"):
            candidaturas = candidaturas.filter(eleccion_id=datos["contienda"])
        if datos.get("edad"):
            candidaturas = candidaturas.filter(filtro_de_edad(self.proceso, datos["edad"]))
        if datos.get("grado"):
            candidaturas = con_grado_de_estudios(candidaturas, datos["grado"])
        if datos.get("accion") == "cualquiera":
            candidaturas = candidaturas.exclude(accion_afirmativa="")
        elif datos.get("accion"):
            candidaturas = candidaturas.filter(accion_afirmativa=datos["accion"])
        return candidaturas

    CONTEOS = {"cargo": "cargo", "sexo": "persona__sexo", "actor": "actor__slug", "calidad": "calidad"}

    def clave(self, excepto=()):
        """Los filtros válidos (menos `excepto`) en orden canónico: la clave de lo que se memoriza."""
        return repr(
            sorted(
                (campo, str(valor))
                for campo, valor in self.cleaned_data.items()
                if campo not in excepto and valor not in (None, "")
            )
        )

    def poner_conteos(self, vigentes):
        """Añade a las opciones de cargo, sexo, actor y calidad cuántas candidaturas hay con cada una.

        Cada conteo respeta los demás filtros pero no el suyo (así «Hombre (12)» sigue visible cuando
        se filtra por «Mujer»). Una sola consulta agrupada por las cuatro columnas; el resto se suma aquí.
        `vigentes` son las candidaturas vigentes de `self.proceso`: los grupos se memorizan en el
        proceso de gunicorn por filtros hasta que cambie algo del proceso (ver `memorizar`), porque la
        misma consulta (~20 ms sobre 9,700 candidaturas) se repite con cada página de resultados.
        """
        rutas = list(self.CONTEOS.values())
        consulta = (
            self.filtrar(vigentes, excepto=self.CONTEOS)
            .order_by()
            .values_list(*rutas)
            .annotate(total=models.Count("pk"))
        )
        grupos = memorizar(
            f"conoceles:conteos:{self.proceso.pk}:{self.clave(excepto=self.CONTEOS)}",
            [alcance_de_proceso(self.proceso.slug)],
            lambda: list(consulta),
        )
        activos = {campo: self.cleaned_data[campo] for campo in self.CONTEOS if self.cleaned_data.get(campo)}
        conteos = {campo: Counter() for campo in self.CONTEOS}
        for *valores, total in grupos:
            fila = dict(zip(self.CONTEOS, valores, strict=True))
            for campo in self.CONTEOS:
                if all(fila[otro] == valor for otro, valor in activos.items() if otro != campo):
                    conteos[campo][fila[campo]] += total
        for campo in self.CONTEOS:
            self.fields[campo].choices = [
                (valor, etiqueta if valor == "" else f"{etiqueta} ({conteos[campo][valor]:,})")
                for valor, etiqueta in self.fields[campo].choices
            ]

    def filtros_activos(self):
        """[(etiqueta del campo, etiqueta del valor, consulta sin ese filtro)] de lo que filtra ahora."""
        activos = []
        for campo in ("q",) + self.FILTROS:
            valor = self.cleaned_data.get(campo)
            if valor in (None, ""):
                continue
            sin_filtro = self.data.copy()
            sin_filtro.pop(campo, None)
            sin_filtro.pop("pagina", None)
            if campo == "q":
                etiqueta = self.data.get("q", valor)
            else:
                etiqueta = str(dict(self.fields[campo].choices).get(valor, valor))
                if campo in self.CONTEOS:
                    etiqueta = etiqueta.rsplit(" (", 1)[0]
            activos.append((self.fields[campo].label, etiqueta, "?" + sin_filtro.urlencode()))
        return activos


def opciones_de_busqueda(proceso):
    """Actores, municipios y distritos que tienen candidaturas en el proceso: 3 consultas, memorizadas
    en cada proceso de gunicorn hasta que cambie algo del proceso (ver `memorizar`)."""
    return memorizar(
        f"conoceles:opciones:{proceso.pk}",
        [alcance_de_proceso(proceso.slug)],
        lambda: _opciones_de_busqueda(proceso),
    )


def _opciones_de_busqueda(proceso):
    vigentes = Candidatura.objects.vigentes().filter(eleccion__proceso=proceso)
    actores = ActorPolitico.objects.filter(Exists(vigentes.filter(actor=OuterRef("pk")))).order_by(
        "orden", "siglas"
    )
    municipios = Municipio.objects.filter(elecciones__proceso=proceso).distinct().order_by("nombre")
    distritos = DistritoLocal.objects.filter(elecciones__proceso=proceso).distinct().order_by("numero")
    return list(actores), list(municipios), list(distritos)


class IdentificadoresField(forms.Field):
    """Lista de identificadores enteros (`?id=1&id=2`), sin repetidos, en el orden dado."""

    widget = forms.MultipleHiddenInput

    def to_python(self, valor):
        identificadores = []
        for parte in valor or []:
            texto = str(parte).strip()
            if not son_digitos(texto) or len(texto) > 12:
                raise ValidationError(
                    _("«%(valor)s» no es un identificador de candidatura."),
                    code="invalido",
                    params={"valor": texto},
                )
            identificadores.append(int(texto))
        return list(dict.fromkeys(identificadores))


class CompararForm(forms.Form):
    """De 2 a 4 candidaturas de la misma contienda (C9)."""

    MINIMO = 2
    MAXIMO = 4

    id = IdentificadoresField(
        label=_("Candidaturas"),
        error_messages={"required": _("Elige al menos dos candidaturas para compararlas.")},
    )

    def clean_id(self):
        identificadores = self.cleaned_data["id"]
        if len(identificadores) < self.MINIMO:
            raise ValidationError(_("Elige al menos dos candidaturas para compararlas."), code="pocas")
        if len(identificadores) > self.MAXIMO:
            raise ValidationError(_("Puedes comparar hasta cuatro candidaturas a la vez."), code="demasiadas")
        return identificadores
