# Imagen de producción de Decide IEEM: gunicorn + whitenoise, usuario sin privilegios.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_DEBUG=false

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 decide

WORKDIR /app
COPY requirements.lock .
RUN pip install -r requirements.lock

COPY . .
# collectstatic y compilemessages no necesitan base de datos ni secretos reales.
RUN DJANGO_SECRET_KEY=construccion python manage.py collectstatic --noinput \
    && DJANGO_SECRET_KEY=construccion python manage.py compilemessages --ignore .venv \
    && mkdir -p /app/media && chown -R decide:decide /app/media

USER decide
EXPOSE 8000
# Migraciones: `docker run … python manage.py migrate` en cada despliegue, antes de arrancar.
CMD ["gunicorn", "decide.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--threads", "2", \
     "--max-requests", "2000", "--max-requests-jitter", "200", "--access-logfile", "-"]
