"""Recorrido por roles sobre los datos de `make run` (issue 11).

Cada rol empieza en su página de inicio y sigue, en anchura, cada enlace interno, cada formulario
GET y cada descarga que alcanza (con muestreo por patrón de URL; ver `rastreador.py`). Ningún rol se
omite. Las cifras de cada rol salen en el resumen de pytest («Recorrido por roles»).
"""

import pytest
from django.test import Client

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
