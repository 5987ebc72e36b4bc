# syntax=docker/dockerfile:1
# Imagen de producción de Decide IEEM, en dos etapas (docs/deploy.md):
#   construccion: ruedas de requirements.lock (sólo dependencias de ejecución), collectstatic y
#                 compilemessages (con gettext, que no llega a la imagen final).
#   final:        Python, el entorno ya instalado y el código que corre; sin tests/, bench/, docs/
#                 ni herramientas de desarrollo; usuario sin privilegios; HEALTHCHECK en /salud/.
# Las migraciones NO corren al arrancar: son un paso previo de cada despliegue (docs/deploy.md).

ARG PYTHON_IMAGEN=python:3.11-slim-bookworm

# --- Etapa 1: construcción --------------------------------------------------------------------
FROM ${PYTHON_IMAGEN} AS construccion

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY requirements.lock .
# Ruedas primero (se reutilizan en caché mientras requirements.lock no cambie), luego un entorno
# virtual instalado sólo desde ellas: es lo que se copia a la imagen final.
RUN pip wheel --wheel-dir /ruedas -r requirements.lock \
    && python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-index --find-links /ruedas -r requirements.lock

# Sólo lo que corre en producción (el .dockerignore deja fuera lo demás).
COPY manage.py ./
COPY decide ./decide
COPY comun ./comun
COPY candidaturas ./candidaturas
COPY cuentas ./cuentas
COPY cuestionarios ./cuestionarios
COPY plataformas ./plataformas
COPY participacion ./participacion
COPY conoceles ./conoceles
COPY templates ./templates
COPY static ./static
COPY locale ./locale
COPY fixtures/edomex ./fixtures/edomex

# collectstatic y compilemessages no necesitan base de datos ni secretos reales.
RUN DJANGO_SECRET_KEY=construccion /opt/venv/bin/python manage.py collectstatic --noinput --verbosity 0 \
    && DJANGO_SECRET_KEY=construccion /opt/venv/bin/python manage.py compilemessages --verbosity 0 \
    && find . -name '*.po' -delete \
    && /opt/venv/bin/python -m compileall -q /src /opt/venv

# --- Etapa 2: final -----------------------------------------------------------------------------
FROM ${PYTHON_IMAGEN} AS final

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_DEBUG=false \
    DJANGO_MEDIA_ROOT=/app/media

RUN useradd --create-home --uid 1000 decide

COPY --from=construccion /opt/venv /opt/venv
COPY --from=construccion /src /app
WORKDIR /app
# El código y los estáticos son de root (sólo lectura para la app); media/ (fotos, datos abiertos) es
# lo único en que escribe, y en producción es un volumen compartido entre servidores.
RUN mkdir -p /app/media/datos_abiertos && chown -R decide:decide /app/media

USER decide
EXPOSE 8000
VOLUME ["/app/media"]

# /salud/ responde 200 si la base contesta («ok», o «degradado» si fallan Redis o la cola: el portal
# sigue sirviendo, no hay que reiniciar) y 503 si no (urlopen lanza y el contenedor queda unhealthy).
# Se pide con el primer dominio de DJANGO_ALLOWED_HOSTS como Host (si no, Django respondería 400) y
# por HTTP (exenta de la redirección a HTTPS). Las sesiones vencidas se borran con
#   docker run … decide-ieem python manage.py clearsessions   (cada noche; docs/deploy.md)
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; h = (os.environ.get('DJANGO_ALLOWED_HOSTS') or 'localhost').split(',')[0].strip().lstrip('.'); u.urlopen(u.Request('http://127.0.0.1:8000/salud/', headers={'Host': h if h not in ('', '*') else 'localhost'}), timeout=4)"]

# Servidores de app: gunicorn. El worker de tareas es otro contenedor de la misma imagen:
#   docker run … decide-ieem python manage.py db_worker --queue-name '*'
# Procesos síncronos, uno por núcleo (WEB_CONCURRENCY, que gunicorn lee solo): pintar una página es
# trabajo de procesador, y en 2 núcleos 2 procesos rindieron mejor sin caché que 4 × 2 hilos
# (docs/rendimiento.md). Con más núcleos: docker run -e WEB_CONCURRENCY=<núcleos> …
ENV WEB_CONCURRENCY=2
CMD ["gunicorn", "decide.wsgi", "--bind", "0.0.0.0:8000", \
     "--max-requests", "2000", "--max-requests-jitter", "200", "--access-logfile", "-"]
