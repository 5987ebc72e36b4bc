"""Benchmark de los datos abiertos de Conóceles (C11, X4): el XLSX completo del proceso.

    .venv/bin/python bench/datos_abiertos.py            # PostgreSQL, base decide_bench_e

Prepara la base (migrate, cargar_geografia, generar_demo y, si existe, generar_demo_cuestionarios;
si no, `poblar` publica cuestionarios deterministas para la mayoría de las personas) y luego
genera el libro completo en un proceso hijo, para medir su tiempo y su memoria máxima (ru_maxrss
del hijo) sin que cuente lo que ocupa este proceso. Metas: menos de 10 s y menos de 200 MB.

Subórdenes internas (corren con el DATABASE_URL del entorno, sirven también en SQLite):
    bench/datos_abiertos.py poblar     publica cuestionarios de demostración en el proceso activo
    bench/datos_abiertos.py generar    escribe el XLSX del proceso activo y dice cuánto tardó
"""

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.comun import PYTHON, RAIZ, analizar, crear_base, entorno, manage  # noqa: E402

BASE = "decide_bench_e"
FRACCION_CON_CUESTIONARIO = 0.85
FRACCION_PUBLICADA = 0.85
SEMILLA = 2027

FRASES = [
    "Fui docente de educación básica y coordiné programas de alfabetización para personas adultas.",
    "Trabajé en el servicio público municipal en las áreas de obras, agua potable y protección civil.",
    "Participé en comités vecinales, en la asociación de padres de familia y en un banco de alimentos.",
    "Dirigí una cooperativa de productores y acompañé a mujeres emprendedoras con créditos solidarios.",
    "Encabecé la defensa del bosque comunal y la recuperación de espacios públicos para las juventudes.",
    "Propongo presupuestos participativos con metas trimestrales y rendición de cuentas en cada colonia.",
]


def _texto(azar, persona_id, largo):
    partes = [f"(Persona {persona_id})"]
    while sum(len(p) + 1 for p in partes) < largo:
        partes.append(azar.choice(FRASES))
    return " ".join(partes)[:largo]


