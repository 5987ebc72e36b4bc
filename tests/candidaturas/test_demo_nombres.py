"""Los nombres de la demostración se leen como nombres reales: sin erratas (issue 14).

Los nombres salen del catálogo es_MX de Faker, que trae erratas; `candidaturas.demo` las corrige al
generar. Estas pruebas revisan TODO lo que la demostración puede llegar a generar (cada entrada del
catálogo, ya corregida), no sólo una muestra, con dos redes: una lista de erratas vistas a ojo
(escrita aquí, aparte del código que las corrige) y reglas de acentuación del español que atrapan
erratas nuevas del mismo tipo («Manuél», «Crúz») si Faker cambia su catálogo.
"""

import re

import pytest
from faker.providers.person.es_MX import Provider as NombresDeFaker

from candidaturas.demo import _Generador, generar_demo
from candidaturas.models import Persona
from tests.candidaturas.test_demo import geografia  # noqa: F401  (fixture)

# Formas equivocadas encontradas al revisar el catálogo de Faker 40.63 (y la que debe quedar).
ERRATAS_VISTAS = {
    "Alvaro": "Álvaro",
    "Cristobal": "Cristóbal",
    "Elias": "Elías",
    "Felix": "Félix",
    "Jos": "José",
    "Manuél": "Manuel",
    "Rafaél": "Rafael",
    "Barbara": "Bárbara",
    "Eloisa": "Eloísa",
    "Rosalia": "Rosalía",
    "Alta  Gracia": "Altagracia",
    "Alcala": "Alcalá",
    "Alvarez": "Álvarez",
    "Arevalo": "Arévalo",
    "Arguello": "Argüello",
    "Bétancourt": "Betancourt",
    "Cardenas": "Cárdenas",
    "Crúz": "Cruz",
    "Cuellar": "Cuéllar",
    "Gamez": "Gámez",
    "Garica": "García",
    "Guillen": "Guillén",
    "Hernádez": "Hernández",
    "Hernandes": "Hernández",
    "Jimínez": "Jiménez",
    "Lomeli": "Lomelí",
    "Luevano": "Luévano",
    "Rodrígez": "Rodríguez",
    "Rodríquez": "Rodríguez",
    "Saldivar": "Saldívar",
    "Sanches": "Sánchez",
    "Solorzano": "Solórzano",
    "Zarate": "Zárate",
}
NO_SON_NOMBRES = {"Gollum", "Sessa", "Esparta"}
PARTICULAS = {"de", "la", "del", "los", "las"}
FUERTES = set("aeoáéíóú")
VOCALES = set("aeiouáéíóúü")


def nombres_posibles():
    """Todo nombre y apellido que la demostración puede generar, ya corregido."""
    catalogo = NombresDeFaker.first_names_male + NombresDeFaker.first_names_female + NombresDeFaker.last_names
    return sorted({_Generador.corregido(entrada) for entrada in catalogo})


def nucleos(palabra):
    """Las sílabas de una palabra como (vocales, índice de su última letra), tratando diptongos e
    hiatos: dos vocales fuertes (o una débil con tilde) van en sílabas distintas."""
    resultado = []
    for grupo in re.finditer(r"[aeiouáéíóúü]+", palabra.lower()):
        actual = ""
        for letra in grupo.group():
            if actual and letra in FUERTES and any(v in FUERTES for v in actual):
                resultado.append(actual)
                actual = ""
            actual += letra
        resultado.append(actual)
    return resultado


def falta_de_acentuacion(palabra):
    """Un motivo si la palabra rompe una regla de acentuación del español; '' si no."""
    if palabra in PARTICULAS or palabra == "O":
        return ""
    silabas = nucleos(palabra)
    con_tilde = [i for i, s in enumerate(silabas) if set(s) & set("áéíóú")]
    if len(con_tilde) > 1:
        return "más de una tilde"
    if not con_tilde:
        return ""
    if re.search(r"[íú][aeo]|[aeo][íú]", palabra.lower()):
        return ""  # tilde de hiato (María, Raúl, Díaz, Munguía): vale siempre
    if len(silabas) == 1:
        return "monosílabo con tilde"
    ultima = palabra[-1].lower()
    if con_tilde[0] == len(silabas) - 1 and ultima not in VOCALES | {"n", "s"}:
        return "aguda con tilde que termina en consonante distinta de n o s"
    if con_tilde[0] == len(silabas) - 2 and ultima in VOCALES | {"n", "s"}:
        return "llana con tilde que termina en vocal, n o s"
    return ""


@pytest.mark.parametrize(
    "palabra, motivo",
    [
        ("Manuél", "aguda"),
        ("Rafaél", "aguda"),
        ("Crúz", "monosílabo"),
        ("Jóse", "llana"),
        ("José", ""),
        ("Raúl", ""),
        ("Sáenz", ""),
        ("María", ""),
        ("Ángel", ""),
        ("Ruiz", ""),
        ("Muñiz", ""),
    ],
)
def test_la_regla_de_acentuacion_distingue_erratas_de_nombres_bien_escritos(palabra, motivo):
    assert motivo in falta_de_acentuacion(palabra) and bool(motivo) == bool(falta_de_acentuacion(palabra))


def test_ninguna_errata_vista_a_ojo_queda_en_lo_que_la_demo_puede_generar():
    posibles = nombres_posibles()
    palabras = {palabra for nombre in posibles for palabra in nombre.split()}

    for errata, correcta in ERRATAS_VISTAS.items():
        assert errata not in posibles and errata not in palabras, errata
        assert _Generador.corregido(errata) == correcta
    assert not palabras & NO_SON_NOMBRES


def test_todo_nombre_posible_respeta_la_acentuacion_y_la_forma_de_un_nombre():
    problemas = []
    for nombre in nombres_posibles():
        if nombre != nombre.strip() or "  " in nombre:
            problemas.append((nombre, "espacios"))
        for palabra in nombre.split():
            if palabra not in PARTICULAS and (
                palabra != "O" and len(palabra) < 3 or not palabra[0].isupper()
            ):
                problemas.append((nombre, "palabra incompleta o sin mayúscula"))
            if motivo := falta_de_acentuacion(palabra):
                problemas.append((nombre, motivo))

    assert problemas == []


def test_las_personas_generadas_no_tienen_erratas(geografia):  # noqa: F811
    generar_demo()

    posibles = set(nombres_posibles())
    personas = list(Persona.objects.values_list("nombre", "primer_apellido", "segundo_apellido"))
    assert len(personas) > 100
    for nombre, primero, segundo in personas:
        assert {nombre, primero, segundo} <= posibles
        for palabra in f"{nombre} {primero} {segundo}".split():
            assert palabra not in ERRATAS_VISTAS and palabra not in NO_SON_NOMBRES
