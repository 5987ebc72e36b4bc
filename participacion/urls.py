from django.urls import path

from participacion import views

app_name = "participacion"

urlpatterns = [
    path("estado/", views.estado, name="estado"),
    path("reglas/", views.reglas, name="reglas"),
    path("confirmar/reaccion/", views.confirmar_reaccion, name="confirmar_reaccion"),
    path("confirmar/comentario/", views.escribir_comentario, name="escribir_comentario"),
    path("confirmar/reporte/<int:pk>/", views.confirmar_reporte, name="confirmar_reporte"),
    path("reaccionar/", views.reaccionar_vista, name="reaccionar"),
    path("comentar/", views.comentar, name="comentar"),
    path("comentarios/<int:pk>/reportar/", views.reportar, name="reportar"),
    path("reportes/<slug:proceso>/<slug:actor>.xlsx", views.reporte_actor, name="reporte"),
    path("estadisticas/<slug:serie>.csv", views.estadisticas_csv, name="estadisticas_csv"),
]
