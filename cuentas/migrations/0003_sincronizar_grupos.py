from django.db import migrations

from cuentas import roles


def sincronizar(apps, schema_editor):
    roles.asegurar_permisos(apps)
    roles.sincronizar_grupos(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    """Deja los grupos como dice `cuentas/roles.py` (idempotente). Los grupos los creó antes
    `cuestionarios.0002`, que se queda como historia."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("candidaturas", "0003_nombres_claros"),
        ("cuentas", "0002_tipos_de_contenido_desde_cuestionarios"),
        ("cuestionarios", "0004_cuentas_pasan_a_la_app_cuentas"),
    ]

    operations = [migrations.RunPython(sincronizar, migrations.RunPython.noop)]
