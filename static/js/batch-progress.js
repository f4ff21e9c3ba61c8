// Updates an approve-all / issue-all batch's progress bar from its JSON endpoint while it runs. When the
// batch finishes cleanly the page shows its next step in place (issue-all after approve-all, the letters
// list after issue-all) without reloading; failures or stalled letters reload it to show them.
// Without JavaScript the page still works: reload it to see the latest progress.
(function () {
  "use strict";
  var bar = document.querySelector("[data-progress-url]");
  if (!bar || bar.getAttribute("data-running") !== "true") { return; }
  var text = document.querySelector("[data-progress-text]");
  var url = bar.getAttribute("data-progress-url");

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function showNextStep(p) {
    var step = document.querySelector("[data-next-step]");
    if (!step) { return; }
    if (step.getAttribute("data-next-step") === "issue") {
      if (!p.issue || !p.issue.letters) { return; }
      step.querySelector("[data-issue-letters]").value = p.issue.letters;
      step.querySelector("[data-issue-button]").textContent =
        "Yes, issue " + plural(p.issue.letters, "letter", "letters") + " to " + plural(p.issue.people, "person", "people");
    }
    step.hidden = false;
  }

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
        } else if (p.failed) {
          window.location.reload();  // show the finished page with its list of failures
        } else {
          var running = document.querySelector("[data-running-hint]");
          if (running) { running.hidden = true; }
          showNextStep(p);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
