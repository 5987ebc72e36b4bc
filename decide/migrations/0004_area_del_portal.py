from django.db import migrations, models


class Migration(migrations.Migration):
    """Las visitas se cuentan por área del portal (`area`, antes `seccion`, que se confundía con la
    sección electoral). Conserva los datos."""

    dependencies = [
        ("decide", "0003_enlaces_solo_https"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="visitadiaria", name="una_cuenta_por_dia_y_seccion"),
        migrations.RenameField(model_name="visitadiaria", old_name="seccion", new_name="area"),
        migrations.AddConstraint(
            model_name="visitadiaria",
            constraint=models.UniqueConstraint(fields=("fecha", "area"), name="una_cuenta_por_dia_y_area"),
        ),
        migrations.AlterModelOptions(
            name="visitadiaria",
            options={"ordering": ["-fecha", "area"], "verbose_name": "visitas de un día", "verbose_name_plural": "visitas por día"},
        ),
        migrations.AlterField(
            model_name="visitadiaria",
            name="area",
            field=models.CharField(choices=[('inicio', 'Inicio'), ('conoceles', 'Conóceles'), ('mi_seccion', 'Mi sección'), ('candidaturas', 'Candidaturas'), ('plataformas', 'Plataformas'), ('atribuciones', 'Atribuciones'), ('quita_dudas', 'Quita dudas'), ('recursos', 'Videos e infografías'), ('enlaces', 'Enlaces'), ('estadisticas', 'Estadísticas'), ('procesos', 'Procesos anteriores'), ('otras', 'Otras páginas')], max_length=20, verbose_name='área del portal'),
        ),
    ]