def poblar():
    """Cuestionarios publicados, consentimientos y respuestas de identidad, deterministas."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decide.settings")
    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from candidaturas.models import Candidatura, ProcesoElectoral
    from cuestionarios.models import (
        AvisoDePrivacidad,
        Consentimiento,
        CuestionarioCurricular,
        CuestionarioIdentidad,
        Estado,
        EstatusDeEstudios,
        GradoDeEstudios,
        Pregunta,
        RespuestaIdentidad,
    )

    proceso = ProcesoElectoral.objects.get(predeterminado=True)
    # Sólo personas sin cuestionario: se suma a lo que haya dejado generar_demo_cuestionarios y una
    # segunda corrida no cambia nada.
    con_cuestionario = set(
        CuestionarioCurricular.objects.filter(proceso=proceso).values_list("persona_id", flat=True)
    )
    azar = random.Random(SEMILLA)
    aviso = AvisoDePrivacidad.objects.vigente()
    preguntas = list(Pregunta.objects.filter(activa=True).prefetch_related("opciones").order_by("numero"))
    personas = sorted(
        set(
            Candidatura.objects.vigentes()
            .filter(eleccion__proceso=proceso)
            .values_list("persona_id", flat=True)
        )
        - con_cuestionario
    )
    ahora = timezone.now()
    curriculares, consentimientos, identidades, publicadas = [], [], [], []
    for persona_id in personas:
        if azar.random() > FRACCION_CON_CUESTIONARIO:
            continue
        publicado = azar.random() < FRACCION_PUBLICADA
        fecha = ahora if publicado else None
        curriculares.append(
            CuestionarioCurricular(
                persona_id=persona_id,
                proceso=proceso,
                estado=Estado.PUBLICADO if publicado else azar.choice([Estado.ENVIADO, Estado.EN_REVISION]),
                pagina_web=f"https://ejemplo.mx/candidatura/{persona_id}" if azar.random() < 0.6 else "",
                correo_publico=f"contacto{persona_id}@ejemplo.mx" if azar.random() < 0.7 else "",
                telefono_publico=f"722{persona_id:07d}"[:10] if azar.random() < 0.5 else "",
                grado_estudios=azar.choice(GradoDeEstudios.values),
                estatus_estudios=azar.choice(EstatusDeEstudios.values),
                otra_formacion="Diplomado en gestión pública\nCurso de transparencia",
                historia_profesional=_texto(azar, persona_id, 1200),
                trayectoria_politica=_texto(azar, persona_id, 1000),
                por_que_quiero_el_cargo=_texto(azar, persona_id, 700),
                propuesta_1=_texto(azar, persona_id, 900),
                propuesta_2=_texto(azar, persona_id, 900),
                propuesta_genero=_texto(azar, persona_id, 900),
                publicado_en=fecha,
                primera_publicacion_en=fecha,
            )
        )
        if not publicado:
            continue
        consentimientos.append(
            Consentimiento(
                persona_id=persona_id,
                proceso=proceso,
                aviso=aviso,
                autoriza_tratamiento=True,
                tratamiento_en=ahora,
                autoriza_publicacion=azar.random() < 0.7,
                autoriza_estadistica=azar.random() < 0.85,
            )
        )
        identidades.append(CuestionarioIdentidad(persona_id=persona_id, proceso=proceso, publicado_en=ahora))
        elegidas = {}
        for pregunta in preguntas:
            if (
                pregunta.depende_de_id
                and elegidas.get(pregunta.depende_de_id) != pregunta.opcion_que_habilita_id
            ):
                continue
            opciones = [o for o in pregunta.opciones.all() if o.padre_id is None]
            opcion = azar.choices(opciones, weights=[6 if o.clave == "no" else 1 for o in opciones])[0]
            elegidas[pregunta.pk] = opcion.pk
            publicadas.append((persona_id, pregunta, opcion))
    with transaction.atomic():
        CuestionarioCurricular.objects.bulk_create(curriculares, batch_size=500)
        Consentimiento.objects.bulk_create(consentimientos, batch_size=500, ignore_conflicts=True)
        CuestionarioIdentidad.objects.bulk_create(identidades, batch_size=500, ignore_conflicts=True)
        por_persona = dict(
            CuestionarioIdentidad.objects.filter(proceso=proceso).values_list("persona_id", "pk")
        )
        RespuestaIdentidad.objects.bulk_create(
            (
                RespuestaIdentidad(
                    cuestionario_id=por_persona[persona_id],
                    pregunta=pregunta,
                    opcion=opcion,
                    version_pregunta=pregunta.version,
                    publicada=True,
                )
                for persona_id, pregunta, opcion in publicadas
            ),
            batch_size=2000,
            ignore_conflicts=True,
        )
    print(
        f"Se agregaron {len(curriculares)} cuestionarios ({len(consentimientos)} publicados) y "
        f"{len(publicadas)} respuestas de identidad para {len(personas)} personas sin cuestionario."
    )


def generar():
    """Escribe el XLSX completo del proceso activo en un archivo temporal e imprime cifras."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decide.settings")
    django.setup()
    from candidaturas.models import Candidatura, ProcesoElectoral
    from comun.exportar import escribir_xlsx
    from conoceles import datos

    proceso = ProcesoElectoral.objects.get(predeterminado=True)
    filas = Candidatura.objects.vigentes().filter(eleccion__proceso=proceso).count()
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    inicio = time.perf_counter()
    with tempfile.TemporaryFile(suffix=".xlsx") as destino:
        escribir_xlsx(destino, datos.hojas(proceso, base_url="https://decide.ieem.org.mx"))
        segundos = time.perf_counter() - inicio
        tamano = destino.tell()
    pico_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"filas={filas} segundos={segundos:.2f} bytes={tamano} base_kb={base_kb} pico_kb={pico_kb}")


def principal():
    env = entorno(BASE)
    crear_base(BASE)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "cargar_geografia")
    manage(env, "generar_demo")
    comandos = subprocess.run(
        [PYTHON, "manage.py", "help", "--commands"], cwd=RAIZ, env=env, capture_output=True, text=True
    ).stdout.split()
    if "generar_demo_cuestionarios" in comandos:
        manage(env, "generar_demo_cuestionarios")
    subprocess.run([PYTHON, __file__, "poblar"], cwd=RAIZ, env=env, check=True)
    analizar(BASE)

    # El hijo mide su propio ru_maxrss: RUSAGE_CHILDREN daría el máximo de todos los hijos,
    # incluidos migrate y poblar.
    salida = subprocess.run(
        [PYTHON, __file__, "generar"], cwd=RAIZ, env=env, check=True, capture_output=True, text=True
    ).stdout
    cifras = dict(par.split("=") for par in salida.split())
    pico_mb, base_mb = int(cifras["pico_kb"]) / 1024, int(cifras["base_kb"]) / 1024
    print("Datos abiertos de Conóceles: XLSX completo del proceso (PostgreSQL)")
    print(f"  candidaturas vigentes (filas por hoja): {cifras['filas']}")
    print(f"  tiempo de generación: {float(cifras['segundos']):.2f} s (meta < 10 s)")
    print(f"  tamaño del archivo: {int(cifras['bytes']) / 1024 / 1024:.1f} MB")
    print(f"  memoria máxima del proceso que lo genera: {pico_mb:.0f} MB (meta < 200 MB)")
    print(f"  de ella, antes de empezar (Python + Django cargados): {base_mb:.0f} MB")


if __name__ == "__main__":
    orden = sys.argv[1] if len(sys.argv) > 1 else ""
    {"poblar": poblar, "generar": generar}.get(orden, principal)()
