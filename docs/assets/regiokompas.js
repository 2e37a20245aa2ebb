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
    // On load nothing is filtered out: touching every entry would only cost the phone a restyle.
    if (select.value !== "") apply();
  }

  // Printing: links get a short reference (the path from the site root, or the host and path of
  // an external site), which the print stylesheet shows after the link. Links to the glossary,
  // within the page and inside table cells are left out: they would repeat on every term and row.
  function printReferences() {
    var config = document.getElementById("__config");
    var root = new URL(config ? JSON.parse(config.textContent).base + "/" : "/", window.location.href);
    document.querySelectorAll("article a[href]").forEach(function (link) {
      if (link.hasAttribute("data-rk-ref") || link.classList.contains("headerlink")) return;
      var inTable = link.closest("td, th") !== null;
      var target = new URL(link.getAttribute("href"), window.location.href);
      var reference;
      if (target.origin !== root.origin) {
        reference = target.host + (target.pathname === "/" ? "" : target.pathname);
      } else if (!inTable && target.pathname !== window.location.pathname && target.pathname.indexOf(root.pathname + "begrippen/") !== 0) {
        reference = "/" + target.pathname.slice(root.pathname.length) + target.hash;
      }
      if (reference) link.setAttribute("data-rk-ref", reference);
    });
  }
  window.addEventListener("beforeprint", printReferences);

  // A region used to be one page: a link to an item on it (regios/twente/#twe-p1) is sent on to
  // the page that now holds the item (regios/twente/principes/#twe-p1). Directory URLs assumed.
  function movedAnchor() {
    var map = document.getElementById("rk-verplaatst");
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!map || !id || document.getElementById(id)) return;
    var page = JSON.parse(map.getAttribute("data-ankers"))[id];
    if (page) window.location.replace(page + "/#" + encodeURIComponent(id));
  }

  function start() {
    movedAnchor();
    sideBySide();
    glossaryFilter();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
