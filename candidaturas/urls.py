from django.urls import path

from candidaturas import views

app_name = "candidaturas"

urlpatterns = [
    path("", views.lista, name="lista"),
    path("descargar/<str:formato>/", views.descargar, name="descargar"),
]
