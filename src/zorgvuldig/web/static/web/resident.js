// SPDX-License-Identifier: EUPL-1.2
// The resident's own view (decision 25): new processings appear without reloading the page.
// Every few seconds the page asks what happened since its newest row and puts the answer on
// top of the table; a screen reader hears how many arrived. A static file: the Content
// Security Policy allows no inline scripts.
(function () {
  "use strict";
  function start() {
    var table = document.getElementById("resident-log");
    if (!table || table.dataset.paged) { return; }
    var body = table.querySelector("tbody");
    var news = document.getElementById("resident-news");
    var seconds = parseInt(table.dataset.seconds, 10) || 10;
    function poll() {
      var url = table.dataset.poll + "&na=" + encodeURIComponent(table.dataset.latest);
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) {
          if (response.status === 401) { window.location.reload(); return null; }
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer && answer.count) {
            body.insertAdjacentHTML("afterbegin", answer.rows);
            table.dataset.latest = String(answer.latest);
            if (news) { news.textContent = news.dataset.message; }
          }
        })
        .catch(function () { /* the next poll tries again */ })
        .finally(function () { window.setTimeout(poll, seconds * 1000); });
    }
    window.setTimeout(poll, seconds * 1000);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
