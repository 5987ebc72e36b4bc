from django.urls import path

from participacion import views

app_name = "participacion"

urlpatterns = [
    path("reaccionar/", views.reaccionar_vista, name="reaccionar"),
    path("comentar/", views.comentar, name="comentar"),
    path("comentarios/<int:pk>/reportar/", views.reportar, name="reportar"),
    path("reportes/<slug:proceso>/<slug:actor>.xlsx", views.reporte_actor, name="reporte"),
    path("estadisticas/<slug:serie>.csv", views.estadisticas_csv, name="estadisticas_csv"),
]
