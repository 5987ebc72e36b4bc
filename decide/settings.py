"""Configuración de Decide IEEM.

Un solo archivo, leído de arriba abajo. Los entornos (desarrollo, CI, producción) difieren sólo
en variables de entorno; `.env.example` las documenta todas. Los valores por omisión sirven para
un primer arranque local (SQLite, sin servicios externos) y `manage.py check --deploy` señala
lo que falta antes de publicar.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(nombre, por_omision=False):
    """Lee un booleano; cualquier otra cosa que true/false/1/0/sí/no es un error de configuración."""
    valor = os.environ.get(nombre)
    if valor is None or valor == "":
        return por_omision
    normalizado = valor.strip().lower()
    if normalizado in {"1", "true", "yes", "si", "sí", "on"}:
        return True
    if normalizado in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{nombre} debe ser true o false, no {valor!r}")


def env_lista(nombre, por_omision=""):
    return [parte.strip() for parte in os.environ.get(nombre, por_omision).split(",") if parte.strip()]


def env_entero(nombre, por_omision):
    valor = os.environ.get(nombre, "")
    if valor == "":
        return por_omision
    try:
        return int(valor)
    except ValueError as error:
        raise ImproperlyConfigured(f"{nombre} debe ser un número entero, no {valor!r}") from error


# --- Núcleo -------------------------------------------------------------------------------------
# DEBUG está apagado salvo que se pida; la clave de desarrollo empieza con "django-insecure-" para
# que check --deploy la rechace en producción.
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-solo-para-desarrollo-local-no-usar-en-produccion"
)
ALLOWED_HOSTS = env_lista("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_lista("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # whitenoise sirve los estáticos también con runserver, igual que en producción.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "allauth",
    "allauth.account",
    "cuentas.apps.SegundoFactorConfig",  # allauth.mfa con nombres en español (cuentas/apps.py)
    "import_export",
    # Tareas fuera de la petición (correo, importaciones grandes, datos abiertos): el marco de tareas
    # de Django 6 (DEP 14) en su versión para 5.2, con la cola en la base de datos (docs/decisiones.md).
    "django_tasks",
    "django_tasks_db",
    # Apps del portal, en el orden de sus dependencias (docs/arquitectura.md).
    "comun",
    "candidaturas",
    "cuentas",
    "cuestionarios",
    "plataformas",
    "participacion",
    "conoceles",
    "decide",
]

MIDDLEWARE = [
    # Cuenta las páginas vistas (P11, decide/visitas.py), también las que la caché sirve sin recorrer
    # la cadena; al volver la respuesta ya está resuelto el usuario (el personal no cuenta).
    "decide.middleware.ContadorDeVisitasMiddleware",
    # Guarda las páginas públicas ya con todo lo que pongan los demás (cookies incluidas) y sirve las
    # frescas antes de los demás middlewares (comun/cache_publica.py).
    "comun.cache_publica.CachePublicaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "decide.middleware.EncabezadosDeSeguridadMiddleware",
    # /api/: CORS, caché pública con ETag/304, límite por IP y errores en JSON (decide/api/http.py).
    "decide.api.http.ApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # El personal sólo usa el portal con un segundo factor (TOTP) activado (C1, issue 12).
    "cuentas.middleware.ExigirSegundoFactorAlPersonal",
]

FORM_RENDERER = "comun.renderizador.Renderizador"

ROOT_URLCONF = "decide.urls"
WSGI_APPLICATION = "decide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "decide.context_processors.portal",
            ],
        },
    },
]

# --- Base de datos ------------------------------------------------------------------------------
# SQLite en un primer arranque; PostgreSQL en CI y producción (DATABASE_URL=postgres://…).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_entero("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_SENTENCIAS_PREPARADAS", True
):
    # Cada conexión prepara en PostgreSQL las consultas que repite (tras 5 usos): se planean una sola
    # vez (comun/postgresql/base.py). Con PgBouncer en modo transacción hace falta PgBouncer ≥ 1.21
    # con max_prepared_statements > 0, o DATABASE_SENTENCIAS_PREPARADAS=false (docs/deploy.md).
    DATABASES["default"]["ENGINE"] = "comun.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caché ------------------------------------------------------------------------------------
# Compartida entre procesos para que los límites de peticiones valgan con varios workers: Redis
# si REDIS_URL está definida; si no, la caché en base de datos (tabla creada por `make run`).
# Redis caído no tumba el portal (comun/cache_tolerante.py): las páginas salen sin caché y los
# límites (claves de RESPALDO_LOCAL) cuentan en la memoria de cada proceso hasta que vuelva.


def cache_redis(url):
    """La caché compartida en Redis (también la usan las pruebas de Redis caído)."""
    return {
        "BACKEND": "comun.cache_tolerante.CacheTolerante",
        "LOCATION": url,
        "KEY_PREFIX": "decide",
        "OPTIONS": {
            # Redis responde en microsegundos en la red privada: si tarda más, está caído.
            "socket_connect_timeout": 0.5,
            "socket_timeout": 1.0,
            # Contadores y candados de los límites (allauth, participación, API) y las visitas.
            "RESPALDO_LOCAL": ["allauth", "participacion:", "api:", "visitas:"],
            "SEGUNDOS_REINTENTO": env_entero("DECIDE_CACHE_SEGUNDOS_REINTENTO", 5),
        },
    }


if os.environ.get("REDIS_URL"):
    CACHES = {"default": cache_redis(os.environ["REDIS_URL"])}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "decide_cache",
            "KEY_PREFIX": "decide",
        }
    }

# --- Idioma y zona horaria (X1) -----------------------------------------------------------------
LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", _("Español (México)"))]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True
# locale/ guarda el catálogo del proyecto (make messages); locale/ajustes/ corrige textos de Django y
# allauth (meses en minúscula, trato de «tú»).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "ajustes"]

# --- Archivos estáticos y subidos ---------------------------------------------------------------
# whitenoise sirve los estáticos con nombres con huella (cache inmutable); `collectstatic` corre en
# `make run`, `make test` y la imagen de Docker.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Datos abiertos de Conóceles: los archivos que escribe la tarea `conoceles.tareas` (uno por proceso y
# formato, con su huella en el nombre). Deben estar en un disco común a todos los servidores de app
# (por omisión, dentro de MEDIA_ROOT); docs/deploy.md.
DECIDE_DATOS_ABIERTOS_ROOT = Path(os.environ.get("DECIDE_DATOS_ABIERTOS_ROOT", MEDIA_ROOT / "datos_abiertos"))
# Archivos privados (importaciones del personal entre la subida y el fin de la tarea): fuera de
# MEDIA_ROOT, nunca servidos; deben estar en un disco común a los servidores de app y al worker de la
# cola (docs/deploy.md). Se borran al terminar cada importación.
DECIDE_ARCHIVOS_PRIVADOS_ROOT = Path(os.environ.get("DECIDE_ARCHIVOS_PRIVADOS_ROOT", BASE_DIR / "privado"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- Cuentas (C1): django-allauth, acceso por correo, sin registro público ----------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "cuentas.adaptador.AdaptadorDeCuentas"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = None
# Límites de acceso (docs/decisiones.md, «Límites de acceso»): las fallas se cuentan por IP + correo
# (la «key» la arma cuentas/adaptador.py), así nadie bloquea desde otro lugar a la dueña de una
# cuenta; el cupo por IP es alto porque detrás de una IP hay escuelas y redes de telefonía (NAT).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "60/m/ip,300/h/ip,10/15m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Decide IEEM"
# Acepta también el código del periodo de 30 s anterior o siguiente (reloj del teléfono desfasado o
# quien escribe justo al cambiar el código; RFC 6238 §5.2 sugiere a lo más un paso). allauth sigue
# rechazando un código ya usado durante toda esa ventana.
MFA_TOTP_TOLERANCE = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/captura/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ALLAUTH_TRUSTED_PROXY_COUNT = env_entero("DJANGO_PROXIES_DE_CONFIANZA", 0)
# Invitaciones de Conóceles: el enlace para fijar contraseña (el de restablecerla de allauth) caduca
# a los tres días o al usarse; quien la fija entra directo a su área de captura.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
# Dirección pública del portal (esquema y dominio, sin «/» final) para los enlaces absolutos de los
# correos (invitaciones, observaciones, publicación): salen de tareas sin una petición de la cual
# tomar el dominio. Sin la variable: en producción, el primer dominio de DJANGO_ALLOWED_HOSTS (con
# https si DJANGO_HTTPS=true); en desarrollo, el servidor local. `check --deploy` avisa si en
# producción apunta a la máquina local.
DECIDE_URL_PUBLICA = os.environ.get("DECIDE_URL_PUBLICA", "").strip().rstrip("/") or next(
    (
        f"{'https' if env_bool('DJANGO_HTTPS', False) else 'http'}://{dominio.lstrip('.')}"
        for dominio in ALLOWED_HOSTS
        if not DEBUG and "*" not in dominio
    ),
    "http://127.0.0.1:8000",
)

# --- Tareas en segundo plano -------------------------------------------------------------------
# Producción: la cola vive en la base de datos y la atiende `manage.py db_worker` (docs/deploy.md).
# DECIDE_TAREAS=inmediatas las corre dentro de la petición (sólo para pruebas o depuración).
TASKS = {
    "default": {
        "BACKEND": {
            "base": "django_tasks_db.DatabaseBackend",
            "inmediatas": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("DECIDE_TAREAS", "base")],
    }
}

# /salud/ avisa («degradado») si la tarea lista más vieja lleva más de estos minutos sin atenderse.
DECIDE_SALUD_MINUTOS_COLA = env_entero("DECIDE_SALUD_MINUTOS_COLA", 15)

# --- Correo ---------------------------------------------------------------------------------------
# En desarrollo los correos se imprimen en la consola; en producción, SMTP.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_entero("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Decide IEEM <no-responder@ieem.org.mx>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Seguridad (X3) ---------------------------------------------------------------------------
# DJANGO_HTTPS=true en producción: redirección a HTTPS, cookies seguras y HSTS. Sin ella,
# check --deploy avisa de cada una.
HTTPS = env_bool("DJANGO_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
# El balanceador y el HEALTHCHECK de la imagen revisan /salud/ por HTTP dentro de la red privada.
SECURE_REDIRECT_EXEMPT = [r"^salud/$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_entero("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_DETRAS_DE_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8

# --- Registro de eventos --------------------------------------------------------------------------
# Los errores van a la consola (gunicorn los recoge). Nunca se registran cuerpos de peticiones:
# ahí viajarían respuestas de identidad.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"consola": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["consola"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["consola"], "level": "ERROR", "propagate": False},
    },
}

# --- Participación ciudadana (P12, P13) ---------------------------------------------------------
# Escrituras (reacciones, comentarios, reportes) por IP y minuto antes de responder 429. Se cuentan
# en la caché compartida, así valen con varios procesos. El benchmark lo sube sólo para sí mismo.
PARTICIPACION_LIMITE_POR_MINUTO = env_entero("DECIDE_PARTICIPACION_LIMITE_POR_MINUTO", 30)
# Segundos mínimos entre mostrar el formulario de comentario y enviarlo (una persona tarda más).
PARTICIPACION_SEGUNDOS_MINIMOS = env_entero("DECIDE_PARTICIPACION_SEGUNDOS_MINIMOS", 4)
# Tokens de cliente nuevos que una IP puede recibir por ventana (sólo al ver una página: la
# petición de estado o la confirmación). Quien ya tiene su cookie no consume (docs/participacion.md).
PARTICIPACION_TOKENS_POR_IP = env_entero("DECIDE_PARTICIPACION_TOKENS_POR_IP", 60)
PARTICIPACION_VENTANA_TOKENS = env_entero("DECIDE_PARTICIPACION_VENTANA_TOKENS", 10 * 60)
# Reacciones que cuentan por IP y por propuesta en la ventana (24 h). Pasado el tope la reacción se
# guarda marcada y no suma: hogares y NAT de operador caben de sobra (docs/participacion.md).
PARTICIPACION_REACCIONES_POR_IP_Y_OBJETO = env_entero("DECIDE_PARTICIPACION_REACCIONES_POR_IP", 20)
PARTICIPACION_VENTANA_POR_IP_Y_OBJETO = env_entero("DECIDE_PARTICIPACION_VENTANA_POR_IP", 24 * 60 * 60)

# --- API de datos abiertos (/api/v1/) -------------------------------------------------------------
# Consultas por IP y minuto antes de responder 429 (0 = sin límite; el benchmark lo apaga para sí).
API_LIMITE_POR_MINUTO = env_entero("DECIDE_API_LIMITE_POR_MINUTO", 300)

# --- Portal ---------------------------------------------------------------------------------------
DECIDE_CONTACTO_CORREO = os.environ.get("DECIDE_CONTACTO_CORREO", "decide@ieem.org.mx")
DECIDE_CONTACTO_TELEFONO = os.environ.get("DECIDE_CONTACTO_TELEFONO", "722 275 7300")
