"""Los datos de `make run` para el recorrido por roles, cargados una vez por módulo de pruebas.

Se cargan dentro de una transacción que se deshace al terminar el módulo: las demás pruebas (que
parten de una base vacía) nunca los ven. Cada prueba del recorrido corre, además, en su propio
punto de guardado (la fixture `db`), así que lo que escribe un rol (sesiones, visitas) no lo ve otro.
"""

import io
import re
import time
from dataclasses import dataclass, field

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings

from candidaturas.demo import SLUG_ORDINARIO
from candidaturas.models import ActorPolitico, Candidatura, ProcesoElectoral, TrabajoEnSegundoPlano
from cuentas import services
from cuentas.roles import GRUPO_PERSONAL
from cuestionarios.models import CuestionarioCurricular

# Los mismos comandos que `make run` (Makefile), en el mismo orden.
COMANDOS_DE_MAKE_RUN = [
    "cargar_geografia",
    "generar_demo",
    "generar_demo_cuestionarios",
    "generar_demo_plataformas",
    "generar_demo_participacion",
    "generar_demo_recursos",
]
SECRETO_TOTP = "JBSWY3DPEHPK3PXP"
PRESIDENCIA = Candidatura.Cargo.PRESIDENCIA_MUNICIPAL


@dataclass
class Rol:
    nombre: str
    usuario: object  # None para la ciudadanía anónima
    inicio: str
    # Páginas propias de este rol que los demás no deben ver (403, 404 o redirección al acceso).
    propias: list = field(default_factory=list)
    # Otros roles que también pueden ver esas páginas (p. ej. administración ve las del personal).
    tambien_para: set = field(default_factory=set)


def _cargar_datos_de_make_run():
    for comando in COMANDOS_DE_MAKE_RUN:
        call_command(comando, stdout=io.StringIO())


def _con_segundo_factor(usuario):
    Authenticator.objects.create(user=usuario, type=Authenticator.Type.TOTP, data={"secret": SECRETO_TOTP})
    return usuario


def _cuenta_de_persona(candidatura):
    cuenta = services.crear_cuentas_de_personas(Candidatura.objects.filter(pk=candidatura.pk))["creadas"][0]
    return cuenta.usuario


def _paginas_de_captura(proceso):
    return [
        f"/captura/{proceso.slug}/{pagina}/"
        for pagina in ("aviso", "curricular", "identidad", "vista-previa")
    ]


