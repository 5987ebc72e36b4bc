from django.db import migrations

MODELOS = ("cuentadecaptura", "candidaturaparainvitar")


def mover(apps, desde, hacia):
    """Pasa los tipos de contenido (y con ellos sus permisos y lo que los grupos tienen asignado) de
    la app `desde` a la app `hacia`. Si `hacia` ya tuviera el suyo, se le pasan las asignaciones."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for modelo in MODELOS:
        viejo = ContentType.objects.filter(app_label=desde, model=modelo).first()
        if viejo is None:
            continue
        nuevo = ContentType.objects.filter(app_label=hacia, model=modelo).first()
        if nuevo is None:
            viejo.app_label = hacia
            viejo.save(update_fields=["app_label"])
            continue
        for permiso in Permission.objects.filter(content_type=viejo):
            destino = Permission.objects.filter(content_type=nuevo, codename=permiso.codename).first()
            if destino is None:
                permiso.content_type = nuevo
                permiso.save(update_fields=["content_type"])
            else:
                destino.group_set.add(*permiso.group_set.all())
                destino.user_set.add(*permiso.user_set.all())
                permiso.delete()
        viejo.delete()
    ContentType.objects.clear_cache()


def adelante(apps, schema_editor):
    mover(apps, "cuestionarios", "cuentas")


def atras(apps, schema_editor):
    mover(apps, "cuentas", "cuestionarios")


class Migration(migrations.Migration):
    """Los permisos `*_cuentadecaptura` y `*_candidaturaparainvitar` que usan los grupos pasan de
    `cuestionarios` a `cuentas` (mismas filas de permiso: los grupos no pierden nada)."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cuentas", "0001_inicial"),
        ("cuestionarios", "0004_cuentas_pasan_a_la_app_cuentas"),
    ]

    operations = [migrations.RunPython(adelante, atras)]
