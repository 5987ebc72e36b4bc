"""Contenido inicial del portal: atribuciones, Quita Dudas Electoral y enlaces de interés.

Se entrega como datos para que el personal del IEEM lo corrija y lo amplíe en el admin sin
esperar un despliegue. Redactado en lenguaje sencillo a partir de información pública sobre las
instituciones del Estado de México. Sólo agrega filas que no existen (por título, ancla o
dirección), así que volver a correrla no duplica nada ni pisa lo que el personal ya editó.
"""

import unicodedata

from django.db import migrations
from django.utils.text import slugify


def _normalizar(texto):
    # Copia de comun.texto.normalizar: una migración no debe depender de código que cambie.
    descompuesto = unicodedata.normalize("NFKD", str(texto or ""))
    sin_marcas = "".join(c for c in descompuesto if not unicodedata.combining(c))
    return " ".join(sin_marcas.casefold().split())


ATRIBUCIONES = [
    {
        "cargo": "gubernatura",
        "titulo": "Gubernatura",
        "orden": 10,
        "resumen": (
            "La gobernadora o el gobernador encabeza el Poder Ejecutivo del Estado de México: dirige "
            "la administración pública estatal y es responsable de que las leyes se cumplan en los "
            "125 municipios."
        ),
        "funciones": "\n".join(
            [
                "Publica las leyes que aprueba la Legislatura y se encarga de que se cumplan.",
                "Presenta iniciativas de ley y de reforma ante la Legislatura.",
                "Elabora el Plan de Desarrollo del Estado y dirige los programas de gobierno.",
                "Propone cada año a la Legislatura el presupuesto del estado: cuánto se recauda y en qué se gasta.",
                "Nombra y remueve a quienes encabezan las secretarías y dependencias del gobierno estatal.",
                "Conduce la seguridad pública estatal y coordina a las policías con los municipios y la federación.",
                "Firma convenios con el gobierno federal, con otros estados y con los municipios.",
                "Informa cada año a la Legislatura y a la ciudadanía sobre el estado que guarda la administración.",
            ]
        ),
        "como_se_elige": (
            "La elige toda la ciudadanía del estado con credencial para votar vigente, por mayoría "
            "relativa: gana la candidatura con más votos. Se vota en una sola boleta para todo el "
            "estado."
        ),
        "periodo": "Seis años. No hay reelección.",
    },
    {
        "cargo": "diputacion",
        "titulo": "Diputación local",
        "orden": 20,
        "resumen": (
            "Las diputadas y los diputados locales forman la Legislatura del Estado de México, el "
            "Poder Legislativo. Hacen y cambian las leyes del estado, aprueban el presupuesto y "
            "vigilan cómo se gasta el dinero público."
        ),
        "funciones": "\n".join(
            [
                "Proponen, discuten y aprueban leyes estatales y reformas a la Constitución del estado.",
                "Aprueban cada año cuánto recauda el estado y en qué se gasta (Ley de Ingresos y Presupuesto de Egresos).",
                "Aprueban las leyes de ingresos de los municipios.",
                "Revisan las cuentas públicas del estado y de los municipios con apoyo del Órgano Superior de "
                "Fiscalización del Estado de México (OSFEM).",
                "Llaman a comparecer a personas servidoras públicas para que expliquen su trabajo.",
                "Participan en el nombramiento de algunas autoridades estatales, como se lo indica la ley.",
                "Representan a la población de su distrito y llevan sus peticiones a la Legislatura.",
                "Trabajan en comisiones por tema (salud, educación, seguridad, presupuesto y otras).",
            ]
        ),
        "como_se_elige": (
            "La Legislatura tiene 75 diputaciones. 45 se eligen por mayoría relativa, una en cada "
            "distrito electoral local: gana la fórmula con más votos en el distrito. Las otras 30 se "
            "reparten por representación proporcional, según el porcentaje de votos de cada partido "
            "en todo el estado, siguiendo las listas que registran los partidos. Cada diputación "
            "tiene una persona propietaria y una suplente."
        ),
        "periodo": "Tres años. Se puede buscar la elección consecutiva, con las condiciones que fija la ley.",
    },
    {
        "cargo": "presidencia_municipal",
        "titulo": "Presidencia municipal",
        "orden": 30,
        "resumen": (
            "La presidenta o el presidente municipal encabeza el ayuntamiento, el gobierno de tu "
            "municipio, y dirige la administración municipal: de ella dependen muchos servicios que "
            "usas todos los días."
        ),
        "funciones": "\n".join(
            [
                "Preside las sesiones de cabildo y ejecuta los acuerdos que ahí se toman.",
                "Dirige la prestación de los servicios públicos: agua potable y drenaje, alumbrado, "
                "recolección de basura, calles, mercados, panteones, parques y jardines.",
                "Tiene el mando de la policía municipal y coordina la seguridad pública en el municipio.",
                "Elabora el Plan de Desarrollo Municipal al inicio de su gestión.",
                "Publica el Bando Municipal y los reglamentos que aprueba el cabildo.",
                "Propone al cabildo a quienes ocuparán la secretaría del ayuntamiento, la tesorería y otras áreas.",
                "Informa cada año a la población sobre el estado de la administración municipal.",
            ]
        ),
        "como_se_elige": (
            "Se vota por una planilla completa (presidencia, sindicatura y regidurías) en la boleta "
            "de ayuntamiento de tu municipio. Gana la planilla con más votos; quien la encabeza ocupa "
            "la presidencia municipal."
        ),
        "periodo": "Tres años, desde el 1 de enero siguiente a la elección. Se permite, con condiciones, un periodo más.",
    },
    {
        "cargo": "sindicatura",
        "titulo": "Sindicatura",
        "orden": 40,
        "resumen": (
            "La síndica o el síndico cuida los intereses y el patrimonio del municipio: lo "
            "representa en los juicios y vigila que el dinero y los bienes municipales se usen bien."
        ),
        "funciones": "\n".join(
            [
                "Representa legalmente al ayuntamiento en los juicios y trámites en que el municipio es parte.",
                "Defiende y promueve los intereses del municipio.",
                "Revisa y firma los cortes de caja de la tesorería y vigila el manejo de los ingresos.",
                "Cuida que las multas y demás cobros municipales lleguen a la tesorería.",
                "Lleva el registro de los bienes del municipio (terrenos, edificios, vehículos, mobiliario) "
                "y vigila que se conserven.",
                "Forma parte del cabildo: asiste a las sesiones, opina y vota.",
            ]
        ),
        "como_se_elige": (
            "Forma parte de la planilla de ayuntamiento por la que votas. Según su población, un "
            "municipio tiene una o dos sindicaturas; en algunos municipios una de ellas se asigna por "
            "representación proporcional."
        ),
        "periodo": "Tres años, igual que todo el ayuntamiento.",
    },
    {
        "cargo": "regiduria",
        "titulo": "Regiduría",
        "orden": 50,
        "resumen": (
            "Las regidoras y los regidores forman, con la presidencia y la sindicatura, el cabildo: "
            "el órgano que toma las decisiones más importantes del municipio. Vigilan áreas de la "
            "administración y proponen mejoras."
        ),
        "funciones": "\n".join(
            [
                "Asisten a las sesiones de cabildo, deliberan y votan los acuerdos del ayuntamiento.",
                "Aprueban el Bando Municipal, los reglamentos y el presupuesto del municipio.",
                "Encabezan o integran comisiones por tema (obras, salud, educación, ecología, seguridad y otras).",
                "Vigilan las áreas de la administración municipal que el cabildo les encarga y le informan.",
                "Proponen al ayuntamiento acciones para atender las necesidades de la población.",
            ]
        ),
        "como_se_elige": (
            "Forman parte de la planilla de ayuntamiento. Las regidurías de la planilla ganadora se "
            "eligen por mayoría relativa y otras se reparten por representación proporcional entre "
            "las planillas que no ganaron, para que el cabildo refleje también a otras fuerzas "
            "políticas. Cuántas hay depende de la población del municipio."
        ),
        "periodo": "Tres años, igual que todo el ayuntamiento.",
    },
]

