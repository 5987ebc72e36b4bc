// Participación sobre páginas en caché (mejora progresiva, issue 16 y 17).
//
// El HTML es igual para todo visitante: sin token CSRF ni «tu reacción». Sin JavaScript, los
// formularios son GET hacia una página corta de confirmación. Con JavaScript, este archivo hace UNA
// petición por visita a /participacion/estado/?o=<clave>… y, con lo que devuelve (token CSRF,
// marca del formulario de comentario, reacción propia y totales al momento), convierte los
// formularios en POST directo y marca la reacción propia. Me gusta / No me gusta se envían sin
// recargar la página.
(function () {
  "use strict";

  if (!window.fetch || !document.querySelector) { return; }
  var bloques = document.querySelectorAll("[data-participa]");
  if (!bloques.length) { return; }

  var estadoUrl = bloques[0].getAttribute("data-estado");
  var claves = [];
  document.querySelectorAll("[data-objetivo]").forEach(function (el) {
    var clave = el.getAttribute("data-objetivo");
    if (claves.indexOf(clave) === -1) { claves.push(clave); }
  });
  var csrf = "";

  function marcar(contenedor, mia, totales) {
    ["me_gusta", "no_me_gusta"].forEach(function (valor, i) {
      var cuenta = contenedor.querySelector('[data-cuenta="' + valor + '"]');
      if (cuenta && totales) { cuenta.textContent = String(totales[i]); }
      var boton = contenedor.querySelector('button[data-valor="' + valor + '"]');
      if (boton) {
        var marcado = mia === valor;
        boton.setAttribute("aria-pressed", marcado ? "true" : "false");
        boton.value = marcado ? "retirar" : valor;
      }
    });
  }

  function avisar(contenedor, mensaje) {
    var estado = contenedor && contenedor.querySelector("[data-estado-texto]");
    if (estado) { estado.textContent = mensaje || ""; }
  }

  function aPost(formulario) {
    formulario.setAttribute("method", "post");
    formulario.setAttribute("action", formulario.getAttribute("data-post"));
    var campo = formulario.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!campo) {
      campo = document.createElement("input");
      campo.type = "hidden";
      campo.name = "csrfmiddlewaretoken";
      formulario.appendChild(campo);
    }
    campo.value = csrf;
    formulario.setAttribute("data-listo", "");
  }

  function aplicar(estado) {
    csrf = estado.csrf || "";
    if (!estado.participa) { return; }  // sin token: los formularios siguen yendo a la confirmación
    document.querySelectorAll("[data-reacciones]").forEach(function (contenedor) {
      var clave = contenedor.getAttribute("data-objetivo");
      var formulario = contenedor.querySelector("[data-reacciones-form]");
      if (formulario) { aPost(formulario); }
      marcar(contenedor, estado.mias[clave] || null, estado.totales[clave]);
      if (estado.mias[clave]) {
        avisar(contenedor, contenedor.getAttribute("data-texto-mia") || "");
      }
    });
    document.querySelectorAll("[data-reporte-form]").forEach(aPost);
    document.querySelectorAll("[data-comentario-form]").forEach(function (formulario) {
      formulario.querySelector('input[name="csrfmiddlewaretoken"]').value = csrf;
      formulario.querySelector('input[name="marca"]').value = estado.marca;
      var paso = formulario.parentNode.querySelector("[data-comentario-sin-js]");
      if (paso) { paso.hidden = true; }
      formulario.hidden = false;
    });
  }

  var consulta = claves.map(function (c) { return "o=" + encodeURIComponent(c); }).join("&");
  fetch(estadoUrl + (consulta ? "?" + consulta : ""), {
    credentials: "same-origin",
    headers: { "Accept": "application/json" }
  }).then(function (respuesta) {
    return respuesta.ok ? respuesta.json() : null;
  }).then(function (estado) {
    if (estado) { aplicar(estado); }
  }).catch(function () {
    // Sin estado, todo sigue funcionando con las páginas de confirmación.
  });

  document.addEventListener("submit", function (evento) {
    var formulario = evento.target;
    if (!formulario.matches || !formulario.matches("[data-reacciones-form][data-listo]")) { return; }
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
      headers: { "Accept": "application/json", "X-CSRFToken": csrf }
    }).then(function (respuesta) {
      return respuesta.json().then(function (cuerpo) { return { ok: respuesta.ok, cuerpo: cuerpo }; });
    }).then(function (resultado) {
      if (resultado.ok) {
        var c = resultado.cuerpo;
        marcar(contenedor, c.mia, [c.me_gusta, c.no_me_gusta]);
      }
      avisar(contenedor, resultado.cuerpo.mensaje);
    }).catch(function () {
      // Si algo falla en la red, el envío normal del formulario sigue funcionando.
      formulario.submit();
    }).finally(function () {
      botones.forEach(function (b) { b.disabled = false; });
    });
  });
})();
