"""Rutas del portal (inicio, Mi sección y contenidos), con el espacio de nombres `decide`."""

from django.urls import path

from decide import views

app_name = "decide"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("mi-seccion/", views.mi_seccion, name="mi_seccion"),
    path("aviso-de-privacidad/", views.aviso_de_privacidad, name="aviso_de_privacidad"),
    path("salud/", views.salud, name="salud"),
]
