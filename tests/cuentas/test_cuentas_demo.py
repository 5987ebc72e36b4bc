import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from candidaturas.models import Candidatura
from tests.candidaturas.factories import CandidaturaFactory, EleccionFactory, ProcesoElectoralFactory


@pytest.mark.django_db
def test_crea_cuentas_de_demostracion_con_las_que_se_puede_entrar(client, capsys):
    proceso = ProcesoElectoralFactory(es_demostracion=True)
    candidatura = CandidaturaFactory(
        eleccion=EleccionFactory(proceso=proceso, ayuntamiento=True),
        cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL,
    )

    call_command("crear_cuentas_demo", contrasena="Demo-Decide-2027")
    respuesta = client.post(
        reverse("account_login"), {"login": candidatura.persona.correo, "password": "Demo-Decide-2027"}
    )

    assert candidatura.persona.correo in capsys.readouterr().out
    assert respuesta.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_sin_proceso_de_demostracion_no_crea_nada():
    CandidaturaFactory(cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL)

    with pytest.raises(CommandError, match="No hay un proceso de demostración"):
        call_command("crear_cuentas_demo", contrasena="Demo-Decide-2027")
