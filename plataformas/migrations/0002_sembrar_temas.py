from django.db import migrations
from django.utils.text import slugify

TEMAS = [
    "Seguridad y justicia",
    "Economía y empleo",
    "Educación",
    "Salud",
    "Medio ambiente y agua",
    "Igualdad de género",
    "Combate a la corrupción",
    "Movilidad y transporte",
    "Servicios públicos",
    "Desarrollo social",
    "Campo",
    "Cultura y deporte",
    "Gobierno abierto y participación",
    "Otros temas",
]


def sembrar(apps, schema_editor):
    Tema = apps.get_model("plataformas", "Tema")
    for orden, nombre in enumerate(TEMAS, start=1):
        Tema.objects.get_or_create(slug=slugify(nombre), defaults={"nombre": nombre, "orden": orden * 10})


class Migration(migrations.Migration):
    dependencies = [("plataformas", "0001_plataformas_propuestas_bloques")]

    operations = [migrations.RunPython(sembrar, migrations.RunPython.noop)]
