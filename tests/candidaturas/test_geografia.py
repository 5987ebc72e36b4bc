import shutil

import pytest
from django.core.management import CommandError, call_command

from candidaturas.geografia import CARPETA_POR_OMISION, ErrorDeCarga, cargar_geografia
from candidaturas.models import DistritoFederal, DistritoLocal, Municipio, SeccionElectoral


@pytest.fixture
def carpeta(tmp_path):
    """Copia de los CSV reales que cada prueba puede estropear a su gusto."""
    destino = tmp_path / "edomex"
    shutil.copytree(CARPETA_POR_OMISION, destino)
    return destino


def reemplazar_linea(ruta, numero_de_fila, nueva):
    lineas = ruta.read_text(encoding="utf-8").splitlines()
    lineas[numero_de_fila - 1] = nueva
    ruta.write_text("\n".join(lineas) + "\n", encoding="utf-8")


@pytest.mark.django_db
def test_carga_la_geografia_real_completa():
    cargar_geografia()

    assert Municipio.objects.count() == 125
    assert DistritoLocal.objects.count() == 45
    assert SeccionElectoral.objects.count() == 6561
    assert DistritoFederal.objects.count() == 20


@pytest.mark.django_db
def test_respeta_las_claves_ieem_distintas_de_las_de_inegi():
    cargar_geografia()

    toluca = Municipio.objects.get(clave_ieem=107)
    assert toluca.nombre == "Toluca"
    assert toluca.clave_inegi == "15106"


@pytest.mark.django_db
def test_ninguna_seccion_recibe_un_distrito_federal_adivinado():
    cargar_geografia()

    assert not SeccionElectoral.objects.filter(distrito_federal__isnull=False).exists()


@pytest.mark.django_db
def test_cargar_dos_veces_no_cambia_nada():
    cargar_geografia()
    antes = list(
        SeccionElectoral.objects.order_by("numero").values_list("numero", "municipio_id", "distrito_local_id")
    )

    resumen = cargar_geografia()

    assert resumen.sin_cambios
    assert (
        list(
            SeccionElectoral.objects.order_by("numero").values_list(
                "numero", "municipio_id", "distrito_local_id"
            )
        )
        == antes
    )


@pytest.mark.django_db
def test_una_segunda_carga_corrige_lo_que_cambio_en_los_archivos(carpeta):
    cargar_geografia(carpeta=carpeta)
    reemplazar_linea(carpeta / "secciones.csv", 2, "1,1,15001,14,5,1900")

    resumen = cargar_geografia(carpeta=carpeta)

    assert resumen.actualizados["secciones"] == 1
    assert SeccionElectoral.objects.get(numero=1).casillas == 5


@pytest.mark.django_db
def test_un_archivo_con_error_no_cambia_nada_y_nombra_archivo_fila_y_columna(carpeta):
    reemplazar_linea(carpeta / "secciones.csv", 5, "4,1,15001,14,cuatro,2313")

    with pytest.raises(ErrorDeCarga) as error:
        cargar_geografia(carpeta=carpeta)

    assert error.value.errores == [
        "secciones.csv, fila 5, columna casillas_2023: «cuatro» no es un número entero."
    ]
    assert Municipio.objects.count() == 0
    assert SeccionElectoral.objects.count() == 0


@pytest.mark.django_db
def test_un_error_en_una_segunda_carga_deja_intacto_lo_cargado(carpeta):
    cargar_geografia(carpeta=carpeta)
    reemplazar_linea(carpeta / "municipios.csv", 2, "1,15001,001,Acambay,ACAMBAY,14,32,49373")
    reemplazar_linea(carpeta / "secciones.csv", 3, "2,999,15001,14,3,1792")

    with pytest.raises(ErrorDeCarga):
        cargar_geografia(carpeta=carpeta)

    assert Municipio.objects.get(clave_ieem=1).nombre == "Acambay de Ruíz Castañeda"


@pytest.mark.django_db
def test_rechaza_un_municipio_inexistente_en_las_secciones(carpeta):
    reemplazar_linea(carpeta / "secciones.csv", 2, "1,999,15001,14,3,1867")

    with pytest.raises(ErrorDeCarga) as error:
        cargar_geografia(carpeta=carpeta)

    assert (
        "secciones.csv, fila 2, columna municipio_clave_ieem: el municipio 999 no existe."
        in error.value.errores
    )


@pytest.mark.django_db
def test_rechaza_secciones_repetidas_y_columnas_faltantes(carpeta):
    reemplazar_linea(carpeta / "secciones.csv", 3, "1,1,15001,14,3,1792")
    reemplazar_linea(carpeta / "distritos_locales.csv", 1, "numero,cabecera,secciones_2023")

    with pytest.raises(ErrorDeCarga) as error:
        cargar_geografia(carpeta=carpeta)

    assert "secciones.csv, fila 3, columna seccion: la sección 1 está repetida." in error.value.errores
    assert any(
        e.startswith("distritos_locales.csv, fila 1: faltan las columnas") for e in error.value.errores
    )


@pytest.mark.django_db
def test_rechaza_un_archivo_que_no_esta_en_utf8(carpeta):
    (carpeta / "municipios.csv").write_bytes(
        "clave_ieem,clave_inegi,nombre,nombre_ieem\n1,15001,Acamb\xe1y,X\n".encode("latin-1")
    )

    with pytest.raises(ErrorDeCarga) as error:
        cargar_geografia(carpeta=carpeta)

    assert any(
        e.startswith("municipios.csv: el archivo no está en UTF-8.") and "CSV UTF-8" in e
        for e in error.value.errores
    )


@pytest.mark.django_db
def test_el_comando_informa_los_errores_sin_cargar(carpeta):
    reemplazar_linea(carpeta / "municipios.csv", 2, "1,99001,001,Acambay,ACAMBAY,14,32,49373")

    with pytest.raises(CommandError, match="clave_inegi: «99001» no es una clave INEGI"):
        call_command("cargar_geografia", carpeta=str(carpeta))

    assert Municipio.objects.count() == 0


@pytest.mark.django_db
def test_el_comando_avisa_cuando_no_hubo_cambios(capsys):
    call_command("cargar_geografia")
    call_command("cargar_geografia")

    assert "ya estaba al día" in capsys.readouterr().out
