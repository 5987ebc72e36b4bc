# Decide IEEM. `make run` deja el portal funcionando en SQLite; `make test` corre todas las pruebas.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Ajustes de producción para `check --deploy`: sólo para revisar, nunca se usan para servir.
PRODUCCION := DJANGO_DEBUG=false DJANGO_HTTPS=true DJANGO_ALLOWED_HOSTS=decide.ieem.org.mx \
	DJANGO_SECRET_KEY=revision-de-produccion-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

.PHONY: run test check lint format messages bench lock clean

$(BIN)/.instalado: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
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
	@echo "Decide IEEM en http://127.0.0.1:$(PORT)/ (con su worker de tareas: correo, importaciones)"
	DJANGO_DEBUG=true $(MANAGE) db_worker --queue-name '*' --no-reload --verbosity 0 & trabajador=$$!; \
	trap 'kill $$trabajador 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=true $(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(BIN)/.instalado
	$(BIN)/pytest

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

messages: $(BIN)/.instalado
	$(MANAGE) makemessages -l es_MX --ignore .venv --ignore staticfiles

# Benchmarks contra PostgreSQL en 127.0.0.1 (necesitan wrk: apt-get install wrk). Cifras en docs/rendimiento.md.
bench: $(BIN)/.instalado
	for b in mi_seccion conoceles candidaturas datos_abiertos reacciones visitas api; do \
		$(BIN)/python bench/$$b.py || exit 1; done

lock: $(BIN)/.instalado
	$(BIN)/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) staticfiles
