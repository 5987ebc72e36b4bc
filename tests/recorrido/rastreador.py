"""Un rastreador en anchura sobre el cliente de pruebas de Django.

Empieza en una página, sigue cada enlace interno (`<a href>`), cada formulario GET (con sus valores
iniciales, como si alguien lo enviara sin tocar nada) y cada redirección, y revisa cada respuesta:

- ningún 5xx; ningún enlace interno que dé 404;
- cada descarga `.xlsx` abre con openpyxl, cada `.csv` se lee completa con `csv`, cada `.zip` abre;
- HEAD responde como GET (mismo estado y tipo) y sin cuerpo, en la primera URL de cada patrón;
- ninguna URL de la lista `ajenas` (páginas de otro rol) responde 200.

Para que quepa en pocos minutos, muestrea: a lo más `por_patron` URLs por patrón (la ruta de
`resolve()` más los nombres de los parámetros GET), `por_ruta` por ruta y `tope` en total. Los roles
de una misma corrida comparten un `Compartido`: una ruta que otro rol ya recorrió a fondo (las páginas
públicas, que ven todos) se visita `por_ruta_ya_cubierta` veces más (así se revisa cómo se ve con la
sesión de este rol y se siguen sus enlaces), un archivo de descarga (misma ruta, sin importar la
consulta) se descarga y se abre una sola vez, y HEAD se prueba una vez por ruta.
"""

import csv
import io
import time
import zipfile
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import lxml.html
from django.urls import Resolver404, resolve
from openpyxl import load_workbook

# Rutas que no se siguen: cerrar sesión, archivos estáticos y subidos (no son páginas), y el idioma.
OMITIR = ("/static/", "/media/", "/cuentas/logout/", "/admin/logout/", "/i18n/")
HOSTS_PROPIOS = {"", "testserver"}


@dataclass
class Compartido:
    """Lo que ya revisó algún rol de esta corrida."""

    visitas_por_ruta: Counter = field(default_factory=Counter)
    descargas: set = field(default_factory=set)
    heads: set = field(default_factory=set)


@dataclass
class Resultado:
    rol: str
    visitadas: int = 0
    patrones: set = field(default_factory=set)
    rutas: set = field(default_factory=set)
    descargas: Counter = field(default_factory=Counter)
    estados: Counter = field(default_factory=Counter)
    heads: int = 0
    omitidas_por_muestreo: int = 0
    descargas_ya_revisadas: int = 0
    segundos: float = 0.0
    segundos_cpu: float = 0.0
    fallas: list = field(default_factory=list)
    tiempos: list = field(default_factory=list)

    def mas_lentas(self, cuantas=8):
        return ", ".join(f"{url} {s:.2f} s" for s, url in sorted(self.tiempos, reverse=True)[:cuantas])

    def resumen(self):
        descargas = ", ".join(f"{n} {tipo}" for tipo, n in sorted(self.descargas.items())) or "ninguna"
        estados = ", ".join(f"{n}×{e}" for e, n in sorted(self.estados.items()))
        return (
            f"{self.rol}: {self.visitadas} URLs visitadas, {len(self.patrones)} patrones "
            f"({len(self.rutas)} rutas), descargas revisadas: {descargas} "
            f"(+{self.descargas_ya_revisadas} enlaces a archivos ya abiertos); {self.heads} HEAD; "
            f"{self.omitidas_por_muestreo} omitidas por muestreo; estados {estados}; "
            f"{self.segundos:.1f} s ({self.segundos_cpu:.1f} s de CPU)"
        )


def _normalizar(url, base):
    """La URL interna (ruta?consulta, con la consulta ordenada) o None si es externa o no es página."""
    completa = urljoin(base, url.strip())
    partes = urlsplit(completa)
    if partes.scheme not in ("http", "https", "") or partes.netloc not in HOSTS_PROPIOS:
        return None
    ruta = partes.path or "/"
    if ruta.startswith(OMITIR):
        return None
    consulta = urlencode(sorted(parse_qsl(partes.query, keep_blank_values=True)))
    return f"{ruta}?{consulta}" if consulta else ruta


def _patron(url):
    partes = urlsplit(url)
    try:
        ruta = resolve(partes.path).route
    except Resolver404:
        ruta = "(sin ruta)"
    nombres = tuple(sorted({k for k, _v in parse_qsl(partes.query, keep_blank_values=True)}))
    return ruta, nombres


