/* Área de captura (Conóceles). Mejora progresiva: sin JavaScript todo funciona igual.
 * 1. Contador de caracteres bajo cada texto largo (data-minimo / data-maximo).
 * 2. Preguntas condicionadas del cuestionario de identidad: se ocultan si no aplican
 *    (data-depende = nombre del campo puerta, data-habilita = opción que la muestra). */
(function () {
  "use strict";

  function formatear(numero) {
    return numero.toLocaleString("es-MX");
  }

  document.querySelectorAll("textarea[data-maximo]").forEach(function (area) {
    var minimo = parseInt(area.dataset.minimo || "0", 10);
    var maximo = parseInt(area.dataset.maximo, 10);
    var contador = document.createElement("p");
    contador.className = "contador";
    contador.id = area.id + "_contador";
    contador.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", contador);
    var descrito = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (descrito ? descrito + " " : "") + contador.id);
    var espera;
    function actualizar() {
      var largo = area.value.replace(/\r\n/g, "\n").trim().length;
      var texto = formatear(largo) + " de " + formatear(maximo) + " caracteres";
      if (largo > maximo) {
        texto += " — te pasaste por " + formatear(largo - maximo);
      } else if (largo < minimo) {
        texto += " — faltan " + formatear(minimo - largo) + " para el mínimo";
      }
      contador.textContent = texto;
      contador.classList.toggle("contador--excedido", largo > maximo);
    }
    area.addEventListener("input", function () {
      clearTimeout(espera);
      espera = setTimeout(actualizar, 300);
    });
    actualizar();
  });

  var condicionadas = document.querySelectorAll("[data-depende]");
  if (!condicionadas.length) {
    return;
  }
  function elegidas(nombre) {
    return Array.prototype.map.call(
      document.querySelectorAll('input[name="' + nombre + '"]:checked'),
      function (entrada) { return entrada.value; }
    );
  }
  function visible(bloque) {
    if (!bloque.dataset.depende) {
      return true;
    }
    var puerta = document.querySelector('[data-campo="' + bloque.dataset.depende + '"]');
    if (puerta && puerta.hidden) {
      return false;
    }
    return elegidas(bloque.dataset.depende).indexOf(bloque.dataset.habilita) !== -1;
  }
  function aplicar() {
    condicionadas.forEach(function (bloque) {
      bloque.hidden = !visible(bloque);
    });
  }
  document.addEventListener("change", aplicar);
  aplicar();
})();
