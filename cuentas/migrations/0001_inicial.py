"""`CuentaDeCaptura` y `CandidaturaParaInvitar` pasan de `cuestionarios` a `cuentas` sin tocar la base.

Sólo cambia el estado de las migraciones: la tabla sigue siendo `cuestionarios_cuentadecaptura` (la
creó `cuestionarios.0001_inicial`) y `cuestionarios.0004` quita los modelos de su estado después de
esta. Los tipos de contenido y sus permisos se mueven en `0002`.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("candidaturas", "0003_nombres_claros"),
        ("cuestionarios", "0003_parte_del_cuestionario"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CuentaDeCaptura",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "invitacion_enviada_en",
                            models.DateTimeField(blank=True, null=True, verbose_name="última invitación enviada"),
                        ),
                        ("creada_en", models.DateTimeField(auto_now_add=True, verbose_name="creada")),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="representaciones",
                                to="candidaturas.actorpolitico",
                                verbose_name="actor político que representa",
                            ),
                        ),
                        (
                            "persona",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="cuenta_de_captura",
                                to="candidaturas.persona",
                                verbose_name="persona candidata",
                            ),
                        ),
                        (
                            "usuario",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="cuenta_de_captura",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="usuario",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "cuenta de captura",
                        "verbose_name_plural": "cuentas de captura",
                        "db_table": "cuestionarios_cuentadecaptura",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("persona__isnull", False), ("actor__isnull", True)),
                                    models.Q(("persona__isnull", True), ("actor__isnull", False)),
                                    _connector="OR",
                                ),
                                name="cuenta_de_persona_o_de_actor",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="CandidaturaParaInvitar",
                    fields=[],
                    options={
                        "verbose_name": "candidatura por invitar",
                        "verbose_name_plural": "cuentas: crear e invitar desde candidaturas",
                        "proxy": True,
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=("candidaturas.candidatura",),
                ),
            ],
            database_operations=[],
        ),
    ]