# (categoría, pregunta, respuesta)
PREGUNTAS = [
    # --- El voto
    (
        "voto",
        "¿Quién puede votar?",
        "Puedes votar si tienes nacionalidad mexicana, 18 años cumplidos, credencial para votar "
        "vigente y apareces en la lista nominal de tu sección.\n\n"
        "La lista nominal es la lista de personas con credencial vigente que pueden votar en cada "
        "casilla. Puedes confirmar que estás en ella en https://listanominal.ine.mx",
    ),
    (
        "voto",
        "¿Qué tengo que llevar para votar?",
        "Sólo tu credencial para votar vigente. No se acepta otra identificación, ni copias, ni "
        "fotografías de la credencial.\n\n"
        "La única excepción es una resolución del Tribunal Electoral que te autorice a votar; en ese "
        "caso llevas esa resolución y una identificación.",
    ),
    (
        "voto",
        "¿A qué hora puedo votar?",
        "Las casillas abren a las 8:00 de la mañana y cierran a las 6:00 de la tarde. Si a las 6:00 "
        "todavía hay personas formadas, todas pueden votar antes de que la casilla cierre.",
    ),
    (
        "voto",
        "¿Cómo marco la boleta?",
        "Marca con una cruz o una línea el recuadro del partido, coalición o candidatura "
        "independiente de tu preferencia. Usa el marcador que te dan en la casilla.\n\n"
        "Después dobla la boleta y deposítala en la urna de esa elección. Si hay varias elecciones "
        "el mismo día, recibirás una boleta por cada una.",
    ),
    (
        "voto",
        "¿Puedo marcar más de un partido en la misma boleta?",
        "Sí, pero sólo si esos partidos van juntos en una coalición para esa elección. En ese caso tu "
        "voto cuenta para la candidatura de la coalición y se reparte entre los partidos que marcaste.\n\n"
        "Si marcas partidos que no van juntos, el voto es nulo.",
    ),
    (
        "voto",
        "¿Qué es un voto nulo?",
        "Es un voto que no cuenta para ninguna candidatura: por ejemplo, cuando la boleta se deja "
        "en blanco, cuando se marcan opciones que no van juntas o cuando no se puede saber la "
        "intención de quien votó. Los votos nulos se cuentan aparte y aparecen en los resultados.",
    ),
    (
        "voto",
        "¿Puedo votar por una persona que no aparece en la boleta?",
        "Sí. La boleta tiene un espacio para candidaturas no registradas, donde puedes escribir el "
        "nombre de la persona. Ese voto se cuenta, pero no puede dar el triunfo a alguien que no "
        "tiene registro.",
    ),
    (
        "voto",
        "¿Mi voto es secreto?",
        "Sí. Votas sola o solo detrás de una mampara y nadie puede pedirte que muestres tu boleta ni "
        "que digas por quién votaste. Para cuidar tu voto y el de las demás personas, no muestres "
        "tu boleta marcada.",
    ),
    (
        "voto",
        "¿Qué hago si alguien me ofrece algo a cambio de mi voto o me presiona?",
        "Comprar, presionar o condicionar el voto (por ejemplo, con programas sociales o despensas) "
        "es un delito electoral. Puedes denunciarlo ante la Fiscalía Especializada en Delitos "
        "Electorales (FISEL) de la Fiscalía General de la República o ante la Fiscalía General de "
        "Justicia del Estado de México.\n\n"
        "Tu voto es libre: aunque hayas recibido algo, nadie puede saber por quién votas.",
    ),
    (
        "voto",
        "¿Puedo votar si tengo una discapacidad?",
        "Sí. Puedes pedir a una persona de tu confianza que te acompañe a la mampara. Las casillas "
        "cuentan con una plantilla en braille para personas ciegas y con una mampara especial más "
        "baja para personas en silla de ruedas o de talla baja. Las personas con discapacidad, "
        "adultas mayores y embarazadas pueden pasar sin hacer fila.",
    ),
    (
        "voto",
        "¿Puedo votar si vivo fuera del país?",
        "Las personas mexiquenses que viven en el extranjero pueden votar en la elección de "
        "Gubernatura, siempre que se registren a tiempo en la lista de electores residentes en el "
        "extranjero del INE. No votan en las elecciones de diputaciones locales ni de ayuntamientos.\n\n"
        "Los plazos y las formas de votar (por correo, por internet o en consulados) se anuncian en "
        "https://www.ine.mx",
    ),
    # --- La credencial
    (
        "credencial",
        "¿Cómo tramito mi credencial para votar?",
        "Acude a un Módulo de Atención Ciudadana del INE, de preferencia con cita. Lleva tu acta de "
        "nacimiento, una identificación con fotografía y un comprobante de domicilio reciente. El "
        "trámite es gratuito.\n\n"
        "Puedes consultar los requisitos y agendar tu cita en https://www.ine.mx/credencial/",
    ),
    (
        "credencial",
        "¿Cómo sé si mi credencial está vigente?",
        "Busca en el frente de tu credencial el dato VIGENCIA: es el último año en que sirve para "
        "votar. Si ya pasó, tramita una nueva en un módulo del INE antes de la fecha límite del proceso "
        "electoral.",
    ),
    (
        "credencial",
        "¿Dónde encuentro mi número de sección?",
        "En el frente de tu credencial, junto a la palabra SECCIÓN. Es un número de hasta cuatro "
        "dígitos. Con él puedes consultar en la página «Mi sección» de este portal a qué municipio "
        "y distrito perteneces y qué se elige donde votas.",
    ),
    (
        "credencial",
        "Me cambié de domicilio, ¿dónde voto?",
        "Votas en la sección que dice tu credencial. Si te mudaste, actualiza tu domicilio en un "
        "módulo del INE antes de la fecha límite; así aparecerás en la lista nominal de tu nuevo "
        "domicilio y votarás por las autoridades de donde vives ahora.",
    ),
    (
        "credencial",
        "Perdí mi credencial o me la robaron, ¿qué hago?",
        "Repórtala al INE y pide una reposición en un Módulo de Atención Ciudadana. Hazlo cuanto "
        "antes: la credencial nueva tarda unos días en estar lista y hay una fecha límite para "
        "recogerla antes de cada elección.",
    ),
    (
        "credencial",
        "¿Hay fecha límite para tramitar la credencial antes de una elección?",
        "Sí. Cada proceso electoral el INE fija fechas límite para tramitar, actualizar y recoger la "
        "credencial. Si haces el trámite después, tu nueva credencial no servirá para esa elección. "
        "Consulta las fechas del proceso en curso en https://www.ine.mx",
    ),
    # --- La casilla
    (
        "casilla",
        "¿Dónde me toca votar?",
        "Consulta la ubicación de tu casilla en https://ubicatucasilla.ine.mx con los datos de tu "
        "credencial. Unos días antes de la elección también se publican las listas de ubicación de "
        "casillas en los periódicos y en lugares públicos de tu sección.",
    ),
    (
        "casilla",
        "¿Quiénes atienden la casilla?",
        "Personas vecinas de tu sección, elegidas por sorteo y capacitadas por el INE: forman la "
        "mesa directiva de casilla (presidencia, secretaría y escrutadoras). También puede haber "
        "representantes de los partidos y candidaturas, que observan que todo se haga conforme a la "
        "ley, y personas observadoras electorales acreditadas.",
    ),
    (
        "casilla",
        "¿Qué es una casilla especial?",
        "Es una casilla para quienes el día de la elección están fuera de su sección. Tiene un número "
        "limitado de boletas y, según dónde estés, podrás votar sólo por algunas elecciones (por "
        "ejemplo, por la Gubernatura si estás dentro del estado).",
    ),
    (
        "casilla",
        "¿Qué pasa con los votos cuando cierra la casilla?",
        "La mesa directiva cuenta los votos ahí mismo, frente a las representaciones de los partidos "
        "(escrutinio y cómputo), anota los resultados en las actas y pega un cartel con los "
        "resultados afuera de la casilla. Después lleva el paquete electoral al consejo municipal o "
        "distrital del IEEM.",
    ),
    (
        "casilla",
        "¿Puedo ser observadora u observador electoral?",
        "Sí. Cualquier persona mexicana con credencial vigente puede pedir su acreditación como "
        "observadora electoral ante el INE o el IEEM, dentro del plazo que se fija en cada proceso, "
        "y tomar un curso. No puede ser integrante de un partido ni candidata.",
    ),
    # --- Los cargos
    (
        "cargos",
        "¿Qué se elige en el Estado de México y cada cuándo?",
        "Cada seis años se elige la Gubernatura. Cada tres años se eligen las 75 diputaciones de la "
        "Legislatura local y los 125 ayuntamientos (presidencia municipal, sindicaturas y "
        "regidurías). El IEEM organiza estas elecciones locales; las federales (Presidencia de la "
        "República, Senado y diputaciones federales) las organiza el INE.",
    ),
    (
        "cargos",
        "¿Cuántas diputaciones tiene la Legislatura del Estado de México?",
        "75. Se eligen 45 por mayoría relativa, una por cada distrito electoral local, y 30 por "
        "representación proporcional, de las listas que registran los partidos.",
    ),
    (
        "cargos",
        "¿Qué es la representación proporcional?",
        "Es una forma de repartir lugares según el porcentaje de votos que obtiene cada partido, para "
        "que las fuerzas políticas que no ganaron en un distrito o municipio también tengan voz. Se "
        "usa en la Legislatura y en los cabildos, con reglas que fija la ley.",
    ),
    (
        "cargos",
        "¿Qué es una elección extraordinaria?",
        "Es una elección que se repite cuando la ordinaria se anula o no se pudo realizar. Por "
        "ejemplo, en el Estado de México hubo elecciones extraordinarias de ayuntamiento en Nextlalpan "
        "(2021) y en Atlautla (2022). En ellas sólo vota la ciudadanía de ese municipio y sólo se "
        "elige el ayuntamiento.",
    ),
    (
        "cargos",
        "¿Qué diferencia hay entre el IEEM y el INE?",
        "El Instituto Electoral del Estado de México (IEEM) organiza las elecciones locales: "
        "Gubernatura, diputaciones locales y ayuntamientos. El Instituto Nacional Electoral (INE) "
        "organiza las elecciones federales, expide la credencial para votar, define las secciones y "
        "capacita a quienes atienden las casillas también en las elecciones locales.",
    ),
    # --- Las candidaturas
    (
        "candidaturas",
        "¿Qué es una coalición?",
        "Es un acuerdo entre dos o más partidos para postular a las mismas candidaturas. En la boleta "
        "cada partido aparece con su logotipo; puedes marcar uno o varios de los partidos de la "
        "coalición y tu voto cuenta para la misma candidatura.",
    ),
    (
        "candidaturas",
        "¿Qué es una candidatura común?",
        "Es cuando dos o más partidos postulan a la misma persona sin formar una coalición completa. "
        "Cada partido conserva su lugar en la boleta y el voto cuenta para la candidatura común.",
    ),
    (
        "candidaturas",
        "¿Qué es una candidatura independiente?",
        "Es la de una persona que compite sin partido político. Para registrarse debe reunir el apoyo "
        "de un porcentaje de la ciudadanía de la demarcación, con firmas que revisa la autoridad "
        "electoral.",
    ),
    (
        "candidaturas",
        "¿Qué es una fórmula y qué es una planilla?",
        "Una fórmula es la pareja de una persona propietaria y una suplente que compiten por una "
        "diputación. Una planilla es el grupo completo que compite por un ayuntamiento: presidencia "
        "municipal, sindicaturas y regidurías, cada lugar con su suplente.",
    ),
    (
        "candidaturas",
        "¿Para qué sirve la persona suplente?",
        "Ocupa el cargo si la persona propietaria no puede ejercerlo o lo deja. Por eso también "
        "aparece en el registro y puedes conocerla en el listado de candidaturas.",
    ),
    (
        "candidaturas",
        "¿Qué son la paridad y las acciones afirmativas?",
        "La paridad obliga a los partidos a postular al mismo número de mujeres y de hombres. Las "
        "acciones afirmativas reservan algunas candidaturas para grupos que casi nunca llegan a los "
        "cargos: por ejemplo, personas indígenas, con discapacidad, de la diversidad sexual, jóvenes "
        "o migrantes.",
    ),
    (
        "candidaturas",
        "¿Dónde veo quiénes compiten en mi municipio o distrito?",
        "En la página «Mi sección» de este portal: escribe el número de sección de tu credencial y te "
        "mostramos las contiendas de tu boleta y sus candidaturas. También puedes ver el listado "
        "completo de fórmulas y planillas en «Candidaturas».",
    ),
    # --- Conóceles
    (
        "conoceles",
        "¿Qué es «Candidatas y Candidatos, Conóceles»?",
        "Es un sistema que el INE ordena a los institutos electorales para que la ciudadanía conozca "
        "a las personas candidatas: su formación, su trayectoria, por qué quieren el cargo y sus "
        "principales propuestas. En el Estado de México está dentro de Decide IEEM.",
    ),
    (
        "conoceles",
        "¿Quién escribe la información de cada candidatura en Conóceles?",
        "Las propias candidaturas y sus partidos: ellas llenan los cuestionarios y son responsables "
        "de lo que dicen. El IEEM revisa que la información esté completa y la publica, pero no "
        "garantiza que sea verdadera.",
    ),
    (
        "conoceles",
        "¿Por qué una candidatura dice «La candidatura no proporcionó información»?",
        "Porque esa persona candidata no llenó esa parte del cuestionario o todavía no la ha enviado. "
        "Lo mostramos así para que sepas que el dato falta, en lugar de dejar el espacio vacío.",
    ),
    (
        "conoceles",
        "¿Qué es el cuestionario de identidad?",
        "Son preguntas sobre si la persona candidata pertenece a algún grupo en situación de "
        "discriminación (por ejemplo, personas indígenas, con discapacidad o de la diversidad sexual). "
        "Contestarlo es voluntario y sólo se publica lo que la persona autorizó expresamente.",
    ),
    (
        "conoceles",
        "¿Puedo descargar la información de Conóceles?",
        "Sí. En la sección de datos de Conóceles puedes descargar la información publicada en hojas de "
        "cálculo (XLSX y CSV), con un diccionario que explica cada columna.",
    ),
    # --- Los resultados
    (
        "resultados",
        "¿Qué es el PREP?",
        "El Programa de Resultados Electorales Preliminares (PREP) publica en internet, desde la "
        "noche de la elección, los datos de las actas de las casillas conforme van llegando. Sus "
        "resultados son preliminares: informan rápido, pero no son los oficiales.",
    ),
    (
        "resultados",
        "¿Qué es el conteo rápido?",
        "Es una estimación estadística del resultado, hecha con una muestra de casillas elegidas al "
        "azar. Se da a conocer la misma noche de la elección como un rango de porcentajes. No "
        "sustituye al conteo oficial.",
    ),
    (
        "resultados",
        "¿Cuándo se conocen los resultados oficiales?",
        "En los días siguientes a la elección, cuando los consejos distritales y municipales del IEEM "
        "hacen los cómputos: suman las actas de todas las casillas y, cuando la ley lo pide, vuelven "
        "a contar los votos. Al terminar entregan la constancia de mayoría a quien ganó.",
    ),
    (
        "resultados",
        "¿Qué pasa si alguien no está de acuerdo con los resultados?",
        "Los partidos y las candidaturas pueden impugnar ante el Tribunal Electoral del Estado de "
        "México. Sus decisiones, a su vez, pueden revisarse en el Tribunal Electoral del Poder "
        "Judicial de la Federación. Un resultado queda firme cuando se resuelven todas las "
        "impugnaciones.",
    ),
    (
        "resultados",
        "¿Dónde consulto los resultados de elecciones pasadas?",
        "En el portal del IEEM, https://www.ieem.org.mx, encontrarás los resultados definitivos y la "
        "estadística de las elecciones locales anteriores. En la página «Enlaces» de este portal "
        "reunimos los accesos directos.",
    ),
]

