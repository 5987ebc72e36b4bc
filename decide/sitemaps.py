"""`/sitemap.xml` (django.contrib.sitemaps): cada página de contenido, cada contienda y cada perfil
público de Conóceles. Los perfiles y las contiendas salen de las mismas lecturas que el buscador y
el listado (candidaturas vigentes; contiendas con su enlace al listado)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from candidaturas.models import Candidatura, Eleccion
from plataformas.models import PlataformaElectoral

PAGINAS = [
    ("decide:inicio", 1.0),
    ("decide:mi_seccion", 0.8),
    ("conoceles:inicio", 0.9),
    ("candidaturas:lista", 0.8),
    ("plataformas:lista", 0.8),
    ("procesos", 0.5),
    ("decide:atribuciones", 0.6),
    ("decide:quita_dudas", 0.6),
    ("decide:recursos", 0.5),
    ("decide:enlaces", 0.4),
    ("decide:estadisticas", 0.4),
    ("conoceles:estadisticas", 0.6),
    ("conoceles:datos", 0.6),
    ("api_documentacion", 0.4),
    ("decide:accesibilidad", 0.3),
    ("decide:aviso_de_privacidad", 0.3),
]


class PaginasDeContenido(Sitemap):
    changefreq = "weekly"

    def items(self):
        return PAGINAS

    def location(self, item):
        return reverse(item[0])

    def priority(self, item):
        return item[1]


class Perfiles(Sitemap):
    """Un perfil por candidatura vigente (lo que muestra la búsqueda de Conóceles)."""

    changefreq = "daily"
    priority = 0.7
    limit = 10000

    def items(self):
        return (
            Candidatura.objects.vigentes()
            .filter(eleccion__proceso__archivado=False)
            .order_by("pk")
            .values_list("pk", "actualizada", named=True)
        )

    def location(self, item):
        return reverse("conoceles:perfil", args=[item.pk])

    def lastmod(self, item):
        return item.actualizada


class Contiendas(Sitemap):
    """Cada contienda, en el listado de fórmulas y planillas filtrado a ella."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Eleccion.objects.con_ambito().order_by("proceso_id", "pk")

    def location(self, item):
        return item.url_en_listado


class Plataformas(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return PlataformaElectoral.objects.publicadas().select_related("proceso", "actor").order_by("pk")

    def lastmod(self, item):
        return item.actualizada


SITEMAPS = {
    "paginas": PaginasDeContenido,
    "contiendas": Contiendas,
    "plataformas": Plataformas,
    "perfiles": Perfiles,
}
