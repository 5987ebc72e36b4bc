"""Recorrido por roles sobre los datos de `make run` (issue 11).

Cada rol empieza en su página de inicio y sigue, en anchura, cada enlace interno, cada formulario
GET y cada descarga que alcanza (con muestreo por patrón de URL; ver `rastreador.py`). Ningún rol se
omite. Las cifras de cada rol salen en el resumen de pytest («Recorrido por roles»).
"""

import re

import pytest
from django.test import Client
from django.urls import resolve

from candidaturas.models import Candidatura
from comun.texto import normalizar
from cuestionarios.models import CuestionarioCurricular
from tests.recorrido.conftest import _cuenta_de_persona
from tests.recorrido.rastreador import Compartido, Rastreador

ROLES = [
    "ciudadanía anónima",
    "candidata",
    "candidata con dos candidaturas",
    "representación PAN",
    "representación MORENA",
    "personal revisor",
    "administración",
]
RESPUESTAS_DE_RECHAZO = {302, 403, 404}
# Lo que ya revisó un rol de esta corrida (ver rastreador.Compartido); con -n, uno por proceso.
COMPARTIDO = Compartido()


def _cliente(rol):
    cliente = Client()
    if rol.usuario is not None:
        cliente.force_login(rol.usuario)
    return cliente


def _ajenas(roles, nombre):
    """Las páginas propias de los otros roles que `nombre` no debe ver."""
    return {
        url
        for otro in roles.values()
        if otro.nombre != nombre and nombre not in otro.tambien_para
        for url in otro.propias
    }


@pytest.mark.parametrize("nombre", ROLES)
def test_recorrido_del_rol_sin_errores(nombre, datos_de_make_run, db, request):
    roles, segundos_de_carga = datos_de_make_run
    rol = roles[nombre]
    rastreador = Rastreador(
        _cliente(rol), nombre, [rol.inicio], ajenas=_ajenas(roles, nombre), compartido=COMPARTIDO
    )

    resultado = rastreador.correr()

    resumen = resultado.resumen()
    request.node.user_properties.append(("recorrido", resumen))
    print(f"\n{resumen} (datos de make run cargados en {segundos_de_carga:.1f} s)")
    print(f"Más lentas: {resultado.mas_lentas()}")
    assert not resultado.fallas, f"{resumen}\n" + "\n".join(resultado.fallas[:60])
    assert resultado.visitadas > 10
    if nombre.startswith("representación") and resolve("/captura/").route not in rastreador.cubiertas_antes:
        # El tablero con filtros: su formulario GET, los totales por estado y las páginas (lo revisa
        # el primer rol de la corrida que lo recorre a fondo; los demás sólo lo visitan una vez).
        visitadas = {url for _s, url in resultado.tiempos}
        assert {u for u in visitadas if u.startswith("/captura/?") and "q=" in u}, visitadas
        assert {u for u in visitadas if u.startswith("/captura/?estado=")}, visitadas
        assert {u for u in visitadas if u.startswith("/captura/?pagina=")}, visitadas


@pytest.mark.parametrize("nombre", ROLES)
def test_el_rol_no_llega_a_las_paginas_de_otro_rol(nombre, datos_de_make_run, db):
    roles, _segundos = datos_de_make_run
    cliente = _cliente(roles[nombre])
    ajenas = sorted(_ajenas(roles, nombre))

    estados = {url: cliente.get(url).status_code for url in ajenas}

    assert ajenas
    assert {url: e for url, e in estados.items() if e not in RESPUESTAS_DE_RECHAZO} == {}


@pytest.mark.parametrize("nombre", [n for n in ROLES if n != "ciudadanía anónima"])
def test_cada_rol_ve_sus_propias_paginas(nombre, datos_de_make_run, db):
    roles, _segundos = datos_de_make_run
    cliente = _cliente(roles[nombre])

    estados = {url: cliente.get(url).status_code for url in roles[nombre].propias}

    assert estados and set(estados.values()) == {200}, estados


# --- Tablero de la representación de partido sobre los datos de `make run` (issue 13) ---------------


def _nombres(respuesta):
    return re.findall(r'<th scope="row">([^<]+)</th>', respuesta.content.decode())


