"""Cuestionario de identidad (C4): formulario construido del catálogo de preguntas y opciones."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cuestionarios.forms.curricular import normalizar_texto


class IdentidadForm(forms.Form):
    """Formulario construido del catálogo en la base de datos (Pregunta, Opcion).

    Campos: `p<n>` (la respuesta), `p<n>_sub_<clave>` (subopciones de una opción) y `p<n>_texto`
    (especificación de «Otra»). Las preguntas condicionadas que no aplican se descartan al validar.
    """

    def __init__(self, *args, preguntas, completo=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.preguntas = preguntas
        self.completo = completo
        self.bloques = []
        for pregunta in preguntas:
            principales = [o for o in pregunta.opciones.all() if o.padre_id is None]
            opciones = [(o.clave, o.texto) for o in principales]
            nombre = f"p{pregunta.numero}"
            ayuda = ""
            if pregunta.depende_de_id:
                ayuda = _("Responde sólo si en la pregunta %(numero)s contestaste «%(opcion)s».") % {
                    "numero": pregunta.depende_de.numero,
                    "opcion": pregunta.opcion_que_habilita.texto,
                }
            if pregunta.tipo == pregunta.Tipo.VARIAS:
                campo = forms.MultipleChoiceField(
                    choices=opciones, widget=forms.CheckboxSelectMultiple, required=False
                )
                ayuda = f"{ayuda} {_('Puedes elegir varias.')}".strip()
            else:
                campo = forms.ChoiceField(choices=opciones, widget=forms.RadioSelect, required=False)
            campo.label = f"{pregunta.numero}. {pregunta.texto.strip()}"
            campo.help_text = ayuda
            self.fields[nombre] = campo
            bloque = {
                "nombre": nombre,
                "pregunta": pregunta,
                "depende": f"p{pregunta.depende_de.numero}" if pregunta.depende_de_id else "",
                "habilita": pregunta.opcion_que_habilita.clave if pregunta.opcion_que_habilita_id else "",
                "extras": [],
            }
            for opcion in principales:
                subopciones = [o for o in pregunta.opciones.all() if o.padre_id == opcion.pk]
                if subopciones:
                    subnombre = f"{nombre}_sub_{opcion.clave}"
                    clase = (
                        forms.MultipleChoiceField
                        if pregunta.tipo == pregunta.Tipo.VARIAS
                        else forms.ChoiceField
                    )
                    widget = (
                        forms.CheckboxSelectMultiple
                        if pregunta.tipo == pregunta.Tipo.VARIAS
                        else forms.RadioSelect
                    )
                    self.fields[subnombre] = clase(
                        choices=[(o.clave, o.texto) for o in subopciones],
                        widget=widget,
                        required=False,
                        label=_("Si elegiste «%(opcion)s»: ¿cuál?") % {"opcion": opcion.texto},
                    )
                    bloque["extras"].append({"nombre": subnombre, "habilita": opcion.clave})
                if opcion.pide_texto:
                    textonombre = f"{nombre}_texto"
                    self.fields[textonombre] = forms.CharField(
                        max_length=120,
                        required=False,
                        label=_("Si elegiste «%(opcion)s», especifica:") % {"opcion": opcion.texto},
                    )
                    bloque["extras"].append({"nombre": textonombre, "habilita": opcion.clave})
            self.bloques.append(bloque)

    def preguntas_para_pintar(self):
        """Cada pregunta con su campo y sus campos extra ya enlazados, para la plantilla."""
        return [
            {
                **bloque,
                "campo": self[bloque["nombre"]],
                "extras": [{**extra, "campo": self[extra["nombre"]]} for extra in bloque["extras"]],
            }
            for bloque in self.bloques
        ]

    @staticmethod
    def iniciales(respuestas):
        """Valores iniciales a partir de las respuestas guardadas."""
        datos = {}
        for r in respuestas:
            nombre = f"p{r.pregunta.numero}"
            opcion = r.opcion
            if opcion.padre_id:
                clave = f"{nombre}_sub_{opcion.padre.clave}"
                valor = opcion.clave
            else:
                clave, valor = nombre, opcion.clave
                if r.texto:
                    datos[f"{nombre}_texto"] = r.texto
            if r.pregunta.tipo == r.pregunta.Tipo.VARIAS:
                datos.setdefault(clave, []).append(valor)
            else:
                datos[clave] = valor
        return datos

    def _elegidas(self, datos, nombre):
        valor = datos.get(nombre)
        if not valor:
            return []
        return list(valor) if isinstance(valor, list | tuple) else [valor]

    def clean(self):
        datos = super().clean()
        self.respuestas = []
        aplicables = set()
        for pregunta in self.preguntas:
            nombre = f"p{pregunta.numero}"
            if pregunta.depende_de_id:
                puerta = self._elegidas(datos, f"p{pregunta.depende_de.numero}")
                if f"p{pregunta.depende_de.numero}" not in aplicables or (
                    pregunta.opcion_que_habilita.clave not in puerta
                ):
                    # No aplica: lo que haya llegado se descarta.
                    for extra in [nombre] + [k for k in datos if k.startswith(f"{nombre}_")]:
                        datos[extra] = [] if pregunta.tipo == pregunta.Tipo.VARIAS else ""
                    continue
            aplicables.add(nombre)
            elegidas = self._elegidas(datos, nombre)
            opciones = {o.clave: o for o in pregunta.opciones.all()}
            if not elegidas:
                if self.completo:
                    self.add_error(
                        nombre,
                        ValidationError(
                            _("Elige una respuesta; puedes elegir «Prefiero no contestar»."), code="required"
                        ),
                    )
                continue
            if len(elegidas) > 1 and any(opciones[c].es_no_contesto for c in elegidas):
                self.add_error(
                    nombre,
                    ValidationError(
                        _("«Prefiero no contestar» no se combina con otras opciones."), code="exclusiva"
                    ),
                )
                continue
            for clave in elegidas:
                opcion = opciones[clave]
                texto = ""
                if opcion.pide_texto:
                    texto = normalizar_texto(datos.get(f"{nombre}_texto"))
                    if not texto and self.completo:
                        self.add_error(
                            f"{nombre}_texto",
                            ValidationError(
                                _("Especifica tu respuesta o elige otra opción."), code="required"
                            ),
                        )
                self.respuestas.append((pregunta, opcion, texto))
                for subclave in self._elegidas(datos, f"{nombre}_sub_{clave}"):
                    self.respuestas.append((pregunta, opciones[subclave], ""))
            # Subopciones de opciones no elegidas: se descartan.
            for opcion in opciones.values():
                if opcion.padre_id is None and opcion.clave not in elegidas:
                    datos.pop(f"{nombre}_sub_{opcion.clave}", None)
        return datos
