"""Datos de demostración del registro: un proceso ordinario completo y uno extraordinario.

Todo es ficticio salvo la geografía (municipios, distritos y secciones reales, cargados antes con
`cargar_geografia`) y los partidos de `fixtures/edomex/partidos.csv`. Con la misma semilla se
generan exactamente los mismos datos; si los procesos de demostración ya existen no se toca nada.
Las reglas (integración de planillas, paridad, coaliciones) están en docs/demo.md.

Otras apps construyen su demostración sobre `generar_demo()`, que devuelve los procesos.
"""

import csv
import datetime
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from faker import Faker

from candidaturas.models import (
    ActorPolitico,
    Candidatura,
    DistritoLocal,
    Eleccion,
    Municipio,
    Persona,
    ProcesoElectoral,
)
from candidaturas.services import nombre_normalizado
from comun.cache_publica import invalidar_al_confirmar
from comun.cambios import avisar_cambio_publico

# Erratas del catálogo es_MX de Faker (issue 14): se corrigen al generar, de forma determinista.
# Revisadas a ojo las 161 + 186 + 623 entradas de Faker 40.63: acentos que faltan o sobran, letras
# cambiadas, una entrada truncada («Jos»), formas inglesas o portuguesas que en México se leen como
# erratas («Hernandes», «Sanches») y tres que no son nombres («Gollum», «Sessa», «Esparta»).
ERRATAS_DE_FAKER = {
    # Nombres
    "Alvaro": "Álvaro",
    "Cristobal": "Cristóbal",
    "Elias": "Elías",
    "Felix": "Félix",
    "Jos": "José",
    "Manuél": "Manuel",
    "Óliver": "Oliver",
    "Rafaél": "Rafael",
    "Barbara": "Bárbara",
    "Eloisa": "Eloísa",
    "Rosalia": "Rosalía",
    "Sessa": "Selene",
    "Esparta": "Eréndira",
    # Apellidos
    "Alcala": "Alcalá",
    "Alvarez": "Álvarez",
    "Arevalo": "Arévalo",
    "Arguello": "Argüello",
    "Bétancourt": "Betancourt",
    "Cardenas": "Cárdenas",
    "Cervántez": "Cervantes",
    "Crúz": "Cruz",
    "Cuellar": "Cuéllar",
    "Esquibel": "Esquivel",
    "Gamez": "Gámez",
    "Garica": "García",
    "Gollum": "Galeana",
    "Gonzales": "González",
    "Guillen": "Guillén",
    "Hernádez": "Hernández",
    "Hernandes": "Hernández",
    "Jimínez": "Jiménez",
    "Lomeli": "Lomelí",
    "Luevano": "Luévano",
    "Orosco": "Orozco",
    "Peres": "Pérez",
    "Rodrígez": "Rodríguez",
    "Rodríquez": "Rodríguez",
    "Saldivar": "Saldívar",
    "Sanches": "Sánchez",
    "Sisneros": "Cisneros",
    "Solorzano": "Solórzano",
    "Tórrez": "Torres",
    "Villareal": "Villarreal",
    "Zarate": "Zárate",
}
# Erratas de más de una palabra (se buscan después de corregir cada palabra y quitar espacios dobles).
ERRATAS_DE_FAKER_FRASES = {"Alta Gracia": "Altagracia"}

SEMILLA = 20270606
SLUG_ORDINARIO = "demo-ordinario-2027"
SLUG_EXTRAORDINARIO = "demo-extraordinario-nextlalpan-2027"
CLAVE_NEXTLALPAN = 59
LUGARES_RP = 15
ARCHIVO_PARTIDOS = Path(settings.BASE_DIR) / "fixtures" / "edomex" / "partidos.csv"

# Coaliciones parciales: compiten en las contiendas pares; en las impares, cada partido por separado.
COALICIONES = [
    {
        "slug": "demo-2027-fuerza-y-corazon",
        "siglas": "FYC",
        "nombre": "Coalición «Fuerza y Corazón por el Edomex» (demostración)",
        "color": "#4a4a55",
        "integrantes": ["PAN", "PRI", "PRD", "NAEM"],
    },
    {
        "slug": "demo-2027-sigamos-haciendo-historia",
        "siglas": "SHH",
        "nombre": "Coalición «Sigamos Haciendo Historia en el Estado de México» (demostración)",
        "color": "#6b1f2a",
        "integrantes": ["MORENA", "PT", "PVEM"],
    },
]

