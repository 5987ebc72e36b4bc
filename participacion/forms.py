import functools
import re

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from comun.texto import normalizar
from participacion.cliente import leer_marca, marca_de_tiempo
from participacion.models import Comentario, Valor

LARGO_MINIMO = 10
LARGO_MAXIMO = 1500
SEGUNDOS_MAXIMOS = 60 * 60 * 24
_ENLACE = re.compile(r"(https?://|www\.|\b[\w-]+\.(com|mx|net|org|info|xyz|ru|ly|io)\b)", re.IGNORECASE)
_REPETIDO = re.compile(r"(.)\1{11,}")


class ReaccionForm(forms.Form):
    valor = forms.ChoiceField(
        choices=[*Valor.choices, ("retirar", _("Retirar mi reacción"))],
        error_messages={
            "invalid_choice": _("Elige Me gusta o No me gusta."),
            "required": _("Elige una reacción."),
        },
    )

    def valor_elegido(self):
        """El valor a guardar, o `None` para retirar la reacción."""
        valor = self.cleaned_data["valor"]
        return None if valor == "retirar" else valor


class ComentarioForm(forms.Form):
    """Idea, propuesta o comentario. Además de los límites de largo, lleva dos trampas para robots:
    un campo que las personas no ven (`sitio_web`) y la hora firmada en que se mostró (`marca`), que
    sirve una sola vez. La marca no va en el HTML en caché: la pone la vista que muestra el
    formulario (`con_marca=True`) o `static/js/reacciones.js` con la de la petición de estado."""

    texto = forms.CharField(
        label=_("Tu idea, propuesta o comentario"),
        min_length=LARGO_MINIMO,
        max_length=LARGO_MAXIMO,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": LARGO_MAXIMO}),
        help_text=_("Entre 10 y 1,500 caracteres. No escribas datos personales: se publica tal cual."),
        error_messages={
            "required": _("Escribe tu comentario."),
            "min_length": _("Escribe al menos 10 caracteres."),
            "max_length": _("Tu comentario tiene %(show_value)d caracteres; el máximo es %(limit_value)d."),
        },
    )
    nombre = forms.CharField(
        label=_("Nombre con el que quieres firmar"),
        required=False,
        max_length=60,
        help_text=_("Opcional. Puede ser un seudónimo; se publica junto a tu comentario."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    sitio_web = forms.CharField(
        label=_("Deja este campo vacío"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    marca = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, con_marca=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.numero_marca = None
        if con_marca and not self.is_bound:
            self.initial["marca"] = marca_de_tiempo()

    def clean_texto(self):
        texto = self.cleaned_data["texto"].strip()
        if len(_ENLACE.findall(texto)) > 2:
            raise forms.ValidationError(
                _("Tu comentario tiene demasiados enlaces. Escribe tu idea con tus palabras."), code="enlaces"
            )
        if _REPETIDO.search(texto):
            raise forms.ValidationError(
                _("Tu comentario repite muchas veces el mismo carácter."), code="repetido"
            )
        return texto

    def clean_nombre(self):
        nombre = " ".join(self.cleaned_data["nombre"].split())
        if _ENLACE.search(nombre):
            raise forms.ValidationError(_("El nombre no puede llevar enlaces."), code="enlace_en_nombre")
        return nombre

    def clean(self):
        datos = super().clean()
        leida = leer_marca(datos.get("marca") or "")
        segundos, numero = leida if leida is not None else (None, None)
        # La marca viaja oculta: si caducó, no es válida o ya se usó, se renueva para el siguiente envío.
        if segundos is None or segundos > SEGUNDOS_MAXIMOS:
            self._renovar_marca()
            raise forms.ValidationError(
                _("El formulario caducó. Revisa tu comentario y envíalo de nuevo."), code="caducado"
            )
        if segundos < settings.PARTICIPACION_SEGUNDOS_MINIMOS:
            self._renovar_marca()
            raise forms.ValidationError(
                _("Lo enviaste demasiado rápido. Revisa tu comentario y envíalo de nuevo."), code="muy_rapido"
            )
        if Comentario.objects.filter(marca=numero).exists():
            self._renovar_marca()
            raise forms.ValidationError(
                _("Este formulario ya se envió una vez. Para mandar otro comentario, envíalo de nuevo."),
                code="marca_usada",
            )
        self.numero_marca = numero
        return datos

    def _renovar_marca(self):
        self.data = self.data.copy()
        self.data["marca"] = marca_de_tiempo()

    @property
    def es_robot(self):
        """Llenó el campo que las personas no ven."""
        return bool(self.data.get("sitio_web", "").strip())

    def motivo_de_revision(self):
        """Por qué este comentario no debe publicarse solo, aunque la moderación sea posterior."""
        texto = self.cleaned_data["texto"]
        if _ENLACE.search(texto):
            return str(_("Contiene enlaces."))
        letras = sum(c.isalpha() for c in texto)
        if letras < len(texto) * 0.5:
            return str(_("Tiene pocas letras."))
        if len(texto) > 40 and texto.upper() == texto and normalizar(texto) != texto:
            return str(_("Está escrito todo en mayúsculas."))
        return ""


_OBJETIVO = "objetivo-por-poner"


@functools.cache
def _controles_con_marcador():
    return render_to_string(
        "participacion/_comentario_controles.html", {"form": ComentarioForm(auto_id=f"{_OBJETIVO}-%s")}
    )


class ComentarioEnCache:
    """Un `ComentarioForm` vacío ya pintado, para las páginas en caché (sin marca ni token CSRF).

    Es el mismo HTML en cada página salvo los `id` de cada propuesta, así que se pinta una vez por
    proceso de gunicorn: en un perfil con tres propuestas, pintar tres veces los campos costaba ~16 ms
    de plantillas (docs/rendimiento.md). `participacion/_comentario_campos.html` lo acepta como `form`."""

    def __init__(self, clave):
        self.controles = mark_safe(_controles_con_marcador().replace(_OBJETIVO, clave))

    def non_field_errors(self):
        return []
