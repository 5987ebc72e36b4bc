"""Mixins del admin que usan varias apps. No registra ningún modelo."""

from comun.texto import normalizar


class BusquedaSinAcentosMixin:
    """Normaliza el texto buscado igual que las columnas `*_normalizado` ("Pérez" = "perez")."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalizar(search_term))


class SoloLecturaMixin:
    """Para lo que en el admin sólo se consulta: la geografía (la carga `cargar_geografia`), las
    bitácoras, los consentimientos y las visitas (los escriben sus propios flujos)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
