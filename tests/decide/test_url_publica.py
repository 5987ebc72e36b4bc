"""DECIDE_URL_PUBLICA: la dirección de los enlaces de los correos (issue 11)."""

import pytest
from django.test import override_settings

from decide.checks import url_publica


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000", "decide.ieem.org.mx", ""],
)
def test_check_deploy_avisa_si_los_correos_llevarian_a_la_maquina_local(url):
    with override_settings(DECIDE_URL_PUBLICA=url):
        avisos = url_publica(None)

    assert [a.id for a in avisos] == ["decide.W001"]


def test_check_deploy_avisa_si_la_url_publica_es_http_con_https_exigido():
    with override_settings(DECIDE_URL_PUBLICA="http://decide.ieem.org.mx", HTTPS=True):
        avisos = url_publica(None)

    assert [a.id for a in avisos] == ["decide.W002"]


def test_una_direccion_publica_con_https_no_da_avisos():
    with override_settings(DECIDE_URL_PUBLICA="https://decide.ieem.org.mx", HTTPS=True):
        assert url_publica(None) == []
