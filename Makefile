# Decide IEEM. `make run` deja el portal funcionando en SQLite; `make test` corre todas las pruebas.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Ajustes de producción para `check --deploy`: sólo para revisar, nunca se usan para servir.
PRODUCCION := DJANGO_DEBUG=false DJANGO_HTTPS=true DJANGO_ALLOWED_HOSTS=decide.ieem.org.mx \
	DJANGO_SECRET_KEY=revision-de-produccion-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

.PHONY: run test check lint format messages bench lock clean limpiar-sesiones

# Desarrollo: las dependencias de ejecución (requirements.lock, lo único que lleva la imagen de
# producción) más las de pruebas y revisión (requirements-dev.lock).
$(BIN)/.instalado: requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

staticfiles/staticfiles.json: $(BIN)/.instalado $(shell find static -type f 2>/dev/null)
	$(MANAGE) collectstatic --noinput --verbosity 0

run: $(BIN)/.instalado staticfiles/staticfiles.json
	$(MANAGE) migrate --noinput --verbosity 0
	$(MANAGE) createcachetable
	$(MANAGE) cargar_geografia
	$(MANAGE) generar_demo
	$(MANAGE) generar_demo_cuestionarios
	$(MANAGE) generar_demo_plataformas
	$(MANAGE) generar_demo_participacion
	$(MANAGE) generar_demo_recursos
	$(MANAGE) generar_datos_abiertos
	@echo "Decide IEEM en http://127.0.0.1:$(PORT)/ (con su worker de tareas: correo, importaciones, datos abiertos)"
	export DJANGO_DEBUG=true DECIDE_URL_PUBLICA=http://127.0.0.1:$(PORT); \
	$(MANAGE) db_worker --queue-name '*' --no-reload --verbosity 0 & trabajador=$$!; \
	trap 'kill $$trabajador 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(BIN)/.instalado
	$(BIN)/pytest -n 2

check: $(BIN)/.instalado
	# Las dependencias entre apps apuntan en un solo sentido (docs/arquitectura.md).
	$(BIN)/pytest -q -p no:cacheprovider tests/test_arquitectura.py
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates/
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compilemessages --ignore .venv --verbosity 0
	$(PRODUCCION) $(MANAGE) check --deploy --fail-level WARNING

format: $(BIN)/.instalado
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates/

# Borra las sesiones vencidas; en producción, cada noche con cron o un temporizador (docs/deploy.md).
limpiar-sesiones: $(BIN)/.instalado
	$(MANAGE) clearsessions

messages: $(BIN)/.instalado
	$(MANAGE) makemessages -l es_MX --ignore .venv --ignore staticfiles

# Benchmarks contra PostgreSQL en 127.0.0.1 (necesitan wrk: apt-get install wrk; bench/proxy.py además
# nginx: apt-get install nginx-light). Cifras en docs/rendimiento.md.
bench: $(BIN)/.instalado
	for b in mi_seccion conoceles candidaturas datos_abiertos reacciones visitas proxy api cache participacion_abuso fallas importaciones; do \
		$(BIN)/python bench/$$b.py || exit 1; done

# Congela las dependencias en dos archivos: requirements.lock (las de `dependencies` de pyproject.toml y
# sus transitivas: lo que va a producción) y requirements-dev.lock (lo que suman las de `dev`). Cada
# uno sale de un entorno limpio, así nada de desarrollo se cuela en el de producción.
LOCK_VENV := /tmp/decide-lock-$$$$
lock:
	set -e; v=$(LOCK_VENV); rm -rf $$v; $(PYTHON) -m venv $$v; \
	$$v/bin/python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	print('\n'.join(p['dependencies']), file=open('$$v/run.in', 'w')); \
	print('\n'.join(p['optional-dependencies']['dev']), file=open('$$v/dev.in', 'w'))"; \
	$$v/bin/pip install --quiet -r $$v/run.in; \
	$$v/bin/pip freeze --all --exclude-editable | grep -vE '^(pip|setuptools|wheel)==' > requirements.lock; \
	$$v/bin/pip install --quiet -r $$v/dev.in; \
	{ echo "-r requirements.lock"; $$v/bin/pip freeze --all --exclude-editable | grep -vE '^(pip|setuptools|wheel)==' \
		| grep -vxFf requirements.lock; } > requirements-dev.lock; \
	rm -rf $$v

clean:
	rm -rf $(VENV) staticfiles
