"""Cuestionario curricular (C3) y fotografía (C5): límites, redes y teléfono validados, y la foto
re-codificada sin metadatos."""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from comun.imagenes import FOTO, procesar_imagen
from cuestionarios.models import (
    MAXIMO_OTRA_FORMACION,
    MAXIMO_PROPUESTA,
    MAXIMO_REGISTROS_OTRA_FORMACION,
    MAXIMO_TEXTO_LARGO,
    MINIMO_TEXTO_LARGO,
    CuestionarioCurricular,
    GradoDeEstudios,
)

DOMINIOS_DE_REDES = {
    "facebook": ("facebook.com", "fb.com", "fb.me"),
    "x_twitter": ("x.com", "twitter.com"),
    "youtube": ("youtube.com", "youtu.be"),
    "instagram": ("instagram.com",),
    "tiktok": ("tiktok.com",),
}
TELEFONO = re.compile(r"^\+?[\d\s()-]+$")

LIMITES = {
    "historia_profesional": (MINIMO_TEXTO_LARGO, MAXIMO_TEXTO_LARGO),
    "trayectoria_politica": (MINIMO_TEXTO_LARGO, MAXIMO_TEXTO_LARGO),
    "por_que_quiero_el_cargo": (MINIMO_TEXTO_LARGO, MAXIMO_TEXTO_LARGO),
    "propuesta_1": (MINIMO_TEXTO_LARGO, MAXIMO_PROPUESTA),
    "propuesta_2": (MINIMO_TEXTO_LARGO, MAXIMO_PROPUESTA),
    "propuesta_genero": (MINIMO_TEXTO_LARGO, MAXIMO_PROPUESTA),
}
AYUDAS = {
    "historia_profesional": _("Experiencia, años y actividades realizadas."),
    "propuesta_1": _(
        "Describa la población objetivo, metas y plazos para su promoción como iniciativa de ley o "
        "política pública."
    ),
}


def normalizar_texto(valor):
    """Saltos de línea uniformes y sin espacios sobrantes al principio y al final."""
    return (valor or "").replace("\r\n", "\n").replace("\r", "\n").strip()


