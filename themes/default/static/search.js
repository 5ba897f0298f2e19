/* Search over the index the build publishes in /search/ (see the
   project's README): no server, and only the index files a query's terms
   fall in are fetched. Chinese is matched by pairs of characters, after
   traditional characters are turned into simplified ones, so either
   script finds the same reports. */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var root = form.getAttribute("data-index");
  var base = form.getAttribute("data-base");
  var hant = form.getAttribute("data-script") === "hant";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("q");
  var cache = {};

  function get(name) {
    if (!cache[name]) {
      cache[name] = fetch(root + name).then(function (r) {
        if (!r.ok) throw new Error(name + ": " + r.status);
        return r.json();
      });
    }
    return cache[name];
  }
  function cjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) ||
      (n >= 0xf900 && n <= 0xfaff) || (n >= 0x20000 && n <= 0x2ffff);
  }
  function letter(c) { return /[\p{L}\p{N}]/u.test(c); }
  function wordy(c) { return letter(c) && !cjk(c); }
  /* The same terms the build indexes: pairs of Chinese characters (a lone
     one alone), Latin words and numbers lowercased. */
  function terms(text) {
    var out = [], run = [], word = "";
    function flush() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(text).forEach(function (c) {
      if (cjk(c)) { if (word) { out.push(word); word = ""; } run.push(c); }
      else if (letter(c)) { flush(); word += c.toLowerCase(); }
      else { flush(); if (word) { out.push(word); word = ""; } }
    });
    flush();
    if (word) out.push(word);
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  }
  function hash(term) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(term).forEach(function (b) {
      h = Math.imul(h ^ b, 0x01000193) >>> 0;
    });
    return h >>> 0;
  }
  function show(text) { status.textContent = text; }

  /* Where the query's terms stand in a result's page, as the reader sees
     it: the page is fetched (the first ten results only; the browser then
     has it when the reader follows the link), its summary, body, figures
     and facts read, and the stretch of about a hundred
     characters holding the most of the terms shown with each term marked.
     Matching turns the page's traditional characters into simplified ones
     (one character for one, so places keep), as the query was. */
  function snippet(html, wanted, chars, lang) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var main = page.querySelector("main");
    if (!main) return null;
    main.querySelectorAll("nav, svg, script, style, thead, .print-address")
      .forEach(function (e) { e.remove(); });
    // Blocks and cells apart, as the page shows them.
    main.querySelectorAll("p, li, td, th, h2, h3, h4, dt, dd, caption")
      .forEach(function (e) { e.append(" "); });
    // The summary and body first, then the figures a row at a time, then
    // the facts: of windows alike, the first is shown.
    var parts = [".lead", ".body"].map(function (q) {
      var e = main.querySelector(q);
      return e ? e.textContent : "";
    });
    main.querySelectorAll("section:not(.body) table").forEach(function (table) {
      parts.push(table.textContent);
    });
    var facts = main.querySelector(".facts");
    if (facts) parts.push(facts.textContent);
    var text = Array.from(parts.join(" ").replace(/\s+/g, " ").trim());
    // Where the report's own words end: the figures and facts after them
    // are in the site's language.
    var own = Array.from((parts[0] + " " + parts[1]).replace(/\s+/g, " ").trim()).length;
    var plain = text.map(function (c) { c = chars[c] || c; var l = c.toLowerCase(); return Array.from(l).length === 1 ? l : c; });
    var marks = [];
    wanted.forEach(function (term, which) {
      var t = Array.from(term), word = !cjk(t[0]);
      for (var i = 0; i + t.length <= plain.length; i++) {
        var j = 0;
        while (j < t.length && plain[i + j] === t[j]) j++;
        if (j < t.length) continue;
        // A Latin word or number whole, not inside a longer one (a
        // Chinese character beside it ends it, as in the index).
        if (word && ((i > 0 && wordy(plain[i - 1])) || (i + j < plain.length && wordy(plain[i + j])))) continue;
        marks.push([i, i + j, which]);
      }
    });
    if (!marks.length) return null;
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    // The window of 100 characters from 30 before a mark (less near the
    // end) holding the most of the terms, the first such; a term it cuts
    // is shown whole.
    var best = null, most = 0;
    marks.forEach(function (m) {
      var from = Math.max(0, Math.min(m[0] - 30, text.length - 100)), to = Math.min(from + 100, text.length);
      var held = marks.filter(function (n) { return n[0] >= from && n[0] < to; });
      var count = held.map(function (n) { return n[2]; })
        .filter(function (w, i, all) { return all.indexOf(w) === i; }).length;
      if (count > most) {
        most = count;
        best = [from, Math.max.apply(null, [to].concat(held.map(function (n) { return n[1]; })))];
      }
    });
    var p = document.createElement("p");
    p.className = "snippet";
    if (lang && best[0] < own) p.lang = lang;
    var at = best[0];
    if (at > 0) p.appendChild(document.createTextNode("…"));
    // Overlapping and touching terms (东湖 and 湖区 in 东湖区) make one mark.
    var spans = [];
    marks.filter(function (m) { return m[0] >= best[0] && m[1] <= best[1]; }).forEach(function (m) {
      var last = spans[spans.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
      else spans.push([m[0], m[1]]);
    });
    spans.forEach(function (m) {
      if (m[0] > at) p.appendChild(document.createTextNode(text.slice(at, m[0]).join("")));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]).join("");
      p.appendChild(mark);
      at = m[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, best[1]).join("")));
    if (best[1] < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  /* The cities and districts whose name or other name holds the query
     (places.json: path, name, name in traditional script, names to match),
     shown before the reports, ten at most. */
  function placeLinks(places, simplified) {
    var needle = simplified.trim().toLowerCase();
    if (!needle) return [];
    return places.filter(function (p) {
      return p[3].split("\n").some(function (n) { return n.indexOf(needle) >= 0; });
    }).slice(0, 10).map(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + p[0];
      a.textContent = hant ? p[2] : p[1];
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = form.getAttribute("data-place");
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(meta);
      return li;
    });
  }

  function search(query) {
    list.textContent = "";
    show(form.getAttribute("data-loading"));
    var found = [], wanted = [], chars = {};
    Promise.all([get("meta.json"), get("chars.json"), get("places.json")]).then(function (all) {
      var meta = all[0];
      chars = all[1];
      var simplified = Array.from(query).map(function (c) { return chars[c] || c; }).join("");
      found = placeLinks(all[2], simplified);
      found.forEach(function (li) { list.appendChild(li); });
      wanted = terms(simplified);
      if (!wanted.length) { show(form.getAttribute(found.length ? "data-found" : "data-none").replace("{n}", 0)); return null; }
      return Promise.all(wanted.map(function (t) {
        return get("i-" + (hash(t) % meta.index_files) + ".json").then(function (shard) { return shard[t] || []; });
      })).then(function (postings) {
        postings.sort(function (a, b) { return a.length - b.length; });
        var hits = postings[0].filter(function (d) {
          return postings.every(function (p) { return p.indexOf(d) >= 0; });
        });
        show(form.getAttribute("data-found").replace("{n}", hits.length));
        if (!hits.length) { if (!found.length) show(form.getAttribute("data-none")); return null; }
        var shown = hits.slice(0, 50);
        var files = shown.map(function (d) { return Math.floor(d / meta.docs_per_file); })
          .filter(function (f, i, all) { return all.indexOf(f) === i; });
        return Promise.all(files.map(function (f) { return get("d-" + f + ".json"); })).then(function () {
          return Promise.all(shown.map(function (d) {
            return get("d-" + Math.floor(d / meta.docs_per_file) + ".json").then(function (docs) {
              return docs[d % meta.docs_per_file];
            });
          }));
        });
      });
    }).then(function (docs) {
      if (!docs) return;
      docs.forEach(function (doc, n) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = base + doc[0];
        a.textContent = hant ? doc[2] : doc[1];
        // A title in another language than the page's says so.
        if (doc[6] && doc[6].indexOf("zh") !== 0) a.lang = doc[6];
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = (hant ? doc[4] : doc[3]) + " · " + doc[5];
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(meta);
        list.appendChild(li);
        if (n < 10) {
          fetch(a.href).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
            var p = snippet(html, wanted, chars, a.lang);
            if (p) li.appendChild(p);
          }).catch(function () {});
        }
      });
    }).catch(function (e) { show(String(e)); });
  }

  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; search(query); }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    search(q);
  });
})();
