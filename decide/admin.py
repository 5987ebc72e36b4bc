"""Administración del contenido del portal (P2, P3, P9, P10) y consulta de las visitas (P11)."""

from django import forms
from django.contrib import admin

from comun.admin import BusquedaSinAcentosMixin, SoloLecturaMixin
from comun.cache_publica import CONTENIDO, invalidar
from comun.imagenes import INFOGRAFIA, MINIATURA, procesar_imagen
from decide.models import Atribucion, EnlaceDeInteres, PreguntaFrecuente, Recurso, VisitaDiaria


class ContenidoPublicoAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    """Cada cambio del personal se ve de inmediato en las páginas de contenido guardadas en caché
    (atribuciones, Quita Dudas, recursos, enlaces y la portada); las de Conóceles siguen en caché."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        invalidar(CONTENIDO)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        invalidar(CONTENIDO)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        invalidar(CONTENIDO)


@admin.register(Atribucion)
class AtribucionAdmin(ContenidoPublicoAdmin):
    list_display = ["titulo", "cargo", "proceso", "orden", "publicada"]
    list_editable = ["orden", "publicada"]
    list_filter = ["cargo", "publicada", "proceso"]
    list_select_related = ["proceso"]
    search_fields = ["titulo", "resumen", "funciones"]


@admin.register(PreguntaFrecuente)
class PreguntaFrecuenteAdmin(ContenidoPublicoAdmin):
    list_display = ["pregunta", "categoria", "orden", "publicada"]
    list_editable = ["orden", "publicada"]
    list_filter = ["categoria", "publicada"]
    search_fields = ["pregunta", "respuesta"]
    fields = ["categoria", "pregunta", "respuesta", "slug", "orden", "publicada"]


class RecursoForm(forms.ModelForm):
    """Revisa y vuelve a codificar las imágenes antes de guardarlas (X3, subidas)."""

    class Meta:
        model = Recurso
        fields = [
            "tipo",
            "titulo",
            "resumen",
            "url_video",
            "duracion",
            "miniatura",
            "transcripcion",
            "imagen",
            "texto_alternativo",
            "descripcion_larga",
            "orden",
            "publicado",
        ]
        # FileField y no ImageField: así el único juicio sobre la imagen es el de procesar_imagen,
        # con sus mensajes claros, y no el genérico de Django.
        field_classes = {"miniatura": forms.FileField, "imagen": forms.FileField}
        widgets = {
            "miniatura": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
            "imagen": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
        }

    def _limpiar_imagen(self, campo, limites):
        archivo = self.cleaned_data.get(campo)
        # Sólo se procesa un archivo recién subido; el que ya estaba guardado se deja igual.
        if archivo and hasattr(archivo, "content_type"):
            return procesar_imagen(archivo, limites)
        return archivo

    def clean_miniatura(self):
        return self._limpiar_imagen("miniatura", MINIATURA)

    def clean_imagen(self):
        return self._limpiar_imagen("imagen", INFOGRAFIA)


@admin.register(Recurso)
class RecursoAdmin(ContenidoPublicoAdmin):
    form = RecursoForm
    list_display = ["titulo", "tipo", "orden", "publicado"]
    list_editable = ["orden", "publicado"]
    list_filter = ["tipo", "publicado"]
    search_fields = ["titulo", "resumen", "transcripcion", "descripcion_larga"]


@admin.register(EnlaceDeInteres)
class EnlaceDeInteresAdmin(ContenidoPublicoAdmin):
    list_display = ["titulo", "grupo", "url", "orden", "publicado"]
    list_editable = ["orden", "publicado"]
    list_filter = ["grupo", "publicado"]
    search_fields = ["titulo", "descripcion", "url"]


@admin.register(VisitaDiaria)
class VisitaDiariaAdmin(SoloLecturaMixin, admin.ModelAdmin):
    """Sólo consulta: los conteos los escribe el contador, nunca una persona."""

    list_display = ["fecha", "area", "cuenta"]
    list_filter = ["area"]
    date_hierarchy = "fecha"
