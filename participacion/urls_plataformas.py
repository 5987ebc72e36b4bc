"""Rutas de las páginas de plataformas con participación, en el espacio de nombres `plataformas:`
(las junta `decide/urls.py` con `plataformas.urls`)."""

from django.urls import path

from participacion import views_plataformas as views

urlpatterns = [
    path("propuesta/<int:pk>/", views.propuesta, name="propuesta"),
    path("temas/<slug:slug>/", views.tema, name="tema"),
    path("<slug:proceso>/<slug:actor>/<slug:tipo>/", views.detalle, name="detalle"),
]
