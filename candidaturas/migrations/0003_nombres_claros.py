from django.db import migrations, models


class Migration(migrations.Migration):
    """Nombres que dicen lo que son: `SeccionElectoral` (había otras dos clases `Seccion`) y
    `ProcesoElectoral.predeterminado` (antes `activo`, que no quería decir «en curso»). Conserva los datos."""

    dependencies = [
        ("candidaturas", "0002_mensaje_lugar_ocupado"),
    ]

    operations = [
        migrations.RenameModel(old_name="Seccion", new_name="SeccionElectoral"),
        migrations.RemoveConstraint(model_name="procesoelectoral", name="un_solo_proceso_predeterminado"),
        migrations.RenameField(model_name="procesoelectoral", old_name="activo", new_name="predeterminado"),
        migrations.AddConstraint(
            model_name="procesoelectoral",
            constraint=models.UniqueConstraint(
                condition=models.Q(("predeterminado", True)),
                fields=("predeterminado",),
                name="un_solo_proceso_predeterminado",
            ),
        ),
    ]