# (grupo, título, dirección, descripción)
ENLACES = [
    (
        "resultados",
        "PREP del IEEM: elección de 2024",
        "https://www.ieem.org.mx/prep2024/",
        "Resultados preliminares de las diputaciones locales y los ayuntamientos de 2024, con las "
        "imágenes de las actas de casilla.",
    ),
    (
        "resultados",
        "Resultados y estadística electoral del IEEM",
        "https://www.ieem.org.mx/",
        "Portal del IEEM, donde se publican los resultados definitivos, la participación ciudadana y "
        "la estadística de las elecciones locales.",
    ),
    (
        "credencial_y_casilla",
        "Ubica tu casilla",
        "https://ubicatucasilla.ine.mx/",
        "Servicio del INE para saber dónde votar, con los datos de tu credencial.",
    ),
    (
        "credencial_y_casilla",
        "Consulta de la lista nominal",
        "https://listanominal.ine.mx/",
        "Confirma en el sitio del INE que tu credencial está vigente y que apareces en la lista "
        "nominal.",
    ),
    (
        "credencial_y_casilla",
        "Credencial para votar",
        "https://www.ine.mx/credencial/",
        "Requisitos, citas y módulos del INE para tramitar, actualizar o reponer tu credencial.",
    ),
    (
        "participacion",
        "Medioteca del IEEM",
        "https://medioteca.ieem.org.mx/",
        "Noticias, colaboraciones y materiales del IEEM sobre participación ciudadana y educación "
        "cívica.",
    ),
    (
        "participacion",
        "Decide IEEM 2021",
        "https://decide.ieem.org.mx/ieem/",
        "La primera edición de Decide IEEM, creada en 2021 dentro del ejercicio local de Gobierno "
        "Abierto.",
    ),
    (
        "gobierno_abierto",
        "Infoem",
        "https://infoem.gob.mx/",
        "El órgano garante de la transparencia en el Estado de México. Participa en el Secretariado "
        "Técnico Local de Gobierno Abierto, que dio origen a Decide IEEM.",
    ),
    (
        "gobierno_abierto",
        "Alianza para el Gobierno Abierto en México",
        "https://gobabiertomx.org/",
        "Espacio de colaboración entre gobierno, órganos garantes y sociedad civil para abrir la "
        "información pública y la toma de decisiones.",
    ),
    (
        "gobierno_abierto",
        "Plataforma Nacional de Transparencia",
        "https://www.plataformadetransparencia.org.mx/",
        "Para pedir información pública a cualquier institución, incluidos el IEEM y los "
        "ayuntamientos.",
    ),
    (
        "autoridades",
        "Instituto Electoral del Estado de México (IEEM)",
        "https://www.ieem.org.mx/",
        "Organiza las elecciones locales: Gubernatura, diputaciones locales y ayuntamientos.",
    ),
    (
        "autoridades",
        "Instituto Nacional Electoral (INE)",
        "https://www.ine.mx/",
        "Organiza las elecciones federales y expide la credencial para votar.",
    ),
    (
        "autoridades",
        "Tribunal Electoral del Estado de México",
        "https://www.teemmx.org.mx/",
        "Resuelve las impugnaciones de las elecciones locales.",
    ),
    (
        "autoridades",
        "Tribunal Electoral del Poder Judicial de la Federación",
        "https://www.te.gob.mx/",
        "Revisa en última instancia las impugnaciones electorales.",
    ),
]


