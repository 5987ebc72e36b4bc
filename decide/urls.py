from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from candidaturas import views as candidaturas_views
from decide import views as decide_views
from decide.api.documentacion import documentacion as api_documentacion
from decide.api.http import no_encontrada as api_no_encontrada
from decide.api.vistas import api
from decide.sitemaps import SITEMAPS
from participacion import urls_plataformas
from plataformas import urls as urls_de_plataformas

# El acceso al admin pasa por allauth: mismos límites de intentos y MFA que el resto.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Decide IEEM · Administración")
admin.site.site_title = _("Decide IEEM")
admin.site.index_title = _("Administración del portal")

urlpatterns = [
    path("", include("decide.urls_portal")),
    path("candidaturas/", include("candidaturas.urls")),
    path("procesos/", candidaturas_views.procesos, name="procesos"),
    # `plataformas` no sabe de participación: las páginas con reacciones y comentarios son de
    # `participacion`, bajo la misma dirección y el mismo espacio de nombres.
    path(
        "plataformas/",
        include((urls_de_plataformas.urlpatterns + urls_plataformas.urlpatterns, "plataformas")),
    ),
    path("participacion/", include("participacion.urls")),
    path("conoceles/", include("conoceles.urls")),
    path("captura/", include("cuestionarios.urls")),
    path("cuentas/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # API de sólo lectura (docs/api.md). Lo que no es un recurso responde 404 en JSON.
    path("api/v1/docs/", api_documentacion, name="api_documentacion"),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_no_encontrada),
    path(
        "sitemap.xml",
        sitemaps_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_seccion"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_seccion",
    ),
    path("robots.txt", decide_views.robots, name="robots"),
]

if settings.DEBUG:
    # En desarrollo (make run) Django sirve las fotos e imágenes subidas; en producción, el proxy.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "decide.views.solicitud_incorrecta"
handler403 = "decide.views.prohibido"
handler404 = "decide.views.no_encontrada"
handler500 = "decide.views.error_del_servidor"