# Integración de la planilla según la lista nominal del municipio (aproximación de la Ley Orgánica
# Municipal del Estado de México, art. 16, que usa la población): (límite, sindicaturas, regidurías).
INTEGRACION_PLANILLA = [
    (110_000, 1, 4),
    (370_000, 1, 5),
    (740_000, 2, 7),
    (None, 2, 9),
]

CAMPOS_PERSONA = [
    "nombre",
    "primer_apellido",
    "segundo_apellido",
    "nombre_normalizado",
    "sexo",
    "fecha_nacimiento",
    "correo",
]


class GeografiaFaltante(Exception):
    """La demostración se monta sobre la geografía real; hay que cargarla antes."""


@dataclass
class ResultadoDemo:
    ordinario: ProcesoElectoral
    extraordinario: ProcesoElectoral | None
    creado: bool
    candidaturas: int
    segundos: float


def integracion_planilla(lista_nominal):
    """(sindicaturas, regidurías) de la planilla de un municipio con esa lista nominal."""
    for limite, sindicaturas, regidurias in INTEGRACION_PLANILLA:
        if limite is None or lista_nominal < limite:
            return sindicaturas, regidurias
    raise AssertionError("INTEGRACION_PLANILLA debe terminar en un límite None")


def generar_demo(*, municipios=None, distritos=None):
    """Crea (una sola vez) los procesos de demostración y devuelve un ResultadoDemo.

    `municipios` y `distritos` limitan la muestra a los primeros N (por clave IEEM y número),
    para pruebas rápidas. Lanza GeografiaFaltante si no se ha cargado la geografía.
    """
    inicio = time.perf_counter()
    existente = ProcesoElectoral.objects.filter(slug=SLUG_ORDINARIO).first()
    if existente is not None:
        extraordinario = ProcesoElectoral.objects.filter(slug=SLUG_EXTRAORDINARIO).first()
        return ResultadoDemo(
            ordinario=existente,
            extraordinario=extraordinario,
            creado=False,
            candidaturas=Candidatura.objects.filter(
                eleccion__proceso__in=[p for p in (existente, extraordinario) if p]
            ).count(),
            segundos=time.perf_counter() - inicio,
        )
    lista_municipios = list(Municipio.objects.order_by("clave_ieem"))
    lista_distritos = list(DistritoLocal.objects.order_by("numero"))
    if not lista_municipios or not lista_distritos:
        raise GeografiaFaltante(
            "No hay municipios ni distritos cargados. Corre primero: python manage.py cargar_geografia"
        )
    if municipios is not None:
        lista_municipios = lista_municipios[:municipios]
    if distritos is not None:
        lista_distritos = lista_distritos[:distritos]

    with transaction.atomic():
        # Todas las páginas, una vez al confirmarse; pedido antes de crear nada, las señales de cada
        # fila ya no calculan sus alcances (comun.cache_publica.invalidacion_total_pendiente).
        invalidar_al_confirmar()
        generador = _Generador(SEMILLA)
        ordinario, total = generador.proceso_ordinario(lista_municipios, lista_distritos)
        nextlalpan = Municipio.objects.filter(clave_ieem=CLAVE_NEXTLALPAN).first()
        extraordinario = None
        if nextlalpan is not None:
            extraordinario, extra = generador.proceso_extraordinario(nextlalpan)
            total += extra
        avisar_cambio_publico()
    return ResultadoDemo(
        ordinario=ordinario,
        extraordinario=extraordinario,
        creado=True,
        candidaturas=total,
        segundos=time.perf_counter() - inicio,
    )


