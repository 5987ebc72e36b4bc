"""Estadísticas de Conóceles y tablero de avance de la captura (C10, C12)."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_safe

from candidaturas.models import Candidatura, Persona
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from comun.exportar import respuesta_csv
from conoceles import estadisticas as est


class FiltroEstadisticasForm(forms.Form):
    """Los filtros de la página (además del proceso): cargo, partido o coalición, sexo y acción
    afirmativa. Viven en la URL; un valor que no está en la lista responde 400 con su mensaje."""

    cargo = forms.ChoiceField(
        label=gettext_lazy("Cargo"),
        required=False,
        choices=[("", gettext_lazy("Todos los cargos"))] + list(Candidatura.Cargo.choices),
        error_messages={"invalid_choice": gettext_lazy("Elige un cargo de la lista.")},
    )
    actor = forms.ChoiceField(
        label=gettext_lazy("Partido, coalición o candidatura independiente"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Elige un partido, coalición o candidatura independiente de la lista: «%(value)s» no "
                "postula candidaturas en este proceso."
            )
        },
    )
    sexo = forms.ChoiceField(
        label=gettext_lazy("Sexo"),
        required=False,
        choices=[("", gettext_lazy("Todos"))] + list(Persona.Sexo.choices),
        error_messages={"invalid_choice": gettext_lazy("Elige un sexo de la lista.")},
    )
    accion = forms.ChoiceField(
        label=gettext_lazy("Acción afirmativa del registro"),
        required=False,
        choices=[("", gettext_lazy("Todas las candidaturas"))]
        + list(Candidatura.AccionAfirmativa.choices)
        + [(est.SIN_ACCION, gettext_lazy("Sin acción afirmativa"))],
        error_messages={"invalid_choice": gettext_lazy("Elige una acción afirmativa de la lista.")},
    )

    def __init__(self, *args, actores=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.actores = {actor.slug: actor for actor in actores}
        self.fields["actor"].choices = [("", _("Todos"))] + [
            (actor.slug, f"{actor.siglas} · {actor.nombre}" if actor.nombre != actor.siglas else actor.siglas)
            for actor in actores
        ]

    def clean_actor(self):
        return self.actores.get(self.cleaned_data["actor"])


def _contexto(request):
    """(contexto, status). Sin proceso todavía: página vacía con su aviso."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    actores = est.actores_del_proceso(proceso) if proceso is not None else []
    form = FiltroEstadisticasForm(request.GET, actores=actores)
    contexto = {
        "proceso": proceso,
        "procesos_abiertos": procesos_abiertos,
        "form": form,
        "umbral": est.UMBRAL,
    }
    if proceso is None:
        return contexto, 200
    if not form.is_valid():
        return contexto, 400
    filtros = {campo: form.cleaned_data[campo] for campo in ("cargo", "actor", "sexo", "accion")}
    contexto["cargo"] = dict(Candidatura.Cargo.choices).get(filtros["cargo"], "")
    contexto["filtros_activos"] = [
        (form.fields[campo].label, dict(form.fields[campo].choices).get(form.data.get(campo), ""))
        for campo, valor in filtros.items()
        if valor
    ]
    contexto["est"] = est.estadisticas_del_proceso(proceso, actores=actores, **filtros)
    return contexto, 200


@require_safe
@pagina_publica_en_cache(parametros=("proceso", *FiltroEstadisticasForm.base_fields), alcances=("proceso",))
def estadisticas(request):
    contexto, status = _contexto(request)
    return render(request, "conoceles/estadisticas.html", contexto, status=status)


@require_GET
def estadisticas_csv(request, grafica):
    """Los datos de una gráfica o tabla de la página, con las mismas cifras protegidas."""
    contexto, status = _contexto(request)
    if status != 200:
        return render(request, "conoceles/estadisticas.html", contexto, status=status)
    if "est" not in contexto:
        raise Http404(_("Todavía no hay un proceso electoral registrado."))
    tabla = est.tabla_csv(contexto["est"], grafica)
    if tabla is None:
        raise Http404(_("No existe la gráfica «%(grafica)s».") % {"grafica": grafica})
    encabezados, filas = tabla
    sufijo = "".join(f"-{form_valor}" for form_valor in _valores_de_filtro(request))
    return respuesta_csv(f"conoceles-{contexto['proceso'].slug}-{grafica}{sufijo}.csv", encabezados, filas)


def _valores_de_filtro(request):
    """Los filtros ya validados, en orden fijo, para el nombre del CSV."""
    return [request.GET[campo] for campo in ("cargo", "actor", "sexo", "accion") if request.GET.get(campo)]
