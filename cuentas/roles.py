"""Roles del portal: los grupos de usuarios y los permisos de cada uno, para todas las apps.

Es la única fuente de verdad: la migración de datos de `cuentas` (`0003_sincronizar_grupos`) llama a
`sincronizar_grupos` y deja los grupos exactamente así (idempotente). Si cambias algo aquí, agrega una
migración de datos nueva que vuelva a llamarla. Los permisos se nombran como (app, codename) con
cadenas: este módulo no importa ninguna app. Ver docs/cuentas.md.
"""

GRUPO_CANDIDATURA = "Candidatura"
GRUPO_REPRESENTACION = "Representación de partido"
GRUPO_PERSONAL = "Personal de captura y revisión"
GRUPO_ADMINISTRACION = "Administración"

PERMISOS_POR_GRUPO = {
    # Sin permisos de modelo: el acceso de las candidaturas y representaciones es por objeto
    # (su `CuentaDeCaptura`), no por permisos del admin.
    GRUPO_CANDIDATURA: [],
    GRUPO_REPRESENTACION: [],
    GRUPO_PERSONAL: [
        ("cuestionarios", "view_cuestionariocurricular"),
        ("cuestionarios", "revisar_cuestionario"),
        ("cuestionarios", "publicar_cuestionario"),
        ("cuestionarios", "view_cuestionarioidentidad"),
        ("cuestionarios", "view_respuestaidentidad"),
        ("cuestionarios", "view_transicion"),
        ("cuestionarios", "view_observacion"),
        ("cuestionarios", "add_observacion"),
        ("cuestionarios", "view_registrodecambio"),
        ("cuestionarios", "view_consentimiento"),
        ("cuestionarios", "view_eventodeconsentimiento"),
        ("cuestionarios", "view_plazodecaptura"),
        ("cuestionarios", "view_avisodeprivacidad"),
        ("cuestionarios", "view_pregunta"),
        ("cuestionarios", "view_opcion"),
        ("cuentas", "view_cuentadecaptura"),
        ("cuentas", "add_cuentadecaptura"),
        ("cuentas", "view_candidaturaparainvitar"),
        ("candidaturas", "view_candidatura"),
        ("candidaturas", "view_persona"),
        ("candidaturas", "view_actorpolitico"),
    ],
}

# Administración: todos los permisos de estas apps, más usuarios y grupos (sin borrarlos).
APPS_DE_ADMINISTRACION = ("candidaturas", "cuentas", "cuestionarios")
PERMISOS_EXTRA_ADMINISTRACION = [
    ("auth", "view_user"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_group"),
]

APPS_CON_PERMISOS = ("auth", *APPS_DE_ADMINISTRACION)
"""Apps cuyos permisos deben existir antes de sincronizar (ver `asegurar_permisos`)."""


def asegurar_permisos(apps):
    """Crea los permisos de `APPS_CON_PERMISOS` si faltan: normalmente se crean al terminar `migrate`,
    pero en una base nueva la migración de datos corre antes."""
    from django.contrib.auth.management import create_permissions

    for etiqueta in APPS_CON_PERMISOS:
        configuracion = apps.get_app_config(etiqueta)
        models_module = getattr(configuracion, "models_module", None)
        configuracion.models_module = True
        create_permissions(configuracion, apps=apps, verbosity=0)
        configuracion.models_module = models_module


def sincronizar_grupos(Group, Permission):
    """Deja cada grupo con exactamente los permisos de arriba. Recibe los modelos (los históricos en
    una migración). Falla si falta un permiso: mejor que un rol con menos permisos sin avisar."""

    def permisos(pares):
        return [Permission.objects.get(content_type__app_label=app, codename=codigo) for app, codigo in pares]

    for nombre, pares in PERMISOS_POR_GRUPO.items():
        grupo, _creado = Group.objects.get_or_create(name=nombre)
        grupo.permissions.set(permisos(pares))
    administracion, _creado = Group.objects.get_or_create(name=GRUPO_ADMINISTRACION)
    administracion.permissions.set(
        list(Permission.objects.filter(content_type__app_label__in=APPS_DE_ADMINISTRACION))
        + permisos(PERMISOS_EXTRA_ADMINISTRACION)
    )
