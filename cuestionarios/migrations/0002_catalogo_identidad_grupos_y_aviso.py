"""Carga el catálogo del cuestionario de identidad (spec §5), los grupos de permisos (C1) y la
primera versión del aviso de privacidad integral (C2).

Las decisiones entre variantes de la spec están en docs/cuestionarios.md. El catálogo es dato:
el personal puede corregir redacciones en el admin sin desplegar.
"""

from django.db import migrations

SNP = [("si", "Sí"), ("no", "No"), ("prefiero_no_contestar", "Prefiero no contestar")]
NO_CONTESTO = ("prefiero_no_contestar", "Prefiero no contestar")

ENTIDADES = [
    "Aguascalientes",
    "Baja California",
    "Baja California Sur",
    "Campeche",
    "Coahuila de Zaragoza",
    "Colima",
    "Chiapas",
    "Chihuahua",
    "Ciudad de México",
    "Durango",
    "Guanajuato",
    "Guerrero",
    "Hidalgo",
    "Jalisco",
    "México",
    "Michoacán de Ocampo",
    "Morelos",
    "Nayarit",
    "Nuevo León",
    "Oaxaca",
    "Puebla",
    "Querétaro",
    "Quintana Roo",
    "San Luis Potosí",
    "Sinaloa",
    "Sonora",
    "Tabasco",
    "Tamaulipas",
    "Tlaxcala",
    "Veracruz de Ignacio de la Llave",
    "Yucatán",
    "Zacatecas",
]

