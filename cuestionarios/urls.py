from django.urls import path

from cuestionarios import views

app_name = "cuestionarios"

urlpatterns = [
    path("", views.tablero, name="tablero"),
    path("partido/<int:pk>/", views.partido_captura, name="partido_captura"),
    path("partido/<int:pk>/validar/", views.partido_validar, name="partido_validar"),
    path("partido/<int:pk>/devolver/", views.partido_devolver, name="partido_devolver"),
    path("<slug:proceso>/aviso/", views.aviso, name="aviso"),
    path("<slug:proceso>/curricular/", views.curricular, name="curricular"),
    path("<slug:proceso>/foto/", views.foto, name="foto"),
    path("<slug:proceso>/identidad/", views.identidad, name="identidad"),
    path("<slug:proceso>/vista-previa/", views.vista_previa, name="vista_previa"),
    path("<slug:proceso>/enviar/", views.enviar, name="enviar"),
]
