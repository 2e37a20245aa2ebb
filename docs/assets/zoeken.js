// Site search with Pagefind (index in /pagefind/, built after the MkDocs build).
// The dialog markup is overrides/partials/search.html. Everything shown from the index is
// set as text (never as HTML), except Pagefind's <mark> highlights, which are rebuilt.
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var HIGHLIGHT_PARAM = "markeer";
  var KINDS = { begrip: "Begrip", regio: "Regio", thema: "Thema", vergelijking: "Vergelijking", bron: "Brondocument", pagina: "Pagina" };

  var root = document.querySelector("[data-rk-zoeken]");
  if (!root) return;
  var toggle = document.getElementById("__search");
  var form = root.querySelector("[data-rk-zoekformulier]");
  var input = root.querySelector("#rk-zoekveld");
  var status = root.querySelector("#rk-zoekstatus");
  var list = root.querySelector("#rk-zoekresultaten");
  var more = root.querySelector("[data-rk-meer]");
  var filterBox = root.querySelector("[data-rk-zoekfilters]");
  var regionSelect = root.querySelector("[data-rk-filter=regio]");
  var kindSelect = root.querySelector("[data-rk-filter=soort]");
  var bundle = new URL(root.getAttribute("data-pagefind"), document.baseURI);
  var pagefindPromise = null;
  var current = { results: [], shown: 0, serial: 0 };
  var timer = null;

  function pagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind.js", bundle).href).then(function (api) {
        return api.options({
          baseUrl: new URL("..", bundle).pathname,
          highlightParam: HIGHLIGHT_PARAM,
          excerptLength: 24,
          // Exact words beat longer words that start with the query; short pages are not
          // favoured much, so a concept page with many regional definitions still wins.
          ranking: { termSimilarity: 5.0, pageLength: 0.2, termSaturation: 1.2, termFrequency: 0.5 }
        }).then(function () {
          return api;
        });
      });
      pagefindPromise.then(fillRegions, function () {
        status.textContent = "Zoeken is niet beschikbaar: de zoekindex ontbreekt.";
      });
    }
    return pagefindPromise;
  }

  function fillRegions(api) {
    return api.filters().then(function (filters) {
      var regions = Object.keys((filters && filters.regio) || {}).sort(function (a, b) { return a.localeCompare(b, "nl"); });
      regions.forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        regionSelect.appendChild(option);
      });
      filterBox.hidden = false;
    });
  }

  // Pagefind excerpts: keep the text and the <mark> elements, drop any other markup.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var fragment = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function normal(text) {
    return String(text).toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/\s+/g, " ").trim();
  }

  // The query itself and the query without a Dutch plural ending (GI's, wachtlijsten, aanbieders).
  function singulars(query) {
    var forms = [query];
    [["'s", 2], ["s", 1], ["en", 2], ["n", 1]].forEach(function (ending) {
      if (query.length > ending[1] + 1 && query.slice(-ending[1]) === ending[0]) {
        var base = query.slice(0, -ending[1]);
        forms.push(base);
        if (ending[0] === "en" && base.slice(-1) === base.slice(-2, -1)) forms.push(base.slice(0, -1));
      }
    });
    return forms;
  }

  // One singular to search for: without "'s", "en" (undoubling: plannen), "s" or "n".
  function singular(query) {
    var match = /^(.*?\S)(?:'s|([^aeiou])\2en|([^aeiou])en|s|n)$/.exec(query);
    return match ? match[1] + (match[2] || match[3] || "") : null;
  }

  function namesQuery(data, forms) {
    var names = ((data.meta && data.meta.zoektermen) || "").split(" \u00b7 ").map(normal);
    return names.some(function (name) { return forms.indexOf(name) !== -1; });
  }

  // Load result data in rank order until a page names the query (forms) or ``limit`` is reached.
  function loadUntilExact(results, forms, limit) {
    var pages = [];
    function next() {
      if (pages.length >= Math.min(limit, results.length)) return Promise.resolve(-1);
      return results[pages.length].data().then(function (data) {
        pages.push(data);
        return namesQuery(data, forms) ? pages.length - 1 : next();
      });
    }
    return next().then(function (exact) { return { pages: pages, exact: exact }; });
  }

  // The first ``wanted`` results (default PAGE_SIZE), in the order shown: Pagefind's ranking,
  // except that a page among the first PAGE_SIZE that names the query exactly (a concept's
  // term, abbreviation or variant, also in the plural) goes first. Pagefind's Dutch stemmer
  // does not know "'s" plurals (regio's), so those are searched without it; when a plural
  // finds no such page, the singular is searched for one. Within the results shown, source-text
  // pages (/bronnen/) come after the structured pages.
  function search(query, chosenFilters, wanted) {
    var forms = singulars(normal(query));
    var filtersUsed = { filters: chosenFilters || {} };
    wanted = wanted || PAGE_SIZE;
    return pagefind().then(function (api) {
      return api.search(query.replace(/(\w)['\u2019]s\b/g, "$1"), filtersUsed).then(function (found) {
        var results = found ? found.results : [];
        return loadUntilExact(results, forms, PAGE_SIZE).then(function (loaded) {
          var pages = loaded.pages;
          if (loaded.exact > 0) pages.unshift(pages.splice(loaded.exact, 1)[0]);
          var one = singular(normal(query));
          if (loaded.exact !== -1 || !one) return { results: results, pages: pages, added: 0 };
          return api.search(one, filtersUsed).then(function (other) {
            return loadUntilExact(other ? other.results : [], forms, PAGE_SIZE).then(function (alt) {
              if (alt.exact === -1) return { results: results, pages: pages, added: 0 };
              if (results.length === 0) return { results: [other.results[alt.exact]], pages: [alt.pages[alt.exact]], added: 0 };
              return { results: results, pages: [alt.pages[alt.exact]].concat(pages), added: 1 };
            });
          });
        });
      }).then(function (found) {
        // found.added: a page from the singular search, in front of the query's own results.
        var missing = found.results.slice(found.pages.length - found.added, wanted - found.added);
        return Promise.all(missing.map(function (result) { return result.data(); })).then(function (rest) {
          var first = found.pages.concat(rest).slice(0, wanted);
          // The verbatim source texts (kind "bron") after the structured pages; otherwise Pagefind's order.
          var isSource = function (data) { return (data.meta || {}).soort === "bron"; };
          first = first.filter(function (data) { return !isSource(data); }).concat(first.filter(isSource));
          // results: the query's own results; shown: how many of them ``first`` holds.
          return { results: found.results, first: first, shown: first.length - found.added, total: found.results.length + found.added };
        });
      });
    });
  }

  function safeUrl(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : "#";
  }

  function resultItem(data) {
    var page = data.meta || {};
    var section = (data.sub_results || []).filter(function (sub) {
      return sub.title && sub.title !== page.title && sub.url !== data.url;
    })[0];
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = safeUrl(section ? section.url : data.url);
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var kind = document.createElement("span");
    kind.className = "rk-zoek-soort";
    kind.textContent = KINDS[page.soort] || "Pagina";
    var title = document.createElement("span");
    title.className = "rk-zoek-titel";
    title.textContent = page.title || data.url;
    article.appendChild(kind);
    article.appendChild(title);
    if (section) {
      var where = document.createElement("span");
      where.className = "rk-zoek-sectie";
      where.textContent = section.title;
      article.appendChild(where);
    }
    var teaser = document.createElement("p");
    teaser.className = "md-search-result__teaser";
    teaser.appendChild(excerptNodes(section ? section.excerpt : data.excerpt));
    article.appendChild(teaser);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function render(pages) {
    pages.forEach(function (data) { list.appendChild(resultItem(data)); });
    more.hidden = current.shown >= current.results.length;
  }

  function showMore() {
    var serial = current.serial;
    var next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += next.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (serial === current.serial) render(pages);
    });
  }

  function filters() {
    var chosen = {};
    if (regionSelect.value) chosen.regio = regionSelect.value;
    if (kindSelect.value) chosen.soort = kindSelect.value;
    return chosen;
  }

  function run() {
    var query = input.value.trim();
    var serial = ++current.serial;
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Typ een zoekterm";
      return Promise.resolve();
    }
    return search(query, filters()).then(function (found) {
      if (serial !== current.serial) return;
      current.results = found.results;
      current.shown = found.shown;
      list.replaceChildren();
      var count = found.total;
      status.textContent = count === 0 ? "Geen resultaten voor \u201c" + query + "\u201d"
        : (count === 1 ? "1 resultaat" : count + " resultaten") + " voor \u201c" + query + "\u201d";
      render(found.first);
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    pagefind();
  }

  function close() {
    if (toggle) toggle.checked = false;
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", schedule);
  regionSelect.addEventListener("change", run);
  kindSelect.addEventListener("change", run);
  more.addEventListener("click", function () {
    var first = current.shown;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    open();
    input.focus();
  });

  // The configured Pagefind API and the ranked search, for the tests (tests/test_search.py) to query what users get.
  window.rkZoeken = { pagefind: pagefind, search: search };

  // On the page a result leads to: highlight the search terms (?markeer=...).
  if (new URLSearchParams(window.location.search).has(HIGHLIGHT_PARAM)) {
    import(new URL("pagefind-highlight.js", bundle).href).then(function (module) {
      // Material styles <mark> inside the page text (.md-typeset mark), also in dark mode.
      new module.default({
        highlightParam: HIGHLIGHT_PARAM,
        addStyles: false,
        markOptions: { className: "rk-markering", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *", "[hidden]"] }
      });
    }, function () {});
  }
})();
