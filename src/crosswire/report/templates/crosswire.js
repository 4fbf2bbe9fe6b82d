// crosswire: filter the timeline in place. Without JavaScript the same form reloads the page instead.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-event]"));
  var bars = Array.prototype.slice.call(document.querySelectorAll("[data-bar]"));
  var counter = document.getElementById("shown-count");
  var served = form.dataset.live === "server";

  function has(list, token) {
    return (" " + list + " ").indexOf(" " + token + " ") >= 0;
  }

  function wanted() {
    var source = form.elements.source.selectedOptions[0];
    return {
      start: form.elements.start.value, end: form.elements.end.value, type: form.elements.type.value,
      entity: form.elements.entity.value, status: form.elements.status.value,
      source: source && source.value ? source.dataset.token : ""
    };
  }

  function matches(data, f) {
    if (f.type && data.type !== f.type) { return false; }
    if (f.status && data.status !== f.status) { return false; }
    if (f.entity && !has(data.entities, f.entity)) { return false; }
    if (f.source && !has(data.sources, f.source)) { return false; }
    if ((f.start || f.end) && !data.start) { return false; }
    if (f.start && data.end < f.start) { return false; }
    if (f.end && data.start > f.end) { return false; }
    return true;
  }

  function apply() {
    var f = wanted(), shown = {}, count = 0;
    rows.forEach(function (row) {
      var ok = matches(row.dataset, f);
      row.hidden = !ok;
      if (ok) { shown[row.dataset.event] = true; count += 1; }
    });
    bars.forEach(function (bar) { bar.classList.toggle("off", !shown[bar.dataset.bar]); });
    if (counter) { counter.textContent = count + " event" + (count === 1 ? "" : "s") + " shown of " + rows.length; }
    if (served) {
      var query = new URLSearchParams(new FormData(form));
      Array.from(query.keys()).forEach(function (key) { if (!query.get(key)) { query.delete(key); } });
      history.replaceState(null, "", "?" + query.toString());
    }
  }

  form.addEventListener("change", function (event) {
    // The server redraws the time axis for a new date range; other filters apply in place.
    if (served && (event.target.name === "start" || event.target.name === "end")) { return; }
    apply();
  });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) {
    if (!served) { event.preventDefault(); apply(); }
  });
})();
