from django.urls import path

from plataformas import views

app_name = "plataformas"

# Las páginas de una plataforma, una propuesta y un tema llevan participación: sus rutas están en
# `participacion.urls_plataformas`, y `decide/urls.py` junta ambas bajo `/plataformas/`.
urlpatterns = [
    path("", views.lista, name="lista"),
    path("bloques/<slug:actor>/", views.bloques, name="bloques"),
    path("<slug:proceso>/<slug:actor>/<slug:tipo>/documento.pdf", views.documento, name="documento"),
]