class _Generador:
    """Arma personas y candidaturas en memoria y las guarda con bulk_create.

    Todo el azar sale de un solo `random.Random` y un solo Faker con la misma semilla, y se
    consume siempre en el mismo orden: mismos datos en cada corrida.
    """

    def __init__(self, semilla):
        self.azar = random.Random(semilla)
        self.faker = Faker("es_MX")
        self.faker.seed_instance(semilla)
        self.personas = []
        self.candidaturas = []
        self.contador_personas = 0
        self.encabezados = Counter()

    def mujer_encabeza(self, tipo, actor, posicion):
        """Paridad vertical: cada actor alterna mujer y hombre al frente de sus fórmulas o planillas
        de un mismo tipo de elección; en una misma contienda, los actores contiguos también alternan."""
        clave = (tipo, actor.slug)
        mujer = (self.encabezados[clave] + posicion) % 2 == 0
        self.encabezados[clave] += 1
        return mujer

    # --- Piezas ---------------------------------------------------------------------------------

    def partidos(self):
        """Los partidos de fixtures/edomex/partidos.csv, permanentes (sin proceso)."""
        with ARCHIVO_PARTIDOS.open(encoding="utf-8", newline="") as archivo:
            filas = list(csv.DictReader(archivo))
        partidos = []
        for orden, fila in enumerate(filas, start=1):
            partido, _creado = ActorPolitico.objects.get_or_create(
                slug=fila["siglas"].lower(),
                defaults={
                    "tipo": ActorPolitico.Tipo.PARTIDO,
                    "siglas": fila["siglas"],
                    "nombre": fila["nombre"],
                    "color": fila["color_hex_referencia"],
                    "orden": orden * 10,
                },
            )
            partidos.append(partido)
        return partidos

    def coaliciones(self, proceso, partidos):
        por_siglas = {p.siglas: p for p in partidos}
        coaliciones = []
        for orden, datos in enumerate(COALICIONES, start=1):
            coalicion, creada = ActorPolitico.objects.get_or_create(
                slug=datos["slug"],
                defaults={
                    "tipo": ActorPolitico.Tipo.COALICION,
                    "siglas": datos["siglas"],
                    "nombre": datos["nombre"],
                    "color": datos["color"],
                    "proceso": proceso,
                    "orden": orden,
                },
            )
            if creada:
                coalicion.integrantes.set([por_siglas[s] for s in datos["integrantes"] if s in por_siglas])
            coaliciones.append(coalicion)
        return coaliciones

    def actores_de_la_contienda(self, indice, partidos, coaliciones):
        """Coaliciones parciales: en contiendas pares compiten las coaliciones (y quien no es
        parte de ninguna); en las impares, todos los partidos por separado."""
        if indice % 2:
            return partidos
        en_coalicion = {s for datos in COALICIONES for s in datos["integrantes"]}
        return coaliciones + [p for p in partidos if p.siglas not in en_coalicion]

    @staticmethod
    def corregido(texto):
        """Corrige las erratas del catálogo de nombres de Faker (es_MX): la demostración debe leerse real."""
        texto = " ".join(ERRATAS_DE_FAKER.get(parte, parte) for parte in texto.split())
        return ERRATAS_DE_FAKER_FRASES.get(texto, texto)

    def persona(self, sexo):
        self.contador_personas += 1
        if self.contador_personas % 250 == 0:
            sexo = Persona.Sexo.NO_BINARIA
        if sexo == Persona.Sexo.MUJER:
            nombre = self.faker.first_name_female()
        elif sexo == Persona.Sexo.HOMBRE:
            nombre = self.faker.first_name_male()
        else:
            nombre = self.faker.first_name_nonbinary()
        primer, segundo = self.faker.last_name(), self.faker.last_name()
        nombre, primer, segundo = self.corregido(nombre), self.corregido(primer), self.corregido(segundo)
        persona = Persona(
            nombre=nombre,
            primer_apellido=primer,
            segundo_apellido=segundo,
            nombre_normalizado=nombre_normalizado(nombre, primer, segundo),
            sexo=sexo,
            fecha_nacimiento=datetime.date(1950, 1, 1)
            + datetime.timedelta(days=self.azar.randrange(0, 365 * 55)),
            correo=f"persona{self.contador_personas:05d}@demo.decide.invalid",
        )
        self.personas.append(persona)
        return persona

    def formula(self, eleccion, actor, cargo, numero, sexo, accion=""):
        """Propietaria y suplente del mismo sexo (la suplencia cubre a quien encabeza)."""
        for calidad in (Candidatura.Calidad.PROPIETARIA, Candidatura.Calidad.SUPLENTE):
            self.candidaturas.append(
                Candidatura(
                    persona=self.persona(sexo),
                    eleccion=eleccion,
                    actor=actor,
                    cargo=cargo,
                    numero=numero,
                    calidad=calidad,
                    accion_afirmativa=accion,
                )
            )

    def accion_afirmativa(self):
        """Uno de cada 25 lugares se registra bajo una acción afirmativa."""
        if self.azar.random() < 0.04:
            return self.azar.choice(Candidatura.AccionAfirmativa.values)
        return ""

    @staticmethod
    def sexo_alterno(mujer_primero, posicion):
        mujer = (posicion % 2 == 0) == mujer_primero
        return Persona.Sexo.MUJER if mujer else Persona.Sexo.HOMBRE

    def planilla(self, eleccion, actor, sindicaturas, regidurias, mujer_encabeza):
        lugares = [(Candidatura.Cargo.PRESIDENCIA_MUNICIPAL, 1)]
        lugares += [(Candidatura.Cargo.SINDICATURA, n) for n in range(1, sindicaturas + 1)]
        lugares += [(Candidatura.Cargo.REGIDURIA, n) for n in range(1, regidurias + 1)]
        for posicion, (cargo, numero) in enumerate(lugares):
            self.formula(
                eleccion,
                actor,
                cargo,
                numero,
                self.sexo_alterno(mujer_encabeza, posicion),
                self.accion_afirmativa(),
            )

    # --- Procesos -------------------------------------------------------------------------------

    def proceso_ordinario(self, municipios, distritos):
        proceso = ProcesoElectoral.objects.create(
            nombre="Proceso Electoral Local Ordinario 2027 (demostración)",
            slug=SLUG_ORDINARIO,
            anio=2027,
            tipo=ProcesoElectoral.Tipo.ORDINARIO,
            fecha_jornada=datetime.date(2027, 6, 6),
            inicio_campanas=datetime.date(2027, 4, 29),
            fin_campanas=datetime.date(2027, 6, 2),
            predeterminado=not ProcesoElectoral.objects.filter(predeterminado=True).exists(),
            es_demostracion=True,
            descripcion=(
                "Proceso ficticio para mostrar el portal: diputaciones locales (45 de mayoría relativa "
                "y listas de representación proporcional) y los 125 ayuntamientos."
            ),
        )
        partidos = self.partidos()
        coaliciones = self.coaliciones(proceso, partidos)

        elecciones_mr = Eleccion.objects.bulk_create(
            [Eleccion(proceso=proceso, tipo=Eleccion.Tipo.DIPUTACION_MR, distrito_local=d) for d in distritos]
        )
        rp = Eleccion.objects.create(proceso=proceso, tipo=Eleccion.Tipo.DIPUTACION_RP)
        ayuntamientos = Eleccion.objects.bulk_create(
            [Eleccion(proceso=proceso, tipo=Eleccion.Tipo.AYUNTAMIENTO, municipio=m) for m in municipios]
        )

        for indice, eleccion in enumerate(elecciones_mr):
            for posicion, actor in enumerate(self.actores_de_la_contienda(indice, partidos, coaliciones)):
                sexo = self.sexo_alterno(self.mujer_encabeza(eleccion.tipo, actor, posicion), 0)
                self.formula(eleccion, actor, Candidatura.Cargo.DIPUTACION, 1, sexo, self.accion_afirmativa())

        for posicion_partido, partido in enumerate(partidos):
            for lugar in range(1, LUGARES_RP + 1):
                sexo = self.sexo_alterno(posicion_partido % 2 == 0, lugar - 1)
                self.formula(rp, partido, Candidatura.Cargo.DIPUTACION, lugar, sexo, self.accion_afirmativa())

        listas = dict(
            Municipio.objects.filter(pk__in=[m.pk for m in municipios])
            .annotate(lista=Sum("secciones__lista_nominal"))
            .values_list("pk", "lista")
        )
        for indice, eleccion in enumerate(ayuntamientos):
            sindicaturas, regidurias = integracion_planilla(listas.get(eleccion.municipio_id) or 0)
            for posicion, actor in enumerate(self.actores_de_la_contienda(indice, partidos, coaliciones)):
                mujer = self.mujer_encabeza(eleccion.tipo, actor, posicion)
                self.planilla(eleccion, actor, sindicaturas, regidurias, mujer)

        return proceso, self.guardar(cambios=True)

    def proceso_extraordinario(self, municipio):
        """Nextlalpan: presidencia, una sindicatura y cuatro regidurías por planilla."""
        self.encabezados = Counter()
        proceso = ProcesoElectoral.objects.create(
            nombre=f"Elección Extraordinaria de {municipio.nombre} 2027 (demostración)",
            slug=SLUG_EXTRAORDINARIO,
            anio=2027,
            tipo=ProcesoElectoral.Tipo.EXTRAORDINARIO,
            fecha_jornada=datetime.date(2027, 11, 14),
            inicio_campanas=datetime.date(2027, 10, 28),
            fin_campanas=datetime.date(2027, 11, 10),
            es_demostracion=True,
            descripcion=f"Proceso ficticio: elección extraordinaria del ayuntamiento de {municipio.nombre}.",
        )
        partidos = [p for p in self.partidos() if p.siglas in {"PAN", "PRI", "MORENA", "MC", "PVEM"}]
        eleccion = Eleccion.objects.create(
            proceso=proceso, tipo=Eleccion.Tipo.AYUNTAMIENTO, municipio=municipio
        )
        for posicion, partido in enumerate(partidos):
            self.planilla(eleccion, partido, 1, 4, posicion % 2 == 0)
        return proceso, self.guardar(cambios=False)

    def doble_postulacion(self):
        """La ley permite postular a una persona por mayoría relativa y, a la vez, en la lista de
        representación proporcional del mismo partido. La demostración tiene un caso: la primera
        candidatura de MR de un partido que compite solo pasa también a su lista de RP, en el primer
        lugar del mismo sexo. No consume azar: el resto de los datos no cambia (hay una persona menos)."""
        vigentes = [
            c
            for c in self.candidaturas
            if c.estado == Candidatura.Estado.REGISTRADA and c.calidad == Candidatura.Calidad.PROPIETARIA
        ]
        listas = [c for c in vigentes if c.eleccion.tipo == Eleccion.Tipo.DIPUTACION_RP]
        for mayoria in (c for c in vigentes if c.eleccion.tipo == Eleccion.Tipo.DIPUTACION_MR):
            for lista in listas:
                if lista.actor == mayoria.actor and lista.persona.sexo == mayoria.persona.sexo:
                    self.personas = [p for p in self.personas if p is not lista.persona]
                    lista.persona = mayoria.persona
                    return

    def guardar(self, *, cambios):
        """Guarda lo acumulado; con `cambios`, sustituye y cancela algunas candidaturas."""
        sustituciones = []
        if cambios and self.candidaturas:
            propietarias = [c for c in self.candidaturas if c.calidad == Candidatura.Calidad.PROPIETARIA]
            elegidas = self.azar.sample(propietarias, min(len(propietarias), 18))
            for numero, candidatura in enumerate(elegidas):
                fecha = datetime.date(2027, 5, 2) + datetime.timedelta(days=numero)
                acuerdo = f"IEEM/CG/{120 + numero}/2027"
                candidatura.fecha_cambio = fecha
                candidatura.acuerdo_cambio = acuerdo
                if numero % 3 == 2:
                    candidatura.estado = Candidatura.Estado.CANCELADA
                    candidatura.motivo_cambio = "Renuncia sin sustitución dentro del plazo."
                    continue
                candidatura.estado = Candidatura.Estado.SUSTITUIDA
                candidatura.motivo_cambio = "Renuncia de la persona candidata."
                sustituciones.append(candidatura)
            self.doble_postulacion()

        Persona.objects.bulk_create(self.personas, batch_size=2000)
        self.personas = []
        for candidatura in self.candidaturas:
            candidatura.persona_id = candidatura.persona.pk
        Candidatura.objects.bulk_create(self.candidaturas, batch_size=2000)
        total = len(self.candidaturas)
        self.candidaturas = []

        nuevas = []
        for anterior in sustituciones:
            nuevas.append(
                Candidatura(
                    persona=self.persona(anterior.persona.sexo),
                    eleccion_id=anterior.eleccion_id,
                    actor_id=anterior.actor_id,
                    cargo=anterior.cargo,
                    numero=anterior.numero,
                    calidad=anterior.calidad,
                    accion_afirmativa=anterior.accion_afirmativa,
                    sustituye_id=anterior.pk,
                    fecha_cambio=anterior.fecha_cambio,
                    acuerdo_cambio=anterior.acuerdo_cambio,
                    motivo_cambio=anterior.motivo_cambio,
                )
            )
        if nuevas:
            Persona.objects.bulk_create(self.personas)
            self.personas = []
            for candidatura in nuevas:
                candidatura.persona_id = candidatura.persona.pk
            Candidatura.objects.bulk_create(nuevas)
        return total + len(nuevas)
