// Dateline: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Timeline filter: show only briefs and events carrying the chosen keys.
  function setupFilter() {
    var form = document.querySelector(".timeline-filter");
    if (!form) return;
    form.hidden = false;
    var selects = form.querySelectorAll("[data-filter-select]");
    var items = document.querySelectorAll("[data-filter]");
    var out = form.querySelector(".filter-count");
    function apply() {
      var wanted = [];
      selects.forEach(function (s) { if (s.value) wanted.push(s.value); });
      var shown = 0;
      items.forEach(function (el) {
        var keys = " " + el.getAttribute("data-filter") + " ";
        var ok = wanted.every(function (k) { return keys.indexOf(" " + k + " ") !== -1; });
        if (ok) { el.removeAttribute("data-hidden"); shown++; } else { el.setAttribute("data-hidden", ""); }
      });
      document.querySelectorAll(".tl-day, .tl-month, .tl-year").forEach(function (box) {
        var any = box.querySelector("[data-filter]:not([data-hidden])");
        if (wanted.length && !any) box.setAttribute("data-hidden", ""); else box.removeAttribute("data-hidden");
      });
      if (out) out.textContent = wanted.length ? shown + " matching" : "";
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
  }

  // Search over /search-index.json: every query word must match.
  function setupSearch() {
    var input = document.getElementById("search-q");
    var list = document.querySelector(".search-results");
    var status = document.querySelector(".search-status");
    if (!input || !list) return;
    var index = null;
    function longDate(day) {
      var d = new Date(day + "T12:00:00Z");
      if (isNaN(d)) return day;
      try {
        return d.toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
      } catch (e) { return day; }
    }
    function norm(s) { return (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    function run() {
      var q = norm(input.value.trim());
      list.textContent = "";
      if (!q) { status.textContent = ""; return; }
      var words = q.split(/\s+/);
      var hits = [];
      for (var i = 0; i < index.length && hits.length < 100; i++) {
        var d = index[i];
        var hay = d._hay || (d._hay = norm([d.title, d.summary, (d.entities || []).join(" "), (d.tags || []).join(" ")].join(" ")));
        if (words.every(function (w) { return hay.indexOf(w) !== -1; })) hits.push(d);
      }
      status.textContent = hits.length === 0 ? "No briefs match." : hits.length + (hits.length === 100 ? "+" : "") + " briefs match.";
      hits.forEach(function (d) {
        var li = document.createElement("li");
        var time = document.createElement("time");
        time.dateTime = d.date; time.textContent = longDate(d.date);
        var a = document.createElement("a");
        a.href = d.url; a.textContent = d.title;
        li.appendChild(time); li.appendChild(a);
        if (d.summary && d.summary !== d.title) {
          var p = document.createElement("p");
          p.textContent = d.summary;
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      if (window.history && history.replaceState) {
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value.trim());
        history.replaceState(null, "", url);
      }
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    status.textContent = "Loading the index…";
    fetch("/search-index.json").then(function (r) { return r.json(); }).then(function (data) {
      index = data;
      status.textContent = "";
      run();
      input.addEventListener("input", run);
    }).catch(function () { status.textContent = "The search index could not be loaded."; });
  }

  document.addEventListener("DOMContentLoaded", function () { setupFilter(); setupSearch(); });
})();
