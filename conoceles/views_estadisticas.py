"""Estadísticas de Conóceles y tablero de avance de la captura (C10, C12)."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from candidaturas.models import Candidatura
from candidaturas.procesos import proceso_de_la_peticion
from comun.cache_publica import pagina_publica_en_cache
from comun.exportar import respuesta_csv
from conoceles import estadisticas as est


class FiltroEstadisticasForm(forms.Form):
    """El único filtro de la página (además del proceso): el cargo. Vive en la URL."""

    cargo = forms.ChoiceField(
        label=gettext_lazy("Cargo"),
        required=False,
        choices=[("", gettext_lazy("Todos los cargos"))] + list(Candidatura.Cargo.choices),
        error_messages={"invalid_choice": gettext_lazy("Elige un cargo de la lista.")},
    )


def _contexto(request):
    """(contexto, status). Sin proceso todavía: página vacía con su aviso."""
    proceso, procesos_abiertos = proceso_de_la_peticion(request)
    form = FiltroEstadisticasForm(request.GET)
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
    cargo = form.cleaned_data["cargo"]
    contexto["cargo"] = dict(Candidatura.Cargo.choices).get(cargo, "")
    contexto["est"] = est.estadisticas_del_proceso(proceso, cargo=cargo)
    return contexto, 200


@require_safe
@pagina_publica_en_cache()
def estadisticas(request):
    contexto, status = _contexto(request)
    return render(request, "conoceles/estadisticas.html", contexto, status=status)


@require_safe
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
    sufijo = f"-{request.GET['cargo']}" if contexto.get("cargo") else ""
    return respuesta_csv(f"conoceles-{contexto['proceso'].slug}-{grafica}{sufijo}.csv", encabezados, filas)