def _envio_de_formulario(formulario):
    """Lo que enviaría el navegador al mandar el formulario sin cambiar nada (con Intro)."""
    datos = []
    for campo in formulario.xpath(".//input|.//select|.//textarea"):
        nombre = campo.get("name")
        if not nombre or campo.get("disabled") is not None:
            continue
        if campo.tag == "select":
            opciones = campo.xpath(".//option")
            elegidas = [o for o in opciones if o.get("selected") is not None]
            if campo.get("multiple") is None and not elegidas and opciones:
                elegidas = opciones[:1]
            datos += [(nombre, o.get("value", o.text_content().strip())) for o in elegidas]
        elif campo.tag == "textarea":
            datos.append((nombre, campo.text or ""))
        else:
            tipo = (campo.get("type") or "text").lower()
            if tipo in ("submit", "button", "image", "reset", "file"):
                continue
            if tipo in ("checkbox", "radio"):
                if campo.get("checked") is not None:
                    datos.append((nombre, campo.get("value", "on")))
                continue
            datos.append((nombre, campo.get("value", "")))
    botones = formulario.xpath(".//button[not(@type) or @type='submit']|.//input[@type='submit']")
    if botones and botones[0].get("name"):
        datos.append((botones[0].get("name"), botones[0].get("value", "")))
    return datos


def _revisar_descarga(url, respuesta, cuerpo):
    """El tipo de descarga revisada ('xlsx', 'csv', 'zip') o None si no es descarga; lanza si no abre."""
    tipo = respuesta.get("Content-Type", "")
    disposicion = respuesta.get("Content-Disposition", "")
    ruta = urlsplit(url).path
    if "spreadsheetml" in tipo or ruta.endswith(".xlsx"):
        libro = load_workbook(io.BytesIO(cuerpo), read_only=True)
        for hoja in libro.worksheets:
            for _fila in hoja.iter_rows(values_only=True):
                pass
        libro.close()
        return "xlsx"
    if tipo.startswith("text/csv") or ruta.endswith(".csv"):
        texto = cuerpo.decode("utf-8-sig")
        filas = list(csv.reader(io.StringIO(texto, newline="")))
        assert filas, "CSV vacío (sin encabezados)"
        anchos = {len(f) for f in filas if f}
        assert len(anchos) == 1, f"filas de anchos distintos: {sorted(anchos)}"
        return "csv"
    if tipo == "application/zip" or ruta.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(cuerpo)) as archivo:
            assert archivo.testzip() is None
        return "zip"
    if "attachment" in disposicion:
        return tipo.split(";")[0] or "adjunto"
    return None