# (número, dimensión, tipo, texto, condición (número, clave de opción) o None, opciones)
# Cada opción: (clave, texto) o (clave, texto, {"pide_texto": True}) o (clave, texto, {"sub": [...]}).
PREGUNTAS = [
    (
        1,
        "indigena",
        "una",
        "¿Se identifica como una persona indígena o como parte de algún pueblo o comunidad indígena?",
        None,
        SNP,
    ),
    (2, "indigena", "una", "¿Habla y/o entiende alguna lengua indígena nacional?", None, SNP),
    (
        3,
        "indigena",
        "una",
        "¿A qué pueblo y/o comunidad indígena pertenece?",
        None,
        [
            ("mazahua", "Mazahua"),
            ("otomi", "Otomí"),
            ("nahua", "Nahua"),
            ("matlatzinca", "Matlatzinca"),
            ("tlahuica", "Tlahuica"),
            ("otro", "Otro", {"pide_texto": True}),
            ("no_aplica", "No aplica"),
            NO_CONTESTO,
        ],
    ),
    (4, "discapacidad", "una", "¿Tiene alguna discapacidad?", None, SNP),
    (
        5,
        "discapacidad",
        "una",
        "En caso de haber respondido afirmativamente la pregunta anterior, El tipo de discapacidad con el "
        "que vive es:",
        (4, "si"),
        [("permanente", "Permanente"), ("temporal", "Temporal"), NO_CONTESTO],
    ),
    (
        6,
        "discapacidad",
        "varias",
        "En caso afirmativo, ¿de qué tipo?",
        (4, "si"),
        [
            ("fisica", "Física"),
            (
                "sensorial",
                "Sensorial",
                {
                    "sub": [
                        ("audicion", "La audición"),
                        ("vision", "La visión"),
                        ("olfato", "El olfato"),
                        ("tacto", "El tacto"),
                        ("gusto", "El gusto"),
                    ]
                },
            ),
            ("mental", "Mental"),
            ("intelectual", "Intelectual"),
            ("otra", "Otra", {"pide_texto": True}),
            NO_CONTESTO,
        ],
    ),
    (
        7,
        "discapacidad",
        "varias",
        "Su discapacidad le dificulta o impide:",
        (4, "si"),
        [
            ("caminar", "Caminar,subir o bajar escaleras con sus piernas"),
            ("brazos", "Mover o usar brazos y/o manos"),
            ("ver", "Ver (aunque use lentes)"),
            ("escuchar", "Escuchar (aunque use aparato auditivo)"),
            ("hablar", "Hablar o comunicarse"),
            ("aprender", "Aprender, recordar y/o concentrarse"),
            ("interactuar", "Interactuar emocional y/o intelectualmente en un entorno social"),
            ("otra", "Otra"),
            NO_CONTESTO,
        ],
    ),
    (
        8,
        "afromexicana",
        "una",
        "¿Se considera una persona afromexicana o que forma parte de alguna comunidad afrodescendiente?",
        None,
        SNP,
    ),
    (
        9,
        "diversidad_sexual",
        "una",
        "¿Es usted una persona de la población LGBTTTIQ+ (Lesbiana, Gay, Bisexual, Transgénero, Travesti, "
        "Transexual, Intersexual, Queer, No Binaria, u otra)?",
        None,
        SNP,
    ),
    (
        10,
        "diversidad_sexual",
        "una",
        "En caso de haber respondido afirmativamente a la pregunta anterior, usted se identifica como:",
        (9, "si"),
        [
            ("hombre_gay", "Hombre gay"),
            ("mujer_lesbiana", "Mujer lesbiana"),
            ("persona_bisexual", "Persona bisexual"),
            ("mujer_trans", "Mujer trans"),
            ("hombre_trans", "Hombre trans"),
            ("persona_intersexual", "Persona intersexual"),
            ("persona_no_binaria", "Persona no binaria"),
            ("persona_queer", "Persona Queer"),
            ("otra", "Otra"),
            NO_CONTESTO,
        ],
    ),
    (11, "migrante", "una", "¿Es usted migrante?", None, SNP),
    (
        12,
        "migrante",
        "una",
        "¿En qué país reside?",
        (11, "si"),
        [
            ("estados_unidos", "Estados Unidos de América"),
            ("canada", "Canadá"),
            ("espana", "España"),
            ("guatemala", "Guatemala"),
            ("otro", "Otro país", {"pide_texto": True}),
            NO_CONTESTO,
        ],
    ),
    (
        13,
        "migrante",
        "una",
        "¿Cuánto tiempo ha vivido en el extranjero?",
        (11, "si"),
        [
            ("0_5", "De 0 a 5 años"),
            ("6_15", "De 6 a 15 años"),
            ("mas_15", "Más de 15 años"),
            NO_CONTESTO,
        ],
    ),
    (
        14,
        "migrante",
        "una",
        "¿Cuál fue el motivo de la residencia en el extranjero?",
        (11, "si"),
        [
            ("familiar", "Familiar"),
            ("estudio", "Estudio"),
            ("trabajo", "Trabajo"),
            ("otro", "Otro", {"pide_texto": True}),
            NO_CONTESTO,
        ],
    ),
    (
        15,
        "migrante",
        "una",
        "Cuando emigró, ¿se encontraba con una situación regular de trabajo o con un lugar asegurado en "
        "alguna institución educativa del país extranjero?",
        (11, "si"),
        SNP,
    ),
    (16, "joven", "una", "¿Es parte de la población joven (entre 18 y 29 años)?", None, SNP),
    (17, "mayor", "una", "¿Es parte de la población de personas mayores (60 años o más)?", None, SNP),
    (
        18,
        "ingresos",
        "una",
        "¿En cuál de los siguientes grupos de ingresos se encuentra?",
        None,
        [
            ("menos_11000", "Menos de $11,000"),
            ("11001_25000", "De $11,001 a $25,000"),
            ("25001_50000", "De $25,001 a $50,000"),
            ("50001_75000", "De $50,001 a $75,000"),
            ("75001_112000", "De $75,001 a $112,000"),
            ("mas_112000", "Más de $112,000"),
            ("sin_ingresos", "No recibe ingresos"),
            NO_CONTESTO,
        ],
    ),
    (
        19,
        "ingresos",
        "una",
        "Su fuente principal de ingresos es:",
        None,
        [
            ("salario", "Salario"),
            (
                "negocio_propio",
                "Negocio propio",
                {
                    "sub": [
                        ("con_familiares", "Atendido con familiares"),
                        ("menos_5_empleados", "Con menos de 5 empleados"),
                    ]
                },
            ),
            ("empresa", "Compañía o empresa registrada, con 5 empleados o más"),
            ("sin_laborar", "No ha laborado en los 3 meses anteriores"),
            NO_CONTESTO,
        ],
    ),
    (
        20,
        "nacimiento",
        "una",
        "Entidad federativa de nacimiento: ",
        None,
        [(f"entidad_{n:02d}", nombre) for n, nombre in enumerate(ENTIDADES, start=1)] + [NO_CONTESTO],
    ),
]

