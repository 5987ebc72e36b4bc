"""La caché de páginas públicas (issue 17): cabeceras HTTP y 304 en cada página, parámetros
desconocidos, invalidación dirigida, sin estampida y la guarda de cookies."""

import threading
import time

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from comun import cache_publica
from comun.cache_publica import CONTENIDO, CachePublicaMiddleware, invalidar, pagina_publica_en_cache
from cuestionarios import services
from tests.candidaturas.factories import CandidaturaFactory, ProcesoElectoralFactory
from tests.cuestionarios.factories import escenario
from tests.cuestionarios.test_flujo import hasta_revision

PAGINAS = [
    ("decide:inicio", {}),
    ("decide:mi_seccion", {}),
    ("decide:atribuciones", {}),
    ("decide:quita_dudas", {"q": "casilla"}),
    ("decide:recursos", {}),
    ("decide:enlaces", {}),
    ("decide:estadisticas", {}),
    ("conoceles:inicio", {"q": "ana"}),
    ("conoceles:estadisticas", {}),
    ("conoceles:datos", {}),
    ("candidaturas:lista", {}),
    ("procesos", {}),
    ("plataformas:lista", {}),
]


@pytest.fixture
def datos(db):
    datos = escenario()
    datos["proceso"].predeterminado = True
    datos["proceso"].save()
    return datos


