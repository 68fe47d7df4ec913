// The argmap page: pan and zoom, details of the clicked claim or link, search, a flagged-only
// filter and the quoted words highlighted in the text under review. The map's text reaches the
// page only through textContent: nothing from the map is ever parsed as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var map = document.getElementById("map");
  var canvas = document.getElementById("canvas");
  var svg = document.getElementById("diagram");
  var details = document.getElementById("details");
  var search = document.getElementById("search");
  var searchCount = document.getElementById("search-count");
  var flaggedOnly = document.getElementById("flagged-only");
  var sourceTexts = document.getElementById("source-texts");
  var view = { x: 0, y: 0, k: 1 };
  var size = { w: 1, h: 1 };
  var selected = null;
  var hits = [];
  var hitIndex = -1;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // What a drawn element stands for: ["claim", id], ["link", id] or null (the legend ...).
  function subject(g) {
    var id = g.getAttribute("id") || "";
    if (g.classList.contains("node")) {
      if (Object.prototype.hasOwnProperty.call(data.claims, id)) return ["claim", id];
      if (Object.prototype.hasOwnProperty.call(data.links, id)) return ["link", id];
      return null;
    }
    if (g.classList.contains("edge")) {
      var link = id.split(":")[0];
      if (Object.prototype.hasOwnProperty.call(data.links, link)) return ["link", link];
    }
    return null;
  }

  var shapes = [];
  if (svg) {
    svg.querySelectorAll("g.node, g.edge").forEach(function (g) {
      var what = subject(g);
      if (what) shapes.push({ g: g, kind: what[0], id: what[1] });
      // The SVG's own tooltips stay for hovering; nothing else needs changing.
    });
  }

  function shapesOf(kind, id) {
    return shapes.filter(function (s) { return s.kind === kind && s.id === id; });
  }

  // ---- pan and zoom -------------------------------------------------------------------------
  function apply() {
    canvas.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.k + ")";
  }

  function fit() {
    var w = map.clientWidth, h = map.clientHeight;
    view.k = Math.min(w / size.w, h / size.h, 2) * 0.96;
    view.x = (w - size.w * view.k) / 2;
    view.y = Math.max(4, (h - size.h * view.k) / 2);
    apply();
  }

  function zoomAt(factor, cx, cy) {
    var k = Math.min(8, Math.max(0.05, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }

  function centreOn(g) {
    var r = g.getBoundingClientRect(), m = map.getBoundingClientRect();
    view.x += m.left + map.clientWidth / 2 - (r.left + r.width / 2);
    view.y += m.top + map.clientHeight / 2 - (r.top + r.height / 2);
    apply();
  }

  if (svg) {
    var vb = svg.viewBox.baseVal;
    size = { w: vb && vb.width ? vb.width : 800, h: vb && vb.height ? vb.height : 600 };
    svg.setAttribute("width", size.w);
    svg.setAttribute("height", size.h);
  }

  var drag = null;
  var moved = false;
  map.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    moved = false;
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!moved && Math.abs(dx) + Math.abs(dy) < 5) return;
    moved = true;
    map.classList.add("dragging");
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    apply();
  });
  window.addEventListener("pointerup", function () {
    drag = null;
    map.classList.remove("dragging");
  });
  map.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = map.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  function zoomCentre(f) { zoomAt(f, map.clientWidth / 2, map.clientHeight / 2); }
  document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(0.8); });
  document.getElementById("zoom-fit").addEventListener("click", fit);
  map.addEventListener("keydown", function (e) {
    var step = 60;
    if (e.key === "+" || e.key === "=") zoomCentre(1.25);
    else if (e.key === "-") zoomCentre(0.8);
    else if (e.key === "0" || e.key === "f") fit();
    else if (e.key === "ArrowLeft") { view.x += step; apply(); }
    else if (e.key === "ArrowRight") { view.x -= step; apply(); }
    else if (e.key === "ArrowUp") { view.y += step; apply(); }
    else if (e.key === "ArrowDown") { view.y -= step; apply(); }
    else return;
    e.preventDefault();
  });

  // ---- details ------------------------------------------------------------------------------
  function claimButton(id) {
    var claim = data.claims[id];
    var b = el("button", claim ? claim.text : id, "jump");
    b.type = "button";
    b.addEventListener("click", function () { select(claim ? "claim" : "link", id, true); });
    return b;
  }

  function citationList(items, owner) {
    var ul = el("ul");
    items.forEach(function (c) {
      var li = el("li");
      var where = (c.title ? c.title + " (" + c.source + ")" : c.source) +
        (c.locator ? ", " + c.locator : "");
      li.appendChild(el("span", (c.evidence ? "" : "said in ") + where));
      if (c.quote) li.appendChild(el("blockquote", "“" + c.quote + "”", "quote"));
      ul.appendChild(li);
    });
    return ul;
  }

  function findingList(findings) {
    var ul = el("ul", null, "findings");
    findings.forEach(function (f) {
      ul.appendChild(el("li", "⚠ " + f.code + " " + f.name + ": " + f.message,
        "finding " + f.severity));
    });
    return ul;
  }

  function showClaim(c) {
    details.textContent = "";
    details.appendChild(el("h2", c.text));
    var meta = c.kind + " · " + c.id;
    if (c.strength !== null) meta += " · strength " + c.strength.toFixed(2);
    if (c.tags.length) meta += " · " + c.tags.join(", ");
    details.appendChild(el("p", meta, "meta"));
    if (c.evidence.length) {
      details.appendChild(el("h3", "Evidence"));
      details.appendChild(citationList(c.evidence));
    } else {
      details.appendChild(el("p", "No evidence cited.", "none"));
    }
    if (c.findings.length) {
      details.appendChild(el("h3", "Findings"));
      details.appendChild(findingList(c.findings));
    }
    if (c.note) { details.appendChild(el("h3", "Note")); details.appendChild(el("p", c.note)); }
    var into = [], outOf = [];
    Object.keys(data.links).forEach(function (id) {
      var lk = data.links[id];
      if (lk.to === c.id) into.push(lk);
      if (lk.from.indexOf(c.id) >= 0) outOf.push(lk);
    });
    if (into.length) {
      details.appendChild(el("h3", "Reasons and objections"));
      var ul = el("ul");
      into.forEach(function (lk) {
        var li = el("li", lk.type === "supports" ? "+ " : "− ");
        lk.from.forEach(function (p, i) {
          if (i) li.appendChild(document.createTextNode(" + "));
          li.appendChild(claimButton(p));
        });
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    if (outOf.length) {
      details.appendChild(el("h3", "It bears on"));
      var ul2 = el("ul");
      outOf.forEach(function (lk) {
        var li = el("li", lk.type + " ");
        li.appendChild(claimButton(lk.to));
        ul2.appendChild(li);
      });
      details.appendChild(ul2);
    }
    highlight(c.evidence);
  }

  function showLink(lk) {
    details.textContent = "";
    var target = data.claims[lk.to] ? data.claims[lk.to].text : "the link " + lk.to;
    details.appendChild(el("h2", (lk.type === "supports" ? "Support" : "Attack") + " · " +
      lk.strength));
    details.appendChild(el("p", lk.id, "meta"));
    var from = el("p", "From: ");
    lk.from.forEach(function (p, i) {
      if (i) from.appendChild(document.createTextNode(" + "));
      from.appendChild(claimButton(p));
    });
    details.appendChild(from);
    var to = el("p", "To: ");
    to.appendChild(data.claims[lk.to] ? claimButton(lk.to) : el("span", target));
    details.appendChild(to);
    if (lk.warrant) { details.appendChild(el("h3", "Warrant")); details.appendChild(el("p", lk.warrant)); }
    if (lk.evidence.length) {
      details.appendChild(el("h3", "Evidence"));
      details.appendChild(citationList(lk.evidence));
    }
    if (lk.findings.length) {
      details.appendChild(el("h3", "Findings"));
      details.appendChild(findingList(lk.findings));
    }
    if (lk.note) { details.appendChild(el("h3", "Note")); details.appendChild(el("p", lk.note)); }
    highlight(lk.evidence);
  }

  function select(kind, id, centre) {
    shapes.forEach(function (s) { s.g.classList.remove("selected"); });
    var item = kind === "claim" ? data.claims[id] : data.links[id];
    if (!item) return;
    selected = [kind, id];
    var drawn = shapesOf(kind, id);
    drawn.forEach(function (s) { s.g.classList.add("selected"); });
    if (kind === "claim") showClaim(item); else showLink(item);
    if (centre && drawn.length) centreOn(drawn[0].g);
    if (history.replaceState) history.replaceState(null, "", "#" + encodeURIComponent(id));
  }

  if (svg) {
    svg.addEventListener("click", function (e) {
      if (moved) { moved = false; return; }
      var g = e.target.closest ? e.target.closest("g.node, g.edge") : null;
      var what = g ? subject(g) : null;
      if (what) select(what[0], what[1], false);
    });
  }

  // ---- the text under review ----------------------------------------------------------------
  var textBlocks = {};
  if (sourceTexts) {
    data.texts.forEach(function (t) {
      sourceTexts.appendChild(el("h3", t.title));
      var block = el("div", t.text, "source-text");
      block.setAttribute("data-source", t.source);
      sourceTexts.appendChild(block);
      textBlocks[t.source] = { el: block, text: t.text };
    });
  }

  function highlight(citations) {
    var first = null;
    Object.keys(textBlocks).forEach(function (sid) {
      var block = textBlocks[sid];
      var spans = citations.filter(function (c) { return c.source === sid && c.span; })
        .map(function (c) { return c.span; })
        .sort(function (a, b) { return a[0] - b[0]; });
      block.el.textContent = "";
      var at = 0;
      spans.forEach(function (s) {
        if (s[0] < at) return;  // overlapping quotes: the first one is marked
        block.el.appendChild(document.createTextNode(block.text.slice(at, s[0])));
        var mark = el("mark", block.text.slice(s[0], s[1]));
        block.el.appendChild(mark);
        if (!first) first = mark;
        at = s[1];
      });
      block.el.appendChild(document.createTextNode(block.text.slice(at)));
    });
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
  }

  // ---- search and the flagged filter --------------------------------------------------------
  function matches(c, q) {
    if (c.text.toLowerCase().indexOf(q) >= 0 || c.id.toLowerCase().indexOf(q) >= 0) return true;
    if (c.note && c.note.toLowerCase().indexOf(q) >= 0) return true;
    return c.evidence.some(function (e) {
      return (e.quote + " " + e.source + " " + e.title).toLowerCase().indexOf(q) >= 0;
    }) || c.tags.some(function (t) { return t.toLowerCase().indexOf(q) >= 0; });
  }

  function runSearch() {
    var q = search.value.trim().toLowerCase();
    hits = [];
    hitIndex = -1;
    shapes.forEach(function (s) { s.g.classList.remove("hit", "faded"); });
    if (!q) { searchCount.textContent = ""; return; }
    Object.keys(data.claims).forEach(function (id) {
      if (matches(data.claims[id], q)) hits.push(id);
    });
    shapes.forEach(function (s) {
      if (s.kind === "claim" && hits.indexOf(s.id) >= 0) s.g.classList.add("hit");
      else s.g.classList.add("faded");
    });
    searchCount.textContent = hits.length === 1 ? "1 claim" : hits.length + " claims";
  }

  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && hits.length) {
      hitIndex = (hitIndex + 1) % hits.length;
      select("claim", hits[hitIndex], true);
    } else if (e.key === "Escape") {
      search.value = "";
      runSearch();
    }
  });

  function runFilter() {
    var on = flaggedOnly.checked;
    shapes.forEach(function (s) {
      var item = s.kind === "claim" ? data.claims[s.id] : data.links[s.id];
      s.g.classList.toggle("filtered", on && !item.flagged);
    });
    document.body.classList.toggle("flagged-only", on);
  }
  flaggedOnly.addEventListener("change", runFilter);

  window.addEventListener("resize", function () { if (!selected) fit(); });
  fit();
  var wanted = decodeURIComponent((location.hash || "").slice(1));
  if (wanted && data.claims[wanted]) select("claim", wanted, true);
  else if (wanted && data.links[wanted]) select("link", wanted, true);
  document.body.setAttribute("data-ready", "true");
})();
