"""Piezas neutrales que cualquier app puede usar y que no importan ninguna app del proyecto:
caché de páginas públicas, CSV/XLSX seguros, re-codificación de imágenes, texto sin acentos,
mixins del admin, gráficas SVG y el renderizador de formularios (ver docs/arquitectura.md)."""
