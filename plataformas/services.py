"""Carga masiva de propuestas de plataforma desde una hoja de cálculo (admin)."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from candidaturas.models import ActorPolitico, ProcesoElectoral
from comun.texto import normalizar
from plataformas.models import PlataformaElectoral, Propuesta, Tema

COLUMNAS = ["actor", "plataforma", "tema", "titulo", "texto", "orden"]
"""Encabezados esperados en la primera fila (sin importar acentos ni mayúsculas)."""
FILAS_MAXIMAS = 2000


@dataclass
class ResultadoImportacion:
    creadas: int = 0
    errores: list[str] = field(default_factory=list)

    @property
    def correcta(self):
        return not self.errores


def _leer_filas(archivo):
    try:
        libro = load_workbook(archivo, read_only=True, data_only=True)
    except Exception as error:  # openpyxl lanza varios tipos ante un archivo que no es XLSX
        raise ValidationError(
            _("No se pudo leer el archivo: súbelo en formato .xlsx."), code="no_es_xlsx"
        ) from error
    hoja = libro.worksheets[0]
    filas = hoja.iter_rows(values_only=True)
    encabezados = [normalizar(str(c or "")) for c in next(filas, [])]
    faltan = [c for c in COLUMNAS if c not in encabezados]
    if faltan:
        raise ValidationError(
            _("Faltan columnas en la primera fila: %(faltan)s.") % {"faltan": ", ".join(faltan)},
            code="faltan_columnas",
        )
    posiciones = {c: encabezados.index(c) for c in COLUMNAS}
    for numero, fila in enumerate(filas, start=2):
        if numero - 1 > FILAS_MAXIMAS:
            raise ValidationError(
                _("El archivo tiene más de %(maximo)s filas.") % {"maximo": FILAS_MAXIMAS},
                code="demasiadas_filas",
            )
        valores = {c: (fila[i] if i < len(fila) else None) for c, i in posiciones.items()}
        if all(v in (None, "") for v in valores.values()):
            continue
        yield numero, valores


def importar_propuestas(*, proceso: ProcesoElectoral, archivo) -> ResultadoImportacion:
    """Crea las propuestas de la hoja para `proceso`: todas o ninguna.

    Cada fila nombra el actor (siglas), el tipo de plataforma (legislativa, municipal o
    gubernatura), el tema (nombre del catálogo), título, texto y orden. La plataforma se crea si
    aún no existe. Si alguna fila tiene errores, no se guarda nada y se devuelven todos.
    """
    resultado = ResultadoImportacion()
    actores = {normalizar(a.siglas): a for a in ActorPolitico.objects.all()}
    temas = {normalizar(t.nombre): t for t in Tema.objects.all()}
    temas.update({t.slug: t for t in temas.values()})
    tipos = {normalizar(etiqueta): valor for valor, etiqueta in PlataformaElectoral.Tipo.choices}
    tipos.update({valor: valor for valor in PlataformaElectoral.Tipo.values})
    existentes = {(p.actor_id, p.tipo): p for p in PlataformaElectoral.objects.filter(proceso=proceso)}

    pendientes = []
    try:
        filas = list(_leer_filas(archivo))
    except ValidationError as error:
        resultado.errores.extend(error.messages)
        return resultado
    for numero, valores in filas:
        errores_fila = []
        actor = actores.get(normalizar(str(valores["actor"] or "")))
        if actor is None:
            errores_fila.append(
                _("no hay un actor político con siglas «%(valor)s»") % {"valor": valores["actor"] or ""}
            )
        tipo = tipos.get(normalizar(str(valores["plataforma"] or "")))
        if tipo is None:
            errores_fila.append(
                _("la plataforma debe ser legislativa, municipal o gubernatura, no «%(valor)s»")
                % {"valor": valores["plataforma"] or ""}
            )
        tema = temas.get(normalizar(str(valores["tema"] or "")))
        if tema is None:
            errores_fila.append(
                _("el tema «%(valor)s» no está en el catálogo") % {"valor": valores["tema"] or ""}
            )
        orden = valores["orden"]
        if orden in (None, ""):
            orden = 1
        try:
            orden = int(orden)
            if orden < 1:
                raise ValueError
        except (TypeError, ValueError):
            errores_fila.append(_("el orden debe ser un número entero positivo"))
            orden = 1
        propuesta = Propuesta(
            titulo=str(valores["titulo"] or "").strip(),
            texto=str(valores["texto"] or "").strip(),
            tema=tema,
            orden=orden,
        )
        try:
            propuesta.full_clean(exclude=["plataforma", "tema"])
        except ValidationError as error:
            for campo, mensajes in error.message_dict.items():
                etiqueta = Propuesta._meta.get_field(campo).verbose_name
                errores_fila.extend(f"{etiqueta}: {m}" for m in mensajes)
        if errores_fila:
            resultado.errores.append(
                _("Fila %(numero)s: %(errores)s.") % {"numero": numero, "errores": "; ".join(errores_fila)}
            )
        else:
            pendientes.append((actor, tipo, propuesta))

    if resultado.errores:
        return resultado
    if not pendientes:
        resultado.errores.append(_("La hoja no tiene filas con propuestas."))
        return resultado
    with transaction.atomic():
        for actor, tipo, propuesta in pendientes:
            plataforma = existentes.get((actor.pk, tipo))
            if plataforma is None:
                plataforma = PlataformaElectoral.objects.create(proceso=proceso, actor=actor, tipo=tipo)
                existentes[(actor.pk, tipo)] = plataforma
            propuesta.plataforma = plataforma
        Propuesta.objects.bulk_create([p for _a, _t, p in pendientes])
    resultado.creadas = len(pendientes)
    return resultado
