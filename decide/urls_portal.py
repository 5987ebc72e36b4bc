"""Rutas del portal (inicio, Mi sección y contenidos), con el espacio de nombres `decide`."""

from django.urls import path

from decide import views

app_name = "decide"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("mi-seccion/", views.mi_seccion, name="mi_seccion"),
    path("aviso-de-privacidad/", views.aviso_de_privacidad, name="aviso_de_privacidad"),
    path("salud/", views.salud, name="salud"),
    path("accesibilidad/", views.accesibilidad, name="accesibilidad"),
    path("atribuciones/", views.atribuciones, name="atribuciones"),
    path("quita-dudas/", views.quita_dudas, name="quita_dudas"),
    path("recursos/", views.recursos, name="recursos"),
    path("enlaces/", views.enlaces, name="enlaces"),
    path("estadisticas/", views.estadisticas, name="estadisticas"),
    path("estadisticas/visitas.csv", views.estadisticas_visitas_csv, name="estadisticas_visitas_csv"),
]
