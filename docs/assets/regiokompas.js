// Progressive enhancement only: without JavaScript every page shows all content.
(function () {
  "use strict";

  function sideBySide() {
    var form = document.getElementById("rk-kies");
    if (!form) return;
    var first = document.getElementById("rk-regio-a");
    var second = document.getElementById("rk-regio-b");
    var params = new URLSearchParams(window.location.search);
    if (params.get("a")) first.value = params.get("a");
    if (params.get("b")) second.value = params.get("b");
    if (first.value === second.value && second.options.length > 1) {
      second.selectedIndex = first.selectedIndex === 0 ? 1 : 0;
    }
    function apply() {
      var chosen = [first.value, second.value];
      document.querySelectorAll(".rk-naast-regio").forEach(function (block) {
        block.hidden = chosen.indexOf(block.getAttribute("data-regio")) === -1;
        block.style.order = block.getAttribute("data-regio") === first.value ? "0" : "1";
      });
    }
    first.addEventListener("change", apply);
    second.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  function glossaryFilter() {
    var form = document.getElementById("rk-begrip-filter");
    if (!form) return;
    var select = document.getElementById("rk-begrip-regio");
    function apply() {
      document.querySelectorAll("[data-regios]").forEach(function (marker) {
        var item = marker.closest("li");
        var regions = marker.getAttribute("data-regios").split(" ");
        item.hidden = select.value !== "" && regions.indexOf(select.value) === -1;
      });
    }
    select.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  function start() {
    sideBySide();
    glossaryFilter();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
