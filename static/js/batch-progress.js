// Updates an approve-all / issue-all batch's progress bar from its JSON endpoint while it runs.
// Without JavaScript the page still works: reload it to see the latest progress.
(function () {
  "use strict";
  var bar = document.querySelector("[data-progress-url]");
  if (!bar || bar.getAttribute("data-running") !== "true") { return; }
  var text = document.querySelector("[data-progress-text]");
  var url = bar.getAttribute("data-progress-url");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (p) {
        bar.max = p.total;
        bar.value = p.finished;
        if (text) {
          text.textContent = p.done + " of " + p.total + " done" + (p.failed ? ", " + p.failed + " failed" : "") + ".";
        }
        if (p.stalled && p.stalled.length && !document.querySelector("[data-stalled]")) {
          window.location.reload();  // show the stalled letters and the Retry button
        } else if (p.running) {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();  // show the finished page with its list of failures
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