def _publicar(datos, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revisor = hasta_revision(datos)
    cache.clear()  # lo de antes de publicar no cuenta
    return lambda: _mover(datos, revisor, django_capture_on_commit_callbacks)


def _mover(datos, revisor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.mover(cuestionario=datos["curricular"], movimiento="publicar", usuario=revisor)


# --- Cabeceras HTTP -------------------------------------------------------------------------------


@pytest.mark.parametrize(("nombre", "parametros"), PAGINAS)
def test_cada_pagina_publica_lleva_cabeceras_para_un_proxy_y_responde_304(client, datos, nombre, parametros):
    url = reverse(nombre)

    primera = client.get(url, parametros)
    segunda = client.get(url, parametros)

    assert primera.status_code == 200
    assert primera["X-Cache"] == "MISS" and segunda["X-Cache"] == "HIT"
    control = segunda["Cache-Control"]
    assert control.startswith("public, ")
    assert "s-maxage=" in control and "stale-while-revalidate=" in control and "max-age=" in control
    assert "Cookie" in segunda["Vary"]
    assert segunda["ETag"] == primera["ETag"] and segunda["ETag"].startswith('"')
    assert segunda["Last-Modified"] == primera["Last-Modified"]
    assert not segunda.cookies

    por_etag = client.get(url, parametros, headers={"If-None-Match": segunda["ETag"]})
    por_fecha = client.get(url, parametros, headers={"If-Modified-Since": segunda["Last-Modified"]})
    otra_etag = client.get(url, parametros, headers={"If-None-Match": '"otra"'})
    assert por_etag.status_code == 304 and por_etag.content == b""
    assert por_etag["ETag"] == segunda["ETag"] and por_etag["Cache-Control"] == control
    assert por_fecha.status_code == 304
    assert otra_etag.status_code == 200 and otra_etag.content == segunda.content

    cabeza = client.head(url, parametros)
    assert cabeza.status_code == 200 and cabeza["ETag"] == segunda["ETag"]
    assert cabeza["Cache-Control"] == control


@pytest.mark.parametrize(("nombre", "parametros"), PAGINAS)
def test_con_sesion_la_pagina_es_privada_y_no_sale_de_la_cache(client, datos, nombre, parametros):
    url = reverse(nombre)
    client.get(url, parametros)
    client.cookies["sessionid"] = "cualquiera"

    respuesta = client.get(url, parametros)

    assert respuesta.status_code == 200
    assert respuesta["Cache-Control"] == "private, no-store"
    assert "Cookie" in respuesta["Vary"]
    assert respuesta.get("X-Cache") != "HIT"
    assert "ETag" not in respuesta


def test_un_error_no_se_guarda_ni_se_marca_publico(client, db):
    respuesta = client.get(reverse("decide:mi_seccion"), {"seccion": "no-es-numero"})

    assert respuesta.status_code == 400
    assert "public" not in respuesta["Cache-Control"]


# --- Parámetros de consulta -----------------------------------------------------------------------


def test_un_parametro_desconocido_redirige_a_la_url_canonica(client, datos):
    url = reverse("conoceles:inicio")

    respuesta = client.get(url, {"utm_source": "red", "q": "ana", "x": "123", "municipio": ""})

    assert respuesta.status_code == 301
    assert respuesta["Location"] == f"{url}?municipio=&q=ana"
    assert respuesta["Cache-Control"].startswith("public")


def test_parametros_aleatorios_no_crean_entradas_nuevas(client, datos):
    url = reverse("decide:recursos")
    client.get(url)

    for i in range(5):
        assert client.get(url, {"x": str(i)}).status_code == 301

    assert client.get(url)["X-Cache"] == "HIT"


def test_el_orden_de_los_parametros_no_crea_otra_entrada(client, datos):
    url = reverse("conoceles:inicio")
    client.get(f"{url}?q=ana&pagina=1")

    respuesta = client.get(f"{url}?pagina=1&q=ana")

    assert respuesta["X-Cache"] == "HIT"


# --- Invalidación dirigida ------------------------------------------------------------------------


def test_publicar_refresca_la_busqueda_y_las_paginas_de_su_proceso_y_nada_mas(
    client, datos, django_capture_on_commit_callbacks
):
    publicar = _publicar(datos, django_capture_on_commit_callbacks)
    otro = ProcesoElectoralFactory()
    CandidaturaFactory(eleccion__proceso=otro)
    de_su_proceso = [
        reverse("conoceles:inicio"),
        f"{reverse('conoceles:inicio')}?proceso={datos['proceso'].slug}",
        reverse("conoceles:estadisticas"),
        reverse("candidaturas:lista"),
    ]
    ajenas = [
        reverse("decide:recursos"),
        reverse("decide:quita_dudas"),
        reverse("decide:enlaces"),
        f"{reverse('conoceles:inicio')}?proceso={otro.slug}",
    ]
    for url in de_su_proceso + ajenas:
        assert client.get(url).status_code == 200

    publicar()

    for url in de_su_proceso:
        assert client.get(url)["X-Cache"] == "MISS", url
    for url in ajenas:
        assert client.get(url)["X-Cache"] == "HIT", url
    assertContains(client.get(reverse("conoceles:inicio")), "Información publicada")


def test_publicar_refresca_la_comparacion_que_muestra_esa_candidatura(
    client, datos, django_capture_on_commit_callbacks
):
    publicar = _publicar(datos, django_capture_on_commit_callbacks)
    candidatura = datos["candidatura"]
    rival = CandidaturaFactory(eleccion=candidatura.eleccion)
    otra_contienda = [CandidaturaFactory(), CandidaturaFactory()]
    otra_contienda[1].eleccion = otra_contienda[0].eleccion
    otra_contienda[1].save()
    url = reverse("conoceles:comparar")
    suya = f"{url}?id={candidatura.pk}&id={rival.pk}"
    ajena = f"{url}?id={otra_contienda[0].pk}&id={otra_contienda[1].pk}"
    assert client.get(suya).status_code == 200
    assert client.get(ajena).status_code == 200

    publicar()

    assert client.get(suya)["X-Cache"] == "MISS"
    assert client.get(ajena)["X-Cache"] == "HIT"


def test_editar_contenido_refresca_sus_paginas_y_no_conoceles(client, datos):
    contenido = [reverse("decide:recursos"), reverse("decide:quita_dudas"), reverse("decide:atribuciones")]
    conoceles = [reverse("conoceles:inicio"), reverse("conoceles:estadisticas")]
    for url in contenido + conoceles:
        client.get(url)

    invalidar(CONTENIDO)

    for url in contenido:
        assert client.get(url)["X-Cache"] == "MISS", url
    for url in conoceles:
        assert client.get(url)["X-Cache"] == "HIT", url


def test_invalidar_sin_alcance_refresca_todo(client, datos):
    urls = [reverse("decide:recursos"), reverse("conoceles:inicio"), reverse("procesos")]
    for url in urls:
        client.get(url)

    cache_publica.invalidar_paginas_publicas()

    assert [client.get(url)["X-Cache"] for url in urls] == ["MISS"] * 3


@pytest.mark.django_db
def test_una_transaccion_invalida_una_sola_vez_la_union_de_lo_pedido(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for _vez in range(3):
            cache_publica.invalidar_al_confirmar("candidatura:1", "contienda:1")
            cache_publica.invalidar_al_confirmar(CONTENIDO)

    assert len(callbacks) == 1
    assert all(cache_publica.version(a) for a in ("candidatura:1", "contienda:1", CONTENIDO))
    assert cache_publica.version(cache_publica.PORTAL) == 0


@pytest.mark.django_db
def test_pedir_todo_en_una_transaccion_invalida_todo_una_vez(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        cache_publica.invalidar_al_confirmar("candidatura:1")
        cache_publica.invalidar_al_confirmar()
        cache_publica.invalidar_al_confirmar("candidatura:2")
        assert cache_publica.invalidacion_total_pendiente()

    assert len(callbacks) == 1
    assert cache_publica.version(cache_publica.PORTAL)
    assert not cache_publica.version("candidatura:1") and not cache_publica.version("candidatura:2")


@pytest.mark.django_db
def test_un_savepoint_deshecho_descarta_lo_suyo_y_no_lo_que_se_pide_despues(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                cache_publica.invalidar_al_confirmar("candidatura:1")
                raise RuntimeError
        except RuntimeError:
            pass
        cache_publica.invalidar_al_confirmar("candidatura:2")

    assert cache_publica.version("candidatura:1") == 0
    assert cache_publica.version("candidatura:2")


def test_un_hit_lee_la_cache_una_sola_vez(client, datos, django_assert_num_queries, monkeypatch):
    url = reverse("conoceles:inicio")
    client.get(url)
    lecturas = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda claves: lecturas.append(list(claves)) or get_many(claves))
    monkeypatch.setattr(cache, "add", lambda *a, **k: pytest.fail("una versión faltaba"))

    with django_assert_num_queries(0):
        respuesta = client.get(url)

    assert respuesta["X-Cache"] == "HIT"
    assert len(lecturas) == 1


def test_un_hit_se_sirve_antes_de_la_cadena_de_middlewares_con_sus_cabeceras(client, datos, monkeypatch):
    """Una página fresca sale del primer middleware: ni la sesión, ni el usuario, ni la vista corren,
    y lleva las mismas cabeceras de seguridad que la respuesta original."""
    from django.contrib.auth import middleware as auth

    url = reverse("conoceles:inicio")
    original = client.get(url)
    monkeypatch.setattr(
        auth.AuthenticationMiddleware, "process_request", lambda *a: pytest.fail("corrió la cadena")
    )

    respuesta = client.get(url)

    assert respuesta["X-Cache"] == "HIT"
    assert respuesta.content == original.content
    for cabecera in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "Content-Type"):
        assert respuesta[cabecera] == original[cabecera], cabecera
    assert respuesta["Cache-Control"] == original["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=original["ETag"]).status_code == 304


def test_un_hit_servido_antes_de_la_cadena_cuenta_como_visita(client, datos):
    from decide import visitas

    url = reverse("conoceles:inicio")
    client.get(url)
    visitas.pendientes.tomar()

    assert client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (Android)")["X-Cache"] == "HIT"

    assert sum(visitas.pendientes.tomar().values()) == 1


def test_editar_una_propuesta_refresca_las_plataformas_y_no_conoceles(
    client, datos, django_capture_on_commit_callbacks
):
    from tests.plataformas.factories import PropuestaFactory

    urls = [reverse("plataformas:lista"), reverse("conoceles:inicio")]
    for url in urls:
        client.get(url)
    assert client.get(urls[0])["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        PropuestaFactory(plataforma__proceso=datos["proceso"])

    assert client.get(urls[0])["X-Cache"] == "MISS"
    assert client.get(urls[1])["X-Cache"] == "HIT"


# --- Guarda de cookies y vistas de prueba ---------------------------------------------------------


@pytest.mark.urls("tests.comun.urls_cache")
def test_una_respuesta_con_cookie_puesta_por_un_middleware_nunca_se_guarda(client, db):
    primera = client.get("/token/")
    client.cookies.clear()
    segunda = client.get("/token/")

    assert "csrftoken" in primera.cookies
    assert primera["Cache-Control"] == "private, no-store"
    assert segunda["X-Cache"] == "MISS"
    assert primera.content != segunda.content


@pytest.mark.urls("tests.comun.urls_cache")
def test_los_alcances_se_completan_con_los_argumentos_de_la_url(client, db):
    client.get("/cosa/1/")
    client.get("/cosa/2/")

    invalidar("cosa:1")

    assert client.get("/cosa/1/")["X-Cache"] == "MISS"
    assert client.get("/cosa/2/")["X-Cache"] == "HIT"


# --- Sin estampida --------------------------------------------------------------------------------


def test_dos_peticiones_a_una_entrada_vencida_la_reconstruyen_una_sola_vez():
    """La primera toma el candado y reconstruye (aquí se detiene a medio camino); la segunda, que
    llega mientras tanto, recibe la copia anterior sin llamar a la vista."""
    construcciones = []
    adentro, soltar = threading.Event(), threading.Event()

    @pagina_publica_en_cache(segundos=60, alcances=("prueba",))
    def vista(request):
        construcciones.append(1)
        if len(construcciones) > 1:
            adentro.set()
            soltar.wait(5)
        from django.http import HttpResponse

        return HttpResponse(f"version {len(construcciones)}")

    middleware = CachePublicaMiddleware(vista)
    fabrica = RequestFactory()

    def pedir():
        return middleware(fabrica.get("/prueba/"))

    assert pedir()["X-Cache"] == "MISS"
    invalidar("prueba")  # la entrada queda vencida (también vencería con el tiempo)

    resultados = {}
    hilo = threading.Thread(target=lambda: resultados.setdefault("primera", pedir()))
    hilo.start()
    assert adentro.wait(5)
    segunda = pedir()
    soltar.set()
    hilo.join(5)

    assert segunda["X-Cache"] == "STALE" and segunda.content == b"version 1"
    assert resultados["primera"]["X-Cache"] == "MISS" and resultados["primera"].content == b"version 2"
    assert len(construcciones) == 2
    assert pedir()["X-Cache"] == "HIT"


def test_una_entrada_vencida_por_tiempo_tambien_se_sirve_mientras_otra_peticion_la_rehace(monkeypatch):
    @pagina_publica_en_cache(segundos=1)
    def vista(request):
        from django.http import HttpResponse

        return HttpResponse("hola")

    middleware = CachePublicaMiddleware(vista)
    peticion = RequestFactory().get("/prueba/")
    assert middleware(peticion)["X-Cache"] == "MISS"
    ahora = time.time()
    monkeypatch.setattr(cache_publica.time, "time", lambda: ahora + 2)
    # Alguien ya la está rehaciendo: el candado está tomado.
    monkeypatch.setattr(cache, "add", lambda *a, **k: False)

    respuesta = middleware(RequestFactory().get("/prueba/"))

    assert respuesta["X-Cache"] == "STALE"
    assertNotContains(respuesta, "adios")


def test_la_cache_en_redis_reutiliza_su_cliente_y_no_revisa_claves_como_memcached():
    from comun.cache_redis import CacheRedis

    redis = CacheRedis("redis://127.0.0.1:6379/15", {})

    assert redis._cache.get_client() is redis._cache.get_client()
    redis.validate_key("clave con espacios " + "x" * 300)  # memcached la rechazaría con un aviso


def test_quien_acepta_gzip_recibe_la_pagina_comprimida_una_sola_vez_con_su_etag(client, datos, monkeypatch):
    import gzip

    url = reverse("conoceles:inicio")
    normal = client.get(url)
    comprimir = []
    original = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda *a, **k: comprimir.append(1) or original(*a, **k))

    comprimida = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    otra = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert comprimida["X-Cache"] == otra["X-Cache"] == "HIT"
    assert comprimir == []  # se comprimió al guardarla, no en cada acierto
    assert comprimida["Content-Encoding"] == "gzip"
    assert gzip.decompress(comprimida.content) == normal.content
    assert len(comprimida.content) < len(normal.content) / 3
    assert "Content-Encoding" not in normal
    for respuesta in (normal, comprimida):
        assert {"Cookie", "Accept-Encoding"} <= {v.strip() for v in respuesta["Vary"].split(",")}
    assert comprimida["ETag"] != normal["ETag"]
    revalidada = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=comprimida["ETag"])
    assert revalidada.status_code == 304


def test_la_primera_respuesta_tambien_sale_comprimida_si_se_acepta(client, datos):
    import gzip

    url = reverse("candidaturas:lista")
    primera = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert primera["X-Cache"] == "MISS"
    assert primera["Content-Encoding"] == "gzip"
    assert primera["Content-Length"] == str(len(primera.content))
    assert gzip.decompress(primera.content) == client.get(url).content