def cargar_contenido(apps, schema_editor):
    Atribucion = apps.get_model("decide", "Atribucion")
    PreguntaFrecuente = apps.get_model("decide", "PreguntaFrecuente")
    EnlaceDeInteres = apps.get_model("decide", "EnlaceDeInteres")

    for datos in ATRIBUCIONES:
        if not Atribucion.objects.filter(cargo=datos["cargo"], proceso__isnull=True).exists():
            Atribucion.objects.create(**datos)

    for orden, (categoria, pregunta, respuesta) in enumerate(PREGUNTAS, start=1):
        slug = slugify(pregunta)[:100]
        if PreguntaFrecuente.objects.filter(slug=slug).exists():
            continue
        PreguntaFrecuente.objects.create(
            categoria=categoria,
            pregunta=pregunta,
            respuesta=respuesta,
            slug=slug,
            texto_normalizado=_normalizar(f"{pregunta} {respuesta}"),
            orden=orden * 10,
        )

    for orden, (grupo, titulo, url, descripcion) in enumerate(ENLACES, start=1):
        if not EnlaceDeInteres.objects.filter(url=url, grupo=grupo).exists():
            EnlaceDeInteres.objects.create(
                grupo=grupo, titulo=titulo, url=url, descripcion=descripcion, orden=orden * 10
            )


class Migration(migrations.Migration):
    dependencies = [
        ("decide", "0001_contenido_y_visitas"),
    ]

    operations = [
        migrations.RunPython(cargar_contenido, migrations.RunPython.noop),
    ]