class CurricularForm(forms.ModelForm):
    """Valida la captura. `completo=False` (guardar borrador) sólo exige máximos y formatos;
    `completo=True` (enviar) exige además los obligatorios y los mínimos de la spec §4.2."""

    class Meta:
        model = CuestionarioCurricular
        fields = [
            "facebook",
            "x_twitter",
            "youtube",
            "instagram",
            "tiktok",
            "otra_red",
            "pagina_web",
            "correo_publico",
            "telefono_publico",
            "domicilio_campana",
            "grado_estudios",
            "estatus_estudios",
            "otra_formacion",
            "historia_profesional",
            "trayectoria_politica",
            "por_que_quiero_el_cargo",
            "propuesta_1",
            "propuesta_2",
            "propuesta_genero",
            "correo_aclaraciones",
        ]
        widgets = {
            "otra_formacion": forms.Textarea(attrs={"rows": 4}),
            "telefono_publico": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
        }

    def __init__(self, *args, completo=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.completo = completo
        for nombre in ("grado_estudios", "estatus_estudios"):
            # Sin la opción vacía «---------» de Django: una indicación legible.
            campo = self.fields[nombre]
            campo.choices = [("", _("Elige una opción"))] + [c for c in campo.choices if c[0] != ""]
        for nombre in ("facebook", "x_twitter", "youtube", "instagram", "tiktok", "otra_red", "pagina_web"):
            self.fields[nombre].assume_scheme = "https"
            self.fields[nombre].widget.attrs["placeholder"] = "https://"
        for nombre, (minimo, maximo) in LIMITES.items():
            campo = self.fields[nombre]
            campo.widget.attrs.update({"rows": 8, "data-minimo": minimo, "data-maximo": maximo})
            limite = _("Entre %(minimo)s y %(maximo)s caracteres, contando espacios.") % {
                "minimo": f"{minimo:,}",
                "maximo": f"{maximo:,}",
            }
            campo.help_text = f"{AYUDAS[nombre]} {limite}" if nombre in AYUDAS else limite
            campo.required = completo
        self.fields["otra_formacion"].widget.attrs["data-maximo-renglon"] = MAXIMO_OTRA_FORMACION
        self.fields["otra_formacion"].help_text = _(
            "Cursos, diplomados, seminarios, entre otros. Un registro por renglón, hasta %(registros)s "
            "registros de %(maximo)s caracteres cada uno."
        ) % {"registros": MAXIMO_REGISTROS_OTRA_FORMACION, "maximo": MAXIMO_OTRA_FORMACION}
        self.fields["grado_estudios"].required = completo
        self.fields["correo_aclaraciones"].help_text = _(
            "Este correo no se publica; lo usa el IEEM para aclaraciones."
        )
        self.fields["telefono_publico"].help_text = _("Diez dígitos; puede llevar lada internacional con +.")

    def _limpiar_texto_largo(self, nombre):
        valor = normalizar_texto(self.cleaned_data.get(nombre))
        minimo, maximo = LIMITES[nombre]
        if len(valor) > maximo:
            raise ValidationError(
                _("Escribe como máximo %(maximo)s caracteres; llevas %(actual)s."),
                code="max_length",
                params={"maximo": f"{maximo:,}", "actual": f"{len(valor):,}"},
            )
        if self.completo and len(valor) < minimo:
            raise ValidationError(
                _("Escribe al menos %(minimo)s caracteres; llevas %(actual)s."),
                code="min_length",
                params={"minimo": minimo, "actual": len(valor)},
            )
        return valor

    def clean_historia_profesional(self):
        return self._limpiar_texto_largo("historia_profesional")

    def clean_trayectoria_politica(self):
        return self._limpiar_texto_largo("trayectoria_politica")

    def clean_por_que_quiero_el_cargo(self):
        return self._limpiar_texto_largo("por_que_quiero_el_cargo")

    def clean_propuesta_1(self):
        return self._limpiar_texto_largo("propuesta_1")

    def clean_propuesta_2(self):
        return self._limpiar_texto_largo("propuesta_2")

    def clean_propuesta_genero(self):
        return self._limpiar_texto_largo("propuesta_genero")

    def clean_otra_formacion(self):
        renglones = [r.strip() for r in normalizar_texto(self.cleaned_data.get("otra_formacion")).split("\n")]
        renglones = [r for r in renglones if r]
        if len(renglones) > MAXIMO_REGISTROS_OTRA_FORMACION:
            raise ValidationError(
                _("Escribe como máximo %(maximo)s registros; llevas %(actual)s."),
                code="max_registros",
                params={"maximo": MAXIMO_REGISTROS_OTRA_FORMACION, "actual": len(renglones)},
            )
        for numero, renglon in enumerate(renglones, start=1):
            if len(renglon) > MAXIMO_OTRA_FORMACION:
                raise ValidationError(
                    _("El registro %(numero)s tiene %(actual)s caracteres; el máximo es %(maximo)s."),
                    code="max_length",
                    params={"numero": numero, "actual": len(renglon), "maximo": MAXIMO_OTRA_FORMACION},
                )
        return "\n".join(renglones)

    def clean_telefono_publico(self):
        valor = normalizar_texto(self.cleaned_data.get("telefono_publico"))
        if not valor:
            return ""
        digitos = re.sub(r"\D", "", valor)
        if not TELEFONO.match(valor) or not 10 <= len(digitos) <= 15:
            raise ValidationError(
                _("Escribe un teléfono de 10 dígitos (o hasta 15 con lada internacional)."), code="telefono"
            )
        return valor

    def clean_domicilio_campana(self):
        return normalizar_texto(self.cleaned_data.get("domicilio_campana"))

    def clean(self):
        datos = super().clean()
        for red, dominios in DOMINIOS_DE_REDES.items():
            url = datos.get(red)
            if url:
                host = (urlsplit(url).hostname or "").lower()
                if not any(host == d or host.endswith("." + d) for d in dominios):
                    self.add_error(
                        red,
                        ValidationError(
                            _("Esta dirección no es de %(red)s. Debe estar en %(dominio)s."),
                            code="dominio",
                            params={"red": self.fields[red].label, "dominio": dominios[0]},
                        ),
                    )
        if (
            self.completo
            and datos.get("grado_estudios")
            and datos["grado_estudios"] != GradoDeEstudios.SIN_ESTUDIOS
            and not datos.get("estatus_estudios")
        ):
            self.add_error(
                "estatus_estudios", ValidationError(_("El estatus es requerido."), code="required")
            )
        return datos


# --- Fotografía (C5) -------------------------------------------------------------------------------


class FotoForm(forms.Form):
    foto = forms.FileField(
        label=_("Fotografía"),
        help_text=_("JPG o PNG de hasta 700 KB, vertical (de retrato), de 200 a 3000 píxeles por lado."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png", "form": "formulario-curricular"}
        ),
        error_messages={"required": _("Elige una fotografía.")},
    )

    def clean_foto(self):
        # Mismo proceso que las imágenes del personal: contenido real, límites, sin metadatos.
        return procesar_imagen(self.cleaned_data["foto"], FOTO)
