from django.urls import path

from plataformas import views

app_name = "plataformas"

urlpatterns = [
    path("", views.lista, name="lista"),
    path("propuesta/<int:pk>/", views.propuesta, name="propuesta"),
    path("temas/<slug:slug>/", views.tema, name="tema"),
    path("bloques/<slug:actor>/", views.bloques, name="bloques"),
    path("<slug:proceso>/<slug:actor>/<slug:tipo>/", views.detalle, name="detalle"),
]
