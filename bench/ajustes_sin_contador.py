"""Ajustes de decide.settings sin el contador de visitas: la línea base de bench/visitas.py."""

from decide.settings import *  # noqa: F403
from decide.settings import MIDDLEWARE

MIDDLEWARE = [m for m in MIDDLEWARE if m != "decide.middleware.ContadorDeVisitasMiddleware"]
