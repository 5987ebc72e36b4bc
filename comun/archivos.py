"""Archivos subidos y transacciones: un archivo reemplazado se borra sólo al confirmarse el cambio."""

from django.db import transaction


def borrar_archivo_al_confirmar(campo) -> None:
    """Borra el archivo de `campo` (un FieldFile) cuando la transacción en curso se confirme. Si se
    deshace, el archivo sigue ahí y la base, que volvió a apuntarle, no queda rota."""
    almacen, nombre = campo.storage, campo.name
    if nombre:
        transaction.on_commit(lambda: almacen.delete(nombre))
