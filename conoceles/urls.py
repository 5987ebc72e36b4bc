from django.urls import path

from conoceles import views, views_datos, views_estadisticas

app_name = "conoceles"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("comparar/", views.comparar, name="comparar"),
    path("<int:pk>/", views.perfil, name="perfil"),
    path("estadisticas/", views_estadisticas.estadisticas, name="estadisticas"),
    path("estadisticas/<slug:grafica>.csv", views_estadisticas.estadisticas_csv, name="estadisticas_csv"),
    path("datos/", views_datos.datos, name="datos"),
    path("datos/conoceles.xlsx", views_datos.datos_xlsx, name="datos_xlsx"),
    path("datos/<slug:hoja>.csv", views_datos.datos_csv, name="datos_csv"),
]