def _roles():
    ordinario = ProcesoElectoral.objects.get(slug=SLUG_ORDINARIO)
    vigentes = Candidatura.objects.vigentes().filter(eleccion__proceso=ordinario)
    publicados = CuestionarioCurricular.objects.publicados().filter(
        proceso=ordinario, persona__consentimientos__autoriza_tratamiento=True
    )

    # Una persona que encabeza una planilla (una sola candidatura) con su cuestionario publicado.
    una_sola = (
        vigentes.filter(
            persona__in=publicados.values("persona"), cargo=Candidatura.Cargo.PRESIDENCIA_MUNICIPAL
        )
        .order_by("pk")
        .first()
    )
    # La persona que la demostración postula por mayoría relativa y en la lista de RP.
    dobles = vigentes.values("persona").annotate(cuantas=Count("pk")).filter(cuantas__gt=1)
    assert dobles, "La demostración debe tener una persona con dos candidaturas en un proceso"
    doble = vigentes.filter(persona=dobles[0]["persona"]).order_by("pk").first()

    usuarios = {
        "candidata": _cuenta_de_persona(una_sola),
        "candidata con dos candidaturas": _cuenta_de_persona(doble),
    }
    partidos = [ActorPolitico.objects.get(slug=s) for s in ("pan", "morena")]
    for partido in partidos:
        cuenta = services.crear_cuenta_de_representacion(
            actor=partido, correo=f"representacion-{partido.slug}@recorrido.invalid"
        )
        usuarios[f"representación {partido.siglas}"] = cuenta.usuario

    Usuario = get_user_model()
    revisor = Usuario.objects.create_user("revisor", "revisor@ieem.invalid", is_staff=True)
    revisor.groups.add(Group.objects.get(name=GRUPO_PERSONAL))
    administracion = Usuario.objects.create_superuser("administracion", "admin@ieem.invalid")
    usuarios["personal revisor"] = _con_segundo_factor(revisor)
    usuarios["administración"] = _con_segundo_factor(administracion)

    def cuestionario_de(partido):
        return (
            CuestionarioCurricular.objects.filter(
                proceso=ordinario,
                persona__candidaturas__actor=partido,
                persona__candidaturas__estado=Candidatura.Estado.REGISTRADA,
            )
            .order_by("pk")
            .first()
        )

    captura = _paginas_de_captura(ordinario)
    roles = [
        Rol("ciudadanía anónima", None, "/"),
        Rol("candidata", usuarios["candidata"], "/captura/", captura, {"candidata con dos candidaturas"}),
        Rol(
            "candidata con dos candidaturas",
            usuarios["candidata con dos candidaturas"],
            "/captura/",
            captura,
            {"candidata"},
        ),
    ]
    for partido in partidos:
        nombre = f"representación {partido.siglas}"
        propias = [
            f"/captura/partido/{cuestionario_de(partido).pk}/",
            f"/participacion/reportes/{ordinario.slug}/{partido.slug}.xlsx",
        ]
        roles.append(Rol(nombre, usuarios[nombre], "/captura/", propias, {"administración"}))
    # Un trabajo en segundo plano del personal revisor (una publicación masiva ya terminada): su página
    # de avance es sólo suya y de quien tenga el permiso (administración).
    trabajo = TrabajoEnSegundoPlano.objects.create(
        tipo="cuestionarios_publicar",
        titulo="Publicar 60 cuestionarios",
        usuario=usuarios["personal revisor"],
        permiso="cuestionarios.publicar_cuestionario",
        estado=TrabajoEnSegundoPlano.Estado.TERMINADO,
        total=60,
        procesados=60,
        resultado={"mensajes": [{"nivel": "success", "texto": "60 cuestionarios publicados."}]},
    )
    roles += [
        Rol(
            "personal revisor",
            usuarios["personal revisor"],
            "/admin/",
            [
                "/admin/",
                "/admin/cuestionarios/cuestionariocurricular/",
                f"/admin/cuestionarios/cuestionariocurricular/{cuestionario_de(partidos[0]).pk}/change/",
                f"/admin/candidaturas/trabajoensegundoplano/{trabajo.pk}/avance/",
            ],
            {"administración"},
        ),
        Rol(
            "administración",
            usuarios["administración"],
            "/admin/",
            [
                "/admin/auth/user/",
                "/admin/candidaturas/candidatura/add/",
                "/admin/participacion/comentario/",
                "/admin/decide/recurso/add/",
            ],
        ),
    ]
    return {rol.nombre: rol for rol in roles}


@pytest.fixture(scope="module")
def datos_de_make_run(django_db_setup, django_db_blocker, tmp_path_factory):
    """Carga los datos de `make run` y arma los roles; todo se deshace al terminar el módulo. Las
    imágenes que crea (infografías de demostración) van a una carpeta temporal, nunca a media/."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        transaccion = transaction.atomic()
        transaccion.__enter__()
        try:
            inicio = time.perf_counter()
            _cargar_datos_de_make_run()
            roles = _roles()
            segundos = time.perf_counter() - inicio
            yield roles, segundos
        finally:
            transaction.set_rollback(True)
            transaccion.__exit__(None, None, None)


def pytest_terminal_summary(terminalreporter):
    """Las cifras de cada rol al final de la corrida (también con -n: viajan en `user_properties`)."""
    lineas = [
        valor
        for reportes in terminalreporter.stats.values()
        for reporte in reportes
        for clave, valor in getattr(reporte, "user_properties", ())
        if clave == "recorrido" and getattr(reporte, "when", "") == "call"
    ]
    if lineas:
        terminalreporter.section("Recorrido por roles")
        for linea in sorted(lineas, key=lambda t: re.sub(r"^\S+ ", "", t)):
            terminalreporter.write_line(linea)
