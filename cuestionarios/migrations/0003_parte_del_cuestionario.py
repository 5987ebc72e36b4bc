from django.db import migrations, models


class Migration(migrations.Migration):
    """Una observación se refiere a una parte del cuestionario (`parte`, antes `seccion`). Conserva los datos."""

    dependencies = [
        ("cuestionarios", "0002_catalogo_identidad_grupos_y_aviso"),
    ]

    operations = [
        migrations.RenameField(model_name="observacion", old_name="seccion", new_name="parte"),
        migrations.AlterModelOptions(
            name="observacion",
            options={"ordering": ["parte", "id"], "verbose_name": "observación", "verbose_name_plural": "observaciones"},
        ),
        migrations.AlterField(
            model_name="observacion",
            name="parte",
            field=models.CharField(choices=[('foto', 'Fotografía'), ('contacto', 'Medios de contacto'), ('formacion', 'Formación académica'), ('historia', 'Historia profesional y/o laboral'), ('trayectoria', 'Trayectoria política y/o participación social'), ('motivacion', '¿Por qué quiero ocupar un cargo público?'), ('propuestas', 'Propuestas'), ('identidad', 'Cuestionario de identidad')], max_length=20, verbose_name='parte del cuestionario'),
        ),
    ]
