// The half-term screen: a school's row opens its rationale, evidence and characteristics, fetched from the
// server the first time it opens (the page stays small however many schools the trust has). Without this
// script each row links to the school on its own.
(function () {
  "use strict";
  function load(details) {
    if (!details.open || !details.dataset.fragment || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    var body = details.querySelector(".decide-more__body");
    fetch(details.dataset.fragment, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) { body.innerHTML = html; })
      .catch(function () { delete details.dataset.loaded; });
  }
  document.querySelectorAll("details[data-fragment]").forEach(function (details) {
    details.addEventListener("toggle", function () { load(details); });
  });
  // Changing a category opens the school's row, so the rationale for the move is at hand.
  document.querySelectorAll("select[data-more]").forEach(function (select) {
    select.addEventListener("change", function () {
      var details = document.getElementById(select.dataset.more);
      if (details && !details.open) details.open = true;
    });
  });
})();