def _mostrando(respuesta):
    return re.search(r"Mostrando [^<]+", respuesta.content.decode()).group(0)


def test_la_representacion_busca_filtra_y_pagina_su_tablero(datos_de_make_run, db):
    roles, _segundos = datos_de_make_run
    rol = roles["representación PAN"]
    cliente = _cliente(rol)
    vigentes = Candidatura.objects.vigentes().filter(actor__slug="pan", eleccion__proceso__archivado=False)
    total = vigentes.count()

    inicio = cliente.get("/captura/")
    assert inicio.status_code == 200
    assert _mostrando(inicio) == f"Mostrando 1–50 de {total} candidaturas"
    assert len(_nombres(inicio)) == 50
    assert _mostrando(cliente.get("/captura/", {"pagina": 2})) == f"Mostrando 51–100 de {total} candidaturas"

    # Cada total lleva a su filtro y el filtro muestra exactamente ese número de filas.
    contenido = inicio.content.decode()
    por_validar = int(
        re.search(r'estado=enviado"><span class="totales__numero">(\d+)</span>', contenido).group(1)
    )
    assert por_validar > 0, "la demostración tiene capturas enviadas por validar"
    enviadas = cliente.get("/captura/", {"estado": "enviado"})
    assert len(_nombres(enviadas)) == min(por_validar, 50)

    # Búsqueda sin acentos ni mayúsculas sobre un nombre real de la demostración con acento.
    persona = next(
        c.persona
        for c in vigentes.select_related("persona")
        if normalizar(c.persona.nombre_completo) != c.persona.nombre_completo.lower()
    )
    buscada = cliente.get("/captura/", {"q": normalizar(persona.primer_apellido).upper()})
    assert persona.nombre_completo in _nombres(buscada)

    # Filtros por cargo, municipio y distrito: cada fila cumple el filtro.
    regidurias = cliente.get("/captura/", {"cargo": "regiduria", "orden": "candidatura"})
    assert regidurias.status_code == 200
    assert "Regiduría" in regidurias.content.decode()
    assert all(
        "Regiduría" in fila
        for fila in re.findall(
            r'aria-hidden="true">Candidatura: </span>([^<]+)</td>', regidurias.content.decode()
        )
    )
    for filtro in ({"municipio": 106}, {"distrito": 1}, {"municipio": 106, "estado": "publicado"}):
        assert cliente.get("/captura/", filtro).status_code == 200, filtro
    assert cliente.get("/captura/", {"distrito": "cien"}).status_code == 400


def test_la_representacion_devuelve_una_captura_y_la_candidata_ve_las_razones(datos_de_make_run, db):
    roles, _segundos = datos_de_make_run
    cliente = _cliente(roles["representación PAN"])
    enviadas = cliente.get("/captura/", {"estado": "enviado"}).content.decode()
    url = re.search(r'href="(/captura/partido/\d+/)">Revisar y validar', enviadas).group(1)
    captura = cliente.get(url)
    assert "Devolver con observaciones" in captura.content.decode()
    assert "Validar candidatura" in captura.content.decode()

    sin_razones = cliente.post(url + "devolver/", {"parte": "propuestas", "razones": ""})
    assert sin_razones.status_code == 400
    assert "Escribe las razones" in sin_razones.content.decode()

    razones = "Tus propuestas repiten el lema de campaña; cámbialas por acciones concretas."
    devuelta = cliente.post(url + "devolver/", {"parte": "propuestas", "razones": razones})
    assert devuelta.status_code == 302
    tablero = cliente.get("/captura/").content.decode()
    assert "Devolviste la captura de" in tablero
    assert 'estado=devuelta"><span class="totales__numero">1</span> devuelta con observaciones' in tablero
    historial = cliente.get(url).content.decode()
    assert "Enviado → En captura" in historial
    assert "Representación de PAN" in historial

    pk = int(url.rstrip("/").rsplit("/", 1)[1])
    cuestionario = CuestionarioCurricular.objects.get(pk=pk)
    candidata = Client()
    candidata.force_login(_cuenta_de_persona(cuestionario.persona.candidaturas.vigentes().first()))
    vista = candidata.get("/captura/").content.decode()
    assert razones in vista
    assert "De la representación de tu partido · Propuestas:" in vista
