"""Cuentas para probar la captura en local sobre el proceso de demostración.

Crea (o reutiliza) la cuenta de una persona candidata que aún no capturó y la de la representación
de su partido, les pone la contraseña dada y las imprime. Sólo toca personas de un proceso marcado
como demostración: nunca sirve para datos reales.
"""

from django.core.management.base import BaseCommand, CommandError

from candidaturas.models import Candidatura, ProcesoElectoral
from cuentas import services
from cuentas.models import CuentaDeCaptura


class Command(BaseCommand):
    help = "Crea una cuenta de persona candidata y una de partido en el proceso de demostración."

    def add_arguments(self, parser):
        parser.add_argument(
            "--contrasena", required=True, help="Contraseña para ambas cuentas (mín. 10 caracteres)."
        )

    def handle(self, *args, contrasena, **options):
        if len(contrasena) < 10:
            raise CommandError("La contraseña debe tener al menos 10 caracteres.")
        proceso = (
            ProcesoElectoral.objects.filter(es_demostracion=True, archivado=False).order_by("-anio").first()
        )
        if proceso is None:
            raise CommandError("No hay un proceso de demostración: corre antes `manage.py generar_demo`.")
        candidatura = (
            Candidatura.objects.vigentes()
            .del_proceso(proceso)
            .filter(
                numero=1,
                calidad=Candidatura.Calidad.PROPIETARIA,
                cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
            )
            # Sin importar `cuestionarios` (va después de `cuentas`): la relación inversa basta.
            .exclude(persona__cuestionarios_curriculares__proceso=proceso)
            .exclude(persona__correo="")
            .select_related("persona", "actor")
            .order_by("pk")
            .first()
        )
        if candidatura is None:
            raise CommandError("No quedan candidaturas de demostración sin capturar.")
        cuenta = CuentaDeCaptura.objects.filter(persona=candidatura.persona).first()
        if cuenta is None:
            cuenta = services.crear_cuentas_de_personas(Candidatura.objects.filter(pk=candidatura.pk))[
                "creadas"
            ][0]
        representacion = CuentaDeCaptura.objects.filter(actor=candidatura.actor).first()
        if representacion is None:
            representacion = services.crear_cuenta_de_representacion(
                actor=candidatura.actor, correo=f"representacion-{candidatura.actor.slug}@demo.invalid"
            )
        for usuario in (cuenta.usuario, representacion.usuario):
            usuario.set_password(contrasena)
            usuario.save(update_fields=["password"])
        self.stdout.write(
            f"Persona candidata: {cuenta.usuario.email} ({candidatura.persona}, {candidatura.eleccion})\n"
            f"Representación de {candidatura.actor.siglas}: {representacion.usuario.email}\n"
            "Entra en /cuentas/login/ con la contraseña que diste."
        )