class Rastreador:
    def __init__(
        self,
        cliente,
        rol,
        inicios,
        *,
        tope=1500,
        por_patron=3,
        por_ruta=8,
        por_ruta_ya_cubierta=1,
        ajenas=(),
        omitir=(),
        compartido=None,
    ):
        self.cliente = cliente
        self.compartido = compartido or Compartido()
        self.por_ruta_ya_cubierta = por_ruta_ya_cubierta
        self.cubiertas_antes = {r for r, n in self.compartido.visitas_por_ruta.items() if n >= por_ruta}
        self.resultado = Resultado(rol)
        self.inicios = list(inicios)
        self.tope = tope
        self.por_patron = por_patron
        self.por_ruta = por_ruta
        self.ajenas = set(ajenas)
        self.omitir = tuple(omitir)
        self.vistas = set()
        self.cuenta_patron = Counter()
        self.cuenta_ruta = Counter()

    def falla(self, mensaje):
        self.resultado.fallas.append(mensaje)

    def _admitir(self, url):
        """¿Se visita esta URL? Aplica el muestreo por patrón y por ruta y el tope."""
        if url in self.vistas or url.startswith(self.omitir):
            return False
        self.vistas.add(url)
        patron = _patron(url)
        tope_de_ruta = self.por_ruta_ya_cubierta if patron[0] in self.cubiertas_antes else self.por_ruta
        if urlsplit(url).path in self.compartido.descargas:
            self.resultado.descargas_ya_revisadas += 1
            return False
        if (
            self.cuenta_patron[patron] >= self.por_patron
            or self.cuenta_ruta[patron[0]] >= tope_de_ruta
            or self.resultado.visitadas >= self.tope
        ):
            self.resultado.omitidas_por_muestreo += 1
            return False
        self.cuenta_patron[patron] += 1
        self.cuenta_ruta[patron[0]] += 1
        self.compartido.visitas_por_ruta[patron[0]] += 1
        return True

    def correr(self):
        inicio, inicio_cpu = time.perf_counter(), time.process_time()
        cola = deque()
        for url in self.inicios:
            if self._admitir(url):
                cola.append((url, "(inicio)", "inicio"))
        while cola:
            url, origen, como = cola.popleft()
            for siguiente, tipo in self._visitar(url, origen, como):
                if self._admitir(siguiente):
                    cola.append((siguiente, url, tipo))
        self.resultado.segundos = time.perf_counter() - inicio
        self.resultado.segundos_cpu = time.process_time() - inicio_cpu
        return self.resultado

    def _visitar(self, url, origen, como):
        inicio = time.perf_counter()
        try:
            return self._revisar(url, origen, como)
        finally:
            self.resultado.tiempos.append((time.perf_counter() - inicio, url))

    def _revisar(self, url, origen, como):
        resultado = self.resultado
        respuesta = self.cliente.get(url)
        resultado.visitadas += 1
        resultado.estados[respuesta.status_code] += 1
        patron = _patron(url)
        resultado.patrones.add(patron)
        resultado.rutas.add(patron[0])
        donde = f"{url} (desde {origen}, {como})"
        cuerpo = b"".join(respuesta.streaming_content) if respuesta.streaming else respuesta.content
        estado = respuesta.status_code

        if estado >= 500:
            self.falla(f"{estado} en {donde}")
            return []
        if estado == 404:
            self.falla(f"404 en {donde}")
            return []
        if estado == 200 and url in self.ajenas:
            self.falla(f"llegó (200) a una página de otro rol: {donde}")
        if patron[0] not in self.compartido.heads and estado in (200, 301, 302, 400, 403):
            self.compartido.heads.add(patron[0])
            self._revisar_head(url, respuesta, donde)
        if estado in (301, 302, 303, 307, 308):
            destino = _normalizar(respuesta["Location"], "http://testserver" + url)
            return [(destino, "redirección")] if destino else []
        if estado != 200:
            if estado not in (403, 405) and como != "formulario":
                self.falla(f"{estado} en {donde}")
            return []
        try:
            descarga = _revisar_descarga(url, respuesta, cuerpo)
        except Exception as error:  # cualquier archivo que no abre es una falla que se informa
            self.falla(f"descarga que no abre en {donde}: {type(error).__name__}: {error}")
            return []
        if descarga:
            resultado.descargas[descarga] += 1
            self.compartido.descargas.add(urlsplit(url).path)
            return []
        if "text/html" not in respuesta.get("Content-Type", ""):
            return []
        return self._enlaces(url, cuerpo)

    def _revisar_head(self, url, respuesta_get, donde):
        self.resultado.heads += 1
        respuesta = self.cliente.head(url)
        cuerpo = b"".join(respuesta.streaming_content) if respuesta.streaming else respuesta.content
        if respuesta.status_code != respuesta_get.status_code:
            self.falla(f"HEAD da {respuesta.status_code} y GET {respuesta_get.status_code} en {donde}")
        elif respuesta.get("Content-Type") != respuesta_get.get("Content-Type"):
            self.falla(f"HEAD con otro Content-Type en {donde}")
        if cuerpo:
            self.falla(f"HEAD con cuerpo ({len(cuerpo)} bytes) en {donde}")

    def _enlaces(self, url, cuerpo):
        if not cuerpo.strip():
            return []
        documento = lxml.html.fromstring(cuerpo)
        base = "http://testserver" + url
        encontrados = []
        for enlace in documento.xpath("//a[@href]"):
            href = enlace.get("href")
            if href.startswith(("mailto:", "tel:", "javascript:", "#")):
                continue
            destino = _normalizar(href, base)
            if destino:
                encontrados.append((destino, "enlace"))
        for formulario in documento.xpath("//form"):
            if (formulario.get("method") or "get").lower() != "get":
                continue
            accion = _normalizar(formulario.get("action") or url, base)
            if not accion:
                continue
            consulta = urlencode(sorted(_envio_de_formulario(formulario)))
            destino = _normalizar(accion.split("?")[0] + (f"?{consulta}" if consulta else ""), base)
            if destino:
                encontrados.append((destino, "formulario"))
        return encontrados
