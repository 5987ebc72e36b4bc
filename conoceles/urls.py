from django.urls import path

from conoceles import views_datos, views_estadisticas

app_name = "conoceles"

urlpatterns = [
    path("estadisticas/", views_estadisticas.estadisticas, name="estadisticas"),
    path("estadisticas/<slug:grafica>.csv", views_estadisticas.estadisticas_csv, name="estadisticas_csv"),
    path("datos/", views_datos.datos, name="datos"),
    path("datos/conoceles.xlsx", views_datos.datos_xlsx, name="datos_xlsx"),
    path("datos/<slug:hoja>.csv", views_datos.datos_csv, name="datos_csv"),
]
