// Página de avance de un trabajo en segundo plano: se vuelve a cargar cada 3 segundos mientras el
// trabajo corre, salvo que la persona desmarque la casilla (WCAG 2.2.1: el refresco se puede
// detener). Sin JavaScript, la casilla no aparece y queda el botón «Actualizar».
(function () {
  "use strict";
  var control = document.getElementById("control-actualizar");
  var casilla = document.getElementById("actualizar-sola");
  if (!control || !casilla) {
    return;
  }
  var clave = "decide-avance-sin-actualizar";
  control.hidden = false;
  if (window.sessionStorage.getItem(clave) === "1") {
    casilla.checked = false;
  }
  casilla.addEventListener("change", function () {
    window.sessionStorage.setItem(clave, casilla.checked ? "0" : "1");
  });
  window.setInterval(function () {
    if (casilla.checked) {
      window.location.reload();
    }
  }, 3000);
})();
