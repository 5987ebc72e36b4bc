"""Cuestionario de identidad en «tú» y sin erratas (issue 14); «TikTok» en el curricular.

El catálogo vive en la base: se corrige aquí con datos. Sólo se cambia un texto si sigue igual al
que cargó 0002 (si el personal ya lo corrigió en el admin, se respeta). Reversible.
"""

from django.db import migrations, models

# número de pregunta: (texto anterior, texto nuevo)
PREGUNTAS = {
    1: (
        "¿Se identifica como una persona indígena o como parte de algún pueblo o comunidad indígena?",
        "¿Te identificas como una persona indígena o como parte de algún pueblo o comunidad indígena?",
    ),
    2: (
        "¿Habla y/o entiende alguna lengua indígena nacional?",
        "¿Hablas o entiendes alguna lengua indígena nacional?",
    ),
    3: ("¿A qué pueblo y/o comunidad indígena pertenece?", "¿A qué pueblo o comunidad indígena perteneces?"),
    4: ("¿Tiene alguna discapacidad?", "¿Tienes alguna discapacidad?"),
    5: (
        "En caso de haber respondido afirmativamente la pregunta anterior, El tipo de discapacidad con el "
        "que vive es:",
        "Si respondiste que sí a la pregunta anterior, ¿tu discapacidad es permanente o temporal?",
    ),
    7: ("Su discapacidad le dificulta o impide:", "Tu discapacidad te dificulta o impide:"),
    8: (
        "¿Se considera una persona afromexicana o que forma parte de alguna comunidad afrodescendiente?",
        "¿Te consideras una persona afromexicana o parte de alguna comunidad afrodescendiente?",
    ),
    9: (
        "¿Es usted una persona de la población LGBTTTIQ+ (Lesbiana, Gay, Bisexual, Transgénero, Travesti, "
        "Transexual, Intersexual, Queer, No Binaria, u otra)?",
        "¿Eres una persona de la población LGBTTTIQ+ (lesbiana, gay, bisexual, transgénero, travesti, "
        "transexual, intersexual, queer, no binaria u otra)?",
    ),
    10: (
        "En caso de haber respondido afirmativamente a la pregunta anterior, usted se identifica como:",
        "Si respondiste que sí a la pregunta anterior, te identificas como:",
    ),
    11: ("¿Es usted migrante?", "¿Eres una persona migrante?"),
    12: ("¿En qué país reside?", "¿En qué país resides?"),
    13: ("¿Cuánto tiempo ha vivido en el extranjero?", "¿Cuánto tiempo has vivido en el extranjero?"),
    14: (
        "¿Cuál fue el motivo de la residencia en el extranjero?",
        "¿Cuál fue el motivo de tu residencia en el extranjero?",
    ),
    15: (
        "Cuando emigró, ¿se encontraba con una situación regular de trabajo o con un lugar asegurado en "
        "alguna institución educativa del país extranjero?",
        "Cuando emigraste, ¿tenías un trabajo en situación regular o un lugar asegurado en alguna "
        "institución educativa del país extranjero?",
    ),
    16: ("¿Es parte de la población joven (entre 18 y 29 años)?", "¿Eres parte de la población joven (entre 18 y 29 años)?"),
    17: (
        "¿Es parte de la población de personas mayores (60 años o más)?",
        "¿Eres parte de la población de personas mayores (60 años o más)?",
    ),
    18: (
        "¿En cuál de los siguientes grupos de ingresos se encuentra?",
        "¿En cuál de los siguientes grupos de ingresos mensuales te encuentras?",
    ),
    19: ("Su fuente principal de ingresos es:", "Tu fuente principal de ingresos es:"),
    20: ("Entidad federativa de nacimiento: ", "Entidad federativa de nacimiento:"),
}

# (número de pregunta, clave de opción): (texto anterior, texto nuevo)
OPCIONES = {
    (7, "caminar"): ("Caminar,subir o bajar escaleras con sus piernas", "Caminar, subir o bajar escaleras"),
    (7, "ver"): ("Ver (aunque use lentes)", "Ver (aunque uses lentes)"),
    (7, "escuchar"): ("Escuchar (aunque use aparato auditivo)", "Escuchar (aunque uses aparato auditivo)"),
    (10, "persona_queer"): ("Persona Queer", "Persona queer"),
    (18, "sin_ingresos"): ("No recibe ingresos", "No recibo ingresos"),
    (19, "sin_laborar"): ("No ha laborado en los 3 meses anteriores", "No he trabajado en los 3 meses anteriores"),
}


def _aplicar(apps, desde, hacia):
    Pregunta = apps.get_model("cuestionarios", "Pregunta")
    Opcion = apps.get_model("cuestionarios", "Opcion")
    for numero, textos in PREGUNTAS.items():
        Pregunta.objects.filter(numero=numero, texto=textos[desde]).update(texto=textos[hacia])
    for (numero, clave), textos in OPCIONES.items():
        Opcion.objects.filter(pregunta__numero=numero, clave=clave, texto=textos[desde]).update(texto=textos[hacia])


def corregir(apps, schema_editor):
    _aplicar(apps, 0, 1)


def revertir(apps, schema_editor):
    _aplicar(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [
        ("cuestionarios", "0005_supuestos_sin_erratas"),
    ]

    operations = [
        migrations.AlterField(
            model_name="cuestionariocurricular",
            name="tiktok",
            field=models.URLField(blank=True, verbose_name="TikTok"),
        ),
        migrations.RunPython(corregir, revertir),
    ]
