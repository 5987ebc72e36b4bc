from django.db import migrations


class Migration(migrations.Migration):
    """`CuentaDeCaptura` y `CandidaturaParaInvitar` ahora son de la app `cuentas`
    (`cuentas.0001_inicial`). Sólo se quitan del estado: la tabla y sus filas se quedan."""

    dependencies = [
        ("cuestionarios", "0003_parte_del_cuestionario"),
        ("cuentas", "0001_inicial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="CuentaDeCaptura"),
                migrations.DeleteModel(name="CandidaturaParaInvitar"),
            ],
            database_operations=[],
        ),
    ]
