"""Utilidades de los benchmarks: base de datos PostgreSQL propia, gunicorn en 127.0.0.1 y un
generador de carga acotado (número de peticiones y tiempo máximo), que se detiene solo.

Las cifras son de una sola corrida en una máquina compartida: se reportan percentiles y razones,
no promedios sueltos.
"""

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

RAIZ = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def entorno(base_de_datos):
    """Variables de un despliegue de producción local (sin HTTPS, porque es loopback)."""
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{base_de_datos}",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECRET_KEY": "benchmark-" + "x" * 50,
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def crear_base(base_de_datos):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conexion:
        existe = conexion.execute("SELECT 1 FROM pg_database WHERE datname = %s", [base_de_datos]).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{base_de_datos}"')


def analizar(base_de_datos):
    """Estadísticas del planificador al día, como las deja el autovacuum en producción. Recién
    cargadas las tablas, PostgreSQL estima una fila por tabla y elige planes muy lentos."""
    import psycopg

    with psycopg.connect(
        f"postgresql://postgres@127.0.0.1:5432/{base_de_datos}", autocommit=True
    ) as conexion:
        conexion.execute("ANALYZE")


def manage(env, *argumentos):
    subprocess.run([PYTHON, "manage.py", *argumentos], cwd=RAIZ, env=env, check=True)


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn en 127.0.0.1 con `workers` procesos (y `hilos` por proceso, como la imagen: 4 × 2);
    se detiene al salir del bloque `with`."""

    def __init__(self, env, workers=2, puerto=None, hilos=1):
        self.env = env
        self.workers = workers
        self.hilos = hilos
        self.puerto = puerto or puerto_libre()
        self.proceso = None

    def __enter__(self):
        self.proceso = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "decide.wsgi",
                "--bind",
                f"127.0.0.1:{self.puerto}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.hilos),
                "--log-level",
                "warning",
            ],
            cwd=RAIZ,
            env=self.env,
        )
        # Listo cuando /salud/ responde (no basta con que acepte conexiones: los procesos pueden
        # seguir importando Django).
        limite = time.monotonic() + 60
        while time.monotonic() < limite:
            try:
                conexion = http.client.HTTPConnection("127.0.0.1", self.puerto, timeout=10)
                conexion.request("GET", "/salud/")
                if conexion.getresponse().status == 200:
                    conexion.close()
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn no arrancó en 60 s")

    def __exit__(self, *exc):
        self.proceso.send_signal(signal.SIGTERM)
        try:
            self.proceso.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proceso.kill()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.puerto}"


def carga(
    url_base, rutas, peticiones=2000, concurrencia=8, segundos_maximos=60, calentamiento=100, cabeceras=None
):
    """Pide `rutas` (en ciclo) con `concurrencia` conexiones persistentes. Devuelve cifras.

    Cliente en Python: sirve donde no hay wrk; le quita procesador al servidor, así que sus cifras
    son pesimistas. `cabeceras` va en cada petición (p. ej. `SIN_CACHE`)."""
    destino = urlsplit(url_base)
    latencias, estados, candado = [], {}, threading.Lock()
    siguiente = iter(range(peticiones + calentamiento))
    fin = time.monotonic() + segundos_maximos

    def trabajador():
        conexion = http.client.HTTPConnection(destino.hostname, destino.port, timeout=30)
        while time.monotonic() < fin:
            with candado:
                numero = next(siguiente, None)
            if numero is None:
                break
            ruta = rutas[numero % len(rutas)]
            inicio = time.perf_counter()
            conexion.request("GET", ruta, headers=cabeceras or {})
            respuesta = conexion.getresponse()
            respuesta.read()
            transcurrido = time.perf_counter() - inicio
            if numero >= calentamiento:
                with candado:
                    latencias.append(transcurrido)
                    estados[respuesta.status] = estados.get(respuesta.status, 0) + 1
        conexion.close()

    hilos = [threading.Thread(target=trabajador) for _ in range(concurrencia)]
    inicio = time.perf_counter()
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    duracion = time.perf_counter() - inicio
    latencias.sort()
    cuantiles = statistics.quantiles(latencias, n=100) if len(latencias) > 1 else [0] * 99
    return {
        "peticiones": len(latencias),
        "por_segundo": len(latencias) / duracion if duracion else 0,
        "p50_ms": cuantiles[49] * 1000,
        "p95_ms": cuantiles[94] * 1000,
        "p99_ms": cuantiles[98] * 1000,
        "estados": estados,
    }


def imprimir(nombre, cifras):
    print(
        f"{nombre:<34} {cifras['peticiones']:>6} pet. {cifras['por_segundo']:>8.0f} pet/s   "
        f"p50 {cifras['p50_ms']:6.1f} ms   p95 {cifras['p95_ms']:6.1f} ms   p99 {cifras['p99_ms']:6.1f} ms   "
        f"estados {cifras['estados']}"
    )


GUION_WRK = """
local rutas = {%(rutas)s}
local cabeceras = {%(cabeceras)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", rutas[(i %% #rutas) + 1], cabeceras)
end
done = function(resumen, latencia, peticiones)
  io.write(string.format("RESULTADO %%d %%d %%.3f %%.3f %%.3f %%d %%d %%d\\n",
    resumen.requests, resumen.duration,
    latencia:percentile(50) / 1000, latencia:percentile(95) / 1000, latencia:percentile(99) / 1000,
    resumen.errors.status,
    resumen.errors.connect + resumen.errors.read + resumen.errors.write + resumen.errors.timeout,
    resumen.bytes))
end
"""


NAVEGADOR = {"Accept-Encoding": "gzip"}
"""Lo que manda todo navegador: las páginas en caché y los estáticos salen comprimidos (gzip)."""


def carga_wrk(url_base, rutas, segundos=10, concurrencia=16, hilos=1, cabeceras=None):
    """Igual que `carga`, pero con wrk (en C: no le roba tanto procesador al servidor).

    Cada petición lleva `NAVEGADOR` más `cabeceras` (p. ej. una cookie de sesión, para saltarse la
    caché de páginas públicas). Devuelve None si wrk no está instalado (apt-get install wrk)."""
    import shutil
    import tempfile

    if not shutil.which("wrk"):
        return None
    lista = ", ".join(f'"{r}"' for r in rutas)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as guion:
        lista_cabeceras = ", ".join(f'["{k}"] = "{v}"' for k, v in {**NAVEGADOR, **(cabeceras or {})}.items())
        guion.write(GUION_WRK % {"rutas": lista, "cabeceras": lista_cabeceras})
    return _correr_wrk(url_base, guion.name, segundos, concurrencia, hilos)


SIN_CACHE = {"Cookie": "sessionid=benchmark-sin-cache"}
"""Cabeceras que hacen que `pagina_publica_en_cache` no responda desde la caché."""


def vaciar_cache(url_redis):
    """Vacía la base de Redis del benchmark (nunca la de otro uso: cada benchmark tiene la suya)."""
    import redis

    redis.Redis.from_url(url_redis).flushdb()


def ruta_estatica(nombre="css/decide.css"):
    """URL con huella de un estático ya recopilado (collectstatic): el techo de cada benchmark."""
    import json

    manifiesto = json.loads((RAIZ / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifiesto["paths"][nombre]


# --- Demo completa, páginas públicas, mezcla realista y publicación (bench/cache.py; issue 17) -------

DEMOS = (
    "generar_demo",
    "generar_demo_cuestionarios",
    "generar_demo_plataformas",
    "generar_demo_participacion",
)


def shell(env, codigo):
    """Corre `codigo` con `manage.py shell -c` y devuelve su última línea de salida como JSON."""
    import json

    corrida = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", codigo], cwd=RAIZ, env=env, capture_output=True, text=True
    )
    if corrida.returncode:
        raise RuntimeError(f"manage.py shell falló:\n{corrida.stderr[-3000:]}")
    salida = corrida.stdout
    return json.loads(salida.strip().splitlines()[-1])


def preparar_demo(base_de_datos, env):
    """Base con el proceso de demostración completo, migrada y analizada. Si ya tiene la demo, sólo
    migra (así una segunda corrida no tarda minutos)."""
    crear_base(base_de_datos)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    ya = shell(env, "from candidaturas.models import Candidatura; print(Candidatura.objects.count())")
    if not ya:
        manage(env, "cargar_geografia")
        for comando in DEMOS:
            manage(env, comando)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    analizar(base_de_datos)


CODIGO_MUESTRA = """
import json, random
from candidaturas.models import Candidatura, SeccionElectoral
azar = random.Random(2027)
vigentes = Candidatura.objects.vigentes().filter(eleccion__proceso__predeterminado=True)
ids = list(vigentes.values_list("pk", flat=True))
por_contienda = {}
for pk, eleccion in vigentes.filter(calidad="propietaria").values_list("pk", "eleccion_id"):
    por_contienda.setdefault(eleccion, []).append(pk)
pares = [v[:2] for v in por_contienda.values() if len(v) >= 2]
secciones = list(SeccionElectoral.objects.values_list("numero", flat=True)[:2000])
print(json.dumps({
    "perfiles": azar.sample(ids, min(300, len(ids))),
    "todos_los_perfiles": azar.sample(ids, len(ids)),
    "comparaciones": azar.sample(pares, min(40, len(pares))),
    "secciones": azar.sample(secciones, min(100, len(secciones))),
}))
"""


def muestra_de_la_demo(env):
    """Ids de perfiles, pares para comparar y secciones del proceso predeterminado, al azar (fijo)."""
    return shell(env, CODIGO_MUESTRA)


BUSQUEDAS = [
    "/conoceles/",
    "/conoceles/?q=garcia",
    "/conoceles/?q=maria+lopez",
    "/conoceles/?sexo=mujer",
    "/conoceles/?cargo=presidencia_municipal",
    "/conoceles/?cargo=presidencia_municipal&sexo=mujer&edad=40-49",
    "/conoceles/?actor=pan",
    "/conoceles/?municipio=107",
    "/conoceles/?grado=licenciatura",
    "/conoceles/?accion=cualquiera",
    "/conoceles/?pagina=3",
    "/conoceles/?calidad=suplente&pagina=2",
]


def busquedas_nuevas():
    """Cientos de búsquedas distintas (cargo × sexo × edad × calidad × página), en orden fijo al azar:
    pedidas una sola vez cada una, cada petición es un fallo de caché de verdad."""
    import itertools
    import random
    from urllib.parse import urlencode

    cargos = ["", "presidencia_municipal", "sindicatura", "regiduria", "diputacion"]
    sexos = ["", "mujer", "hombre"]
    edades = ["", "18-24", "25-29", "30-39", "40-49", "50-59", "60+"]
    calidades = ["", "propietaria", "suplente"]
    rutas = []
    for cargo, sexo, edad, calidad, pagina in itertools.product(cargos, sexos, edades, calidades, ("", "2")):
        filtros = {"cargo": cargo, "sexo": sexo, "edad": edad, "calidad": calidad, "pagina": pagina}
        consulta = urlencode({k: v for k, v in filtros.items() if v})
        rutas.append("/conoceles/" + (f"?{consulta}" if consulta else ""))
    random.Random(2027).shuffle(rutas)
    return rutas


def paginas_publicas(muestra):
    """{nombre: [rutas]} de cada página pública que abre una persona sin sesión."""
    return {
        "portada": ["/"],
        "mi sección": [f"/mi-seccion/?seccion={n}" for n in muestra["secciones"][:20]],
        "búsqueda de Conóceles": BUSQUEDAS,
        "perfil de Conóceles": [f"/conoceles/{i}/" for i in muestra["perfiles"][:50]],
        "comparación": [
            "/conoceles/comparar/?" + "&".join(f"id={i}" for i in par)
            for par in muestra["comparaciones"][:10]
        ],
        "estadísticas de Conóceles": ["/conoceles/estadisticas/"],
        "datos abiertos (página)": ["/conoceles/datos/"],
        "listado de candidaturas": ["/candidaturas/", "/candidaturas/?pagina=2"],
        "plataformas": ["/plataformas/"],
        "procesos": ["/procesos/"],
        "atribuciones": ["/atribuciones/"],
        "quita dudas": ["/quita-dudas/", "/quita-dudas/?q=casilla"],
        "recursos": ["/recursos/"],
        "enlaces": ["/enlaces/"],
        "estadísticas del portal": ["/estadisticas/"],
    }


def calentar(url_base, rutas):
    """Pide cada ruta una vez (llena la caché); devuelve {ruta: estado}."""
    import urllib.error
    import urllib.request

    estados = {}
    for ruta in rutas:
        try:
            with urllib.request.urlopen(url_base + ruta, timeout=30) as respuesta:
                respuesta.read()
                estados[ruta] = respuesta.status
        except urllib.error.HTTPError as error:
            estados[ruta] = error.code
    return estados


def mezcla_realista(muestra):
    """[(ruta, peso)]: lo que abre la gente el día de la jornada (perfiles compartidos, búsqueda,
    portada, Mi sección, comparaciones…), en proporciones aproximadas."""
    paginas = paginas_publicas(muestra)
    pesos = {
        "perfil de Conóceles": 30,
        "portada": 15,
        "búsqueda de Conóceles": 15,
        "mi sección": 12,
        "comparación": 6,
        "listado de candidaturas": 5,
        "plataformas": 5,
        "estadísticas de Conóceles": 3,
        "quita dudas": 3,
        "atribuciones": 2,
        "datos abiertos (página)": 2,
        "estadísticas del portal": 2,
    }
    mezcla = []
    for nombre, peso in pesos.items():
        rutas = paginas[nombre]
        mezcla += [(ruta, peso / len(rutas)) for ruta in rutas]
    return mezcla


GUION_MEZCLA = """
local rutas = {%(rutas)s}
local acumulado = {%(acumulado)s}
local total = acumulado[#acumulado]
math.randomseed(2027)
wrk.headers["Accept-Encoding"] = "gzip"
request = function()
  local x = math.random() * total
  local i = 1
  while acumulado[i] < x do i = i + 1 end
  return wrk.format("GET", rutas[i])
end
done = function(resumen, latencia, peticiones)
  io.write(string.format("RESULTADO %%d %%d %%.3f %%.3f %%.3f %%d %%d\\n",
    resumen.requests, resumen.duration,
    latencia:percentile(50) / 1000, latencia:percentile(95) / 1000, latencia:percentile(99) / 1000,
    resumen.errors.status,
    resumen.errors.connect + resumen.errors.read + resumen.errors.write + resumen.errors.timeout))
end
"""


def carga_mezcla_wrk(url_base, mezcla, segundos=60, concurrencia=50, hilos=2):
    """wrk con un guion Lua que elige cada petición al azar según los pesos de `mezcla`."""
    import itertools
    import tempfile

    acumulado = list(itertools.accumulate(peso for _ruta, peso in mezcla))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as guion:
        guion.write(
            GUION_MEZCLA
            % {
                "rutas": ", ".join(f'"{ruta}"' for ruta, _peso in mezcla),
                "acumulado": ", ".join(f"{x:.6f}" for x in acumulado),
            }
        )
    return _correr_wrk(url_base, guion.name, segundos, concurrencia, hilos)


def _correr_wrk(url_base, guion, segundos, concurrencia, hilos):
    salida = subprocess.run(
        [
            "wrk",
            "-t",
            str(hilos),
            "-c",
            str(concurrencia),
            "-d",
            f"{segundos}s",
            "--timeout",
            "5s",
            "-s",
            guion,
            url_base,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=segundos + 30,
    ).stdout
    os.unlink(guion)
    linea = next(x for x in salida.splitlines() if x.startswith("RESULTADO"))
    # El guion de `carga_wrk` agrega al final los bytes recibidos; el de la mezcla, no.
    _, peticiones, duracion_us, p50, p95, p99, errores_estado, errores_red, *octetos = linea.split()
    peticiones = int(peticiones)
    segundos_medidos = int(duracion_us) / 1e6
    return {
        "peticiones": peticiones,
        "por_segundo": peticiones / segundos_medidos,
        **({"mb_por_segundo": int(octetos[0]) / 1e6 / segundos_medidos} if octetos else {}),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
        "estados": {"no 2xx/3xx": int(errores_estado), "errores de red": int(errores_red)},
    }


CODIGO_ELEGIR_PUBLICACION = """
import json
from candidaturas.models import Candidatura
from cuestionarios.models import CuestionarioCurricular, Estado
listos = (Estado.EN_REVISION, Estado.ENVIADO, Estado.VALIDADO_PARTIDO, Estado.CORREGIDO)
pendientes = CuestionarioCurricular.objects.filter(estado__in=listos, proceso__predeterminado=True)
for c in pendientes.order_by("pk"):
    candidatura = (
        Candidatura.objects.vigentes()
        .filter(persona_id=c.persona_id, eleccion__proceso_id=c.proceso_id)
        .first()
    )
    if candidatura:
        nombre = c.persona.nombre_normalizado
        print(json.dumps({"cuestionario": c.pk, "candidatura": candidatura.pk, "nombre": nombre}))
        break
else:
    print("null")
"""

CODIGO_PUBLICAR = """
import json, time
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from cuestionarios import services
from cuestionarios.models import CuestionarioCurricular, Estado
revisor, _ = get_user_model().objects.get_or_create(
    username="bench-revisor", defaults={"is_staff": True, "email": "bench@example.org"}
)
permisos = ["revisar_cuestionario", "publicar_cuestionario"]
revisor.user_permissions.add(*Permission.objects.filter(codename__in=permisos))
revisor = get_user_model().objects.get(pk=revisor.pk)
c = CuestionarioCurricular.objects.get(pk=%(cuestionario)d)
if c.estado == Estado.ENVIADO:
    # Preparación, no se mide: en la demo todo lo enviado espera la validación de su partido, que no
    # cambia nada público; se da por validado para que el personal pueda revisarlo y publicarlo.
    CuestionarioCurricular.objects.filter(pk=c.pk).update(estado=Estado.VALIDADO_PARTIDO)
    c = CuestionarioCurricular.objects.get(pk=c.pk)
if c.estado != Estado.EN_REVISION:
    services.mover(cuestionario=c, movimiento="revisar", usuario=revisor)
    c = CuestionarioCurricular.objects.get(pk=c.pk)
services.mover(cuestionario=c, movimiento="publicar", usuario=revisor)
print(json.dumps(time.time()))
"""


def medir_publicacion(env, url_base, limite=15.0):
    """Publica una captura con el servicio real (`cuestionarios.services.mover`, en otro proceso) y
    mide cuánto tarda en verse en las páginas públicas que ya estaban en caché: el perfil y la
    búsqueda por su nombre. Devuelve {página: segundos} (None si no se vio en `limite`)."""
    import urllib.parse
    import urllib.request

    elegido = shell(env, CODIGO_ELEGIR_PUBLICACION)
    if elegido is None:
        return None
    paginas = {
        "perfil": f"/conoceles/{elegido['candidatura']}/",
        "búsqueda": "/conoceles/?" + urllib.parse.urlencode({"q": elegido["nombre"]}),
    }

    def publicadas(ruta):
        with urllib.request.urlopen(url_base + ruta, timeout=10) as respuesta:
            return respuesta.read().decode().count("Información publicada")

    antes = {nombre: publicadas(ruta) for nombre, ruta in paginas.items()}
    calentar(url_base, list(paginas.values()))
    vistas, hilo_listo = {}, threading.Event()

    def vigilar():
        hilo_listo.set()
        fin = time.time() + limite + 30
        while time.time() < fin and len(vistas) < len(paginas):
            for nombre, ruta in paginas.items():
                try:
                    if nombre not in vistas and publicadas(ruta) > antes[nombre]:
                        vistas[nombre] = time.time()
                except OSError:
                    pass  # una petición fallida no termina la vigilancia
            time.sleep(0.05)

    hilo = threading.Thread(target=vigilar)
    hilo.start()
    hilo_listo.wait()
    confirmado = shell(env, CODIGO_PUBLICAR % {"cuestionario": elegido["cuestionario"]})
    hilo.join()
    return {nombre: (vistas[nombre] - confirmado if nombre in vistas else None) for nombre in paginas}
