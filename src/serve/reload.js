// Dateline live reload: only ever served by `dateline serve`, never written to public/.
(function () {
  "use strict";
  var overlay = null;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;" +
        "background:#2b0b0e;color:#ffd7d9;font:14px/1.4 ui-monospace,monospace;padding:1rem 1.25rem;" +
        "border-top:4px solid #ff5c67;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "Dateline: the last change did not build; the previous version is shown.\n\n" + message;
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var source = new EventSource("/__dateline/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("build-error", function (e) { show(e.data); });
  source.addEventListener("build-ok", hide);
})();
