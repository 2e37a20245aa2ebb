// Progressive enhancement only: without JavaScript every page shows all content.
(function () {
  "use strict";

  // Two regions side by side (vergelijking/naast-elkaar). The page is rendered for a default pair;
  // the pair in the URL (?a=...&b=...) is shown by taking each region's blocks (one per theme) from
  // its per-theme page, whose address is the link marked data-regio on this page. Unknown ids fall
  // back to the default pair with a message; a change of the choice updates the URL.
  function sideBySide() {
    var form = document.getElementById("rk-kies");
    var shown = document.getElementById("rk-getoond");
    if (!form || !shown) return;
    var first = document.getElementById("rk-regio-a");
    var second = document.getElementById("rk-regio-b");
    var message = document.getElementById("rk-keuze-melding");
    var defaults = [shown.getAttribute("data-a"), shown.getAttribute("data-b")];
    var names = {};
    Array.prototype.forEach.call(first.options, function (option) { names[option.value] = option.textContent; });
    var pages = {};
    document.querySelectorAll("a[data-regio]").forEach(function (link) { pages[link.getAttribute("data-regio")] = link.href; });
    var loaded = {};

    function other(than) {
      return defaults[0] !== than ? defaults[0] : defaults[1];
    }

    // The pair asked for in the URL, valid ids only, and what was wrong with it (empty if nothing).
    function requested() {
      var params = new URLSearchParams(window.location.search);
      var a = params.get("a"), b = params.get("b");
      var wrong = [];
      if (a !== null && !Object.prototype.hasOwnProperty.call(names, a)) { wrong.push(a); a = null; }
      if (b !== null && !Object.prototype.hasOwnProperty.call(names, b)) { wrong.push(b); b = null; }
      if (a === null) a = other(b);
      if (b === null) b = other(a);
      var note = "";
      if (wrong.length) {
        note = (wrong.length === 1 ? "De regio '" + wrong[0] + "' bestaat niet" : "De regio's '" + wrong.join("' en '") + "' bestaan niet") +
          " op deze site; getoond: " + names[a] + " en " + names[b] + ".";
      }
      if (a === b && Object.keys(names).length > 1) {
        b = a === defaults[1] ? defaults[0] : defaults[1];
        if (a === b) b = first.options[first.options[0].value === a ? 1 : 0].value;
        note = (note ? note + " " : "") + "Twee keer dezelfde regio gekozen; getoond: " + names[a] + " en " + names[b] + ".";
      }
      return { a: a, b: b, note: note };
    }

    function load(region) {
      if (!loaded[region]) {
        loaded[region] = fetch(pages[region]).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text().then(function (text) {
            return { doc: new DOMParser().parseFromString(text, "text/html"), url: response.url };
          });
        });
      }
      return loaded[region];
    }

    // A region's block on a theme from its per-theme page, with links made absolute (they were
    // relative to that page) and without ids (they belong to that page).
    function block(page, theme) {
      var found = page.doc.querySelector('.rk-naast-regio[data-thema="' + CSS.escape(theme) + '"]');
      if (!found) return null;
      var copy = document.importNode(found, true);
      copy.querySelectorAll("a[href]").forEach(function (link) { link.href = new URL(link.getAttribute("href"), page.url).href; });
      copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      copy.querySelectorAll(".headerlink").forEach(function (node) { node.remove(); });
      return copy;
    }

    function statements(a, b) {
      document.querySelectorAll(".rk-uitspraken").forEach(function (group) {
        var any = false;
        group.querySelectorAll(".rk-uitspraak").forEach(function (statement) {
          var regions = statement.getAttribute("data-regios").split(" ");
          statement.hidden = regions.indexOf(a) === -1 && regions.indexOf(b) === -1;
          any = any || !statement.hidden;
        });
        var none = group.querySelector(".rk-geen-uitspraak");
        if (none) none.hidden = any;
      });
    }

    function finish(pair) {
      first.value = pair.a;
      second.value = pair.b;
      shown.setAttribute("data-a", pair.a);
      shown.setAttribute("data-b", pair.b);
      shown.querySelectorAll("strong")[0].textContent = names[pair.a];
      shown.querySelectorAll("strong")[1].textContent = names[pair.b];
      message.textContent = pair.note;
      statements(pair.a, pair.b);
    }

    function show(pair) {
      if (shown.getAttribute("data-a") === pair.a && shown.getAttribute("data-b") === pair.b) {
        finish(pair);
        return;
      }
      Promise.all([load(pair.a), load(pair.b)]).then(function (found) {
        document.querySelectorAll(".rk-naast[data-thema]").forEach(function (row) {
          var theme = row.getAttribute("data-thema");
          var blocks = [block(found[0], theme), block(found[1], theme)];
          if (blocks[0] && blocks[1]) row.replaceChildren(blocks[0], blocks[1]);
        });
        finish(pair);
      }).catch(function () {
        delete loaded[pair.a];
        delete loaded[pair.b];
        first.value = shown.getAttribute("data-a");
        second.value = shown.getAttribute("data-b");
        message.textContent = "De gegevens van " + names[pair.a] + " en " + names[pair.b] + " konden niet worden geladen; getoond: " +
          names[shown.getAttribute("data-a")] + " en " + names[shown.getAttribute("data-b")] + ".";
      });
    }

    function choose(event) {
      if (event) event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("a", first.value);
      url.searchParams.set("b", second.value);
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
      show(requested());
    }

    first.addEventListener("change", choose);
    second.addEventListener("change", choose);
    form.addEventListener("submit", choose);
    form.hidden = false;
    show(requested());
  }

  function glossaryFilter() {
    var form = document.getElementById("rk-begrip-filter");
    if (!form) return;
    var select = document.getElementById("rk-begrip-regio");
    function apply() {
      document.querySelectorAll("li[data-regios]").forEach(function (item) {
        var regions = item.getAttribute("data-regios").split(" ");
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

  // Light and dark display: the toggle in the header (overrides/partials/palette.html). The saved
  // choice is already on the body (Material's inline script applies it before the first paint), so
  // on load this only checks the current option, which shows its button; the body's colours change
  // only for a first visit whose system is dark, or on a click. Stored as Material stores it.
  function colourScheme() {
    var form = document.querySelector("form[data-rk-kleur]");
    if (!form || form.hasAttribute("data-rk-actief")) return;
    form.setAttribute("data-rk-actief", "");
    var options = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
    if (!options.length) return;
    var store = typeof window.__md_get === "function" && typeof window.__md_set === "function";
    var keys = ["media", "scheme", "primary", "accent"];

    function colours(option) {
      var colour = {};
      keys.forEach(function (key) { colour[key] = option.getAttribute("data-md-color-" + key); });
      return colour;
    }

    function apply(index, save) {
      var option = options[index], colour = colours(option);
      option.checked = true;
      options.forEach(function (other, i) {
        var label = other.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
      // The media attribute styles nothing; the other three are the colours.
      var changed = keys.slice(1).some(function (key) { return document.body.getAttribute("data-md-color-" + key) !== colour[key]; });
      if (changed) {
        // No colour transitions while switching (the palette stylesheet's rule for this attribute).
        document.body.setAttribute("data-md-color-switching", "");
        keys.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, colour[key]); });
        if (save) browserColour(); // while transitions are off: the final colour
        window.setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); }, 0);
      }
      // The page's own colour scheme (scrollbars, form controls); a light page needs no meta until a switch.
      if (colour.scheme === "slate" || document.querySelector('meta[name="color-scheme"]')) {
        headMeta("color-scheme").content = colour.scheme === "slate" ? "dark" : "light";
      }
      if (save && store) window.__md_set("__palette", { index: index, color: colour });
    }

    function headMeta(name) {
      var meta = document.querySelector('meta[name="' + name + '"]');
      if (!meta) {
        meta = document.createElement("meta");
        meta.name = name;
        document.head.appendChild(meta);
      }
      return meta;
    }

    // The browser's toolbar takes the colour of the header (theme-color), read once the page has
    // loaded (its styles are computed by then) and on a switch.
    function browserColour() {
      var header = document.querySelector("header.md-header");
      if (header) headMeta("theme-color").content = window.getComputedStyle(header).backgroundColor;
    }
    if (document.readyState === "complete") window.setTimeout(browserColour, 0);
    else window.addEventListener("load", function () { window.setTimeout(browserColour, 0); });

    var saved = store ? window.__md_get("__palette") : null;
    var index = saved && typeof saved.index === "number" ? saved.index : options.findIndex(function (option) {
      var media = option.getAttribute("data-md-color-media");
      return media && window.matchMedia(media).matches;
    });
    apply(Math.max(0, Math.min(index, options.length - 1)), false);
    form.addEventListener("change", function (event) {
      var chosen = options.indexOf(event.target);
      if (chosen !== -1) apply(chosen, true);
    });
    // Enter on the focused option switches to the next one, as in Material.
    form.addEventListener("keydown", function (event) {
      var current = options.indexOf(event.target);
      if (event.key !== "Enter" || current === -1) return;
      event.preventDefault();
      var next = options[(current + 1) % options.length];
      next.click();
      next.focus();
    });
  }

  function start() {
    colourScheme();
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