AVISO_INICIAL = """El Instituto Electoral del Estado de México (IEEM), con domicilio en Paseo Tollocan 944, Santa Ana Tlapaltitlán, Toluca, Estado de México, C. P. 50160, es responsable del tratamiento de los datos personales que proporciones en el sistema «Candidatas y Candidatos, Conóceles», conforme a la Ley de Protección de Datos Personales en Posesión de Sujetos Obligados del Estado de México y Municipios.

Datos que tratamos: tu nombre, cargo y actor político que te postula, tomados del registro de candidaturas; tu correo electrónico para darte acceso; tu fotografía, tus medios de contacto públicos, tu formación académica, tu historia profesional, tu trayectoria política, tus motivos y tus propuestas (cuestionario curricular); y tus respuestas al cuestionario de identidad.

Datos personales sensibles: las respuestas del cuestionario de identidad (autoadscripción indígena o afromexicana, discapacidad, diversidad sexual, condición migrante, edad, ingresos y lugar de nacimiento) son datos sensibles. Contestarlas es voluntario: cada pregunta tiene la opción «Prefiero no contestar». Sólo se publican si lo autorizas expresamente.

Finalidades: integrar y publicar la información curricular de las candidaturas, como lo ordena el Reglamento de Elecciones del Instituto Nacional Electoral y sus Lineamientos para el sistema Conóceles; publicar tus respuestas de identidad si lo autorizas; y elaborar estadísticas que no identifican a ninguna persona, si lo autorizas.

Transferencias: los datos públicos se difunden en este portal y en sus datos abiertos. Las estadísticas se comparten con el Instituto Nacional Electoral sin datos que identifiquen a nadie. No se hacen otras transferencias sin tu consentimiento, salvo las que ordene la ley.

Tus derechos: puedes retirar en cualquier momento tus autorizaciones de publicación y de uso estadístico desde tu área de captura; el retiro de la autorización de publicación oculta de inmediato tus respuestas de identidad. Puedes ejercer tus derechos de acceso, rectificación, cancelación y oposición ante la Unidad de Transparencia del IEEM.

Conservación: concluido el proceso electoral, los datos se conservan bloqueados sólo el tiempo que marca la ley para atender posibles responsabilidades y después se suprimen."""

GRUPOS = {
    "Candidatura": [],
    "Representación de partido": [],
    "Personal de captura y revisión": [
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
        ("cuestionarios", "view_cuentadecaptura"),
        ("cuestionarios", "add_cuentadecaptura"),
        ("cuestionarios", "view_candidaturaparainvitar"),
        ("candidaturas", "view_candidatura"),
        ("candidaturas", "view_persona"),
        ("candidaturas", "view_actorpolitico"),
    ],
}
# Administración: todo lo de cuestionarios y candidaturas, más usuarios y grupos (sin borrarlos).
APPS_DE_ADMINISTRACION = ("cuestionarios", "candidaturas")
PERMISOS_EXTRA_ADMINISTRACION = [
    ("auth", "view_user"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_group"),
]


def cargar(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Los permisos se crean normalmente al terminar `migrate`; aquí hacen falta antes.
    for etiqueta in ("auth", "candidaturas", "cuestionarios"):
        configuracion = apps.get_app_config(etiqueta)
        configuracion.models_module = True
        create_permissions(configuracion, apps=apps, verbosity=0)
        configuracion.models_module = None

    Pregunta = apps.get_model("cuestionarios", "Pregunta")
    Opcion = apps.get_model("cuestionarios", "Opcion")
    por_numero = {}
    for numero, dimension, tipo, texto, condicion, opciones in PREGUNTAS:
        pregunta = Pregunta.objects.create(numero=numero, dimension=dimension, tipo=tipo, texto=texto)
        por_numero[numero] = pregunta
        for orden, opcion in enumerate(opciones, start=1):
            clave, etiqueta, *extra = opcion
            extra = extra[0] if extra else {}
            padre = Opcion.objects.create(
                pregunta=pregunta,
                clave=clave,
                texto=etiqueta,
                orden=orden * 10,
                pide_texto=extra.get("pide_texto", False),
                es_no_contesto=clave == "prefiero_no_contestar",
            )
            for suborden, (subclave, subtexto) in enumerate(extra.get("sub", []), start=1):
                Opcion.objects.create(
                    pregunta=pregunta,
                    padre=padre,
                    clave=f"{clave}_{subclave}",
                    texto=subtexto,
                    orden=orden * 10 + suborden,
                )
        if condicion:
            numero_padre, clave_opcion = condicion
            pregunta.depende_de = por_numero[numero_padre]
            pregunta.opcion_que_habilita = Opcion.objects.get(pregunta=por_numero[numero_padre], clave=clave_opcion)
            pregunta.save(update_fields=["depende_de", "opcion_que_habilita"])

    AvisoDePrivacidad = apps.get_model("cuestionarios", "AvisoDePrivacidad")
    AvisoDePrivacidad.objects.create(
        version="1.0",
        titulo="Aviso de privacidad integral del sistema «Candidatas y Candidatos, Conóceles»",
        texto=AVISO_INICIAL,
    )

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permisos(pares):
        return [Permission.objects.get(content_type__app_label=app, codename=codigo) for app, codigo in pares]

    for nombre, pares in GRUPOS.items():
        grupo, _ = Group.objects.get_or_create(name=nombre)
        grupo.permissions.set(permisos(pares))
    administracion, _ = Group.objects.get_or_create(name="Administración")
    administracion.permissions.set(
        list(Permission.objects.filter(content_type__app_label__in=APPS_DE_ADMINISTRACION))
        + permisos(PERMISOS_EXTRA_ADMINISTRACION)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cuestionarios", "0001_inicial"),
    ]

    operations = [migrations.RunPython(cargar, migrations.RunPython.noop)]
