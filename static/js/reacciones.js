// Me gusta / No me gusta sin recargar la página (mejora progresiva: sin JavaScript, el
// formulario hace POST y el servidor redirige de vuelta con un mensaje).
(function () {
  "use strict";

  function actualizar(contenedor, datos) {
    ["me_gusta", "no_me_gusta"].forEach(function (valor) {
      var cuenta = contenedor.querySelector('[data-cuenta="' + valor + '"]');
      if (cuenta) { cuenta.textContent = String(datos[valor]); }
      var boton = contenedor.querySelector('button[data-valor="' + valor + '"]');
      if (boton) {
        var marcado = datos.mia === valor;
        boton.setAttribute("aria-pressed", marcado ? "true" : "false");
        boton.value = marcado ? "retirar" : valor;
      }
    });
  }

  function avisar(contenedor, mensaje) {
    var estado = contenedor.querySelector("[data-estado]");
    if (estado) { estado.textContent = mensaje || ""; }
  }

  document.addEventListener("submit", function (evento) {
    var formulario = evento.target;
    if (!formulario.matches || !formulario.matches("[data-reacciones-form]") || !window.fetch) { return; }
    var boton = evento.submitter;
    if (!boton || !boton.name) { return; }
    evento.preventDefault();
    var contenedor = formulario.closest("[data-reacciones]");
    var datos = new FormData(formulario);
    datos.set(boton.name, boton.value);
    var botones = formulario.querySelectorAll("button");
    botones.forEach(function (b) { b.disabled = true; });
    fetch(formulario.action, {
      method: "POST",
      body: datos,
      credentials: "same-origin",
      headers: {
        "Accept": "application/json",
        "X-CSRFToken": datos.get("csrfmiddlewaretoken") || ""
      }
    }).then(function (respuesta) {
      return respuesta.json().then(function (cuerpo) { return { ok: respuesta.ok, cuerpo: cuerpo }; });
    }).then(function (resultado) {
      if (resultado.ok) { actualizar(contenedor, resultado.cuerpo); }
      avisar(contenedor, resultado.cuerpo.mensaje);
    }).catch(function () {
      // Si algo falla en la red, el envío normal del formulario sigue funcionando.
      formulario.submit();
    }).finally(function () {
      botones.forEach(function (b) { b.disabled = false; });
    });
  });
})();
