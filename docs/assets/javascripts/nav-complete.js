// Completed modules and cases get a check mark in the navigation once every self-check question
// on their page is answered (answers from mkdocs-quiz's localStorage, page list from
// assets/progress-data.json). The mark is a visible ✓ plus the words "已完成" for screen readers,
// so it never relies on colour.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : window.location.href);
  var HIDDEN = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";
  var data = null;

  function answered(page) {
    try {
      var stored = JSON.parse(window.localStorage.getItem(data.storagePrefix + new URL(page.url, root).pathname) || "{}");
      return page.quizIds.filter(function (id) { return stored && stored[id] && stored[id].answered === true; }).length;
    } catch (e) {
      return 0;
    }
  }

  function mark() {
    var done = {};
    data.pages.forEach(function (page) {
      if (page.questions > 0 && answered(page) >= page.questions) done[new URL(page.url, root).pathname] = true;
    });
    document.querySelectorAll("a.md-nav__link[href]").forEach(function (link) {
      var existing = link.querySelector(".hb-nav-done");
      var complete = done[new URL(link.getAttribute("href"), window.location.href).pathname] === true;
      if (complete && !existing) {
        var badge = document.createElement("span");
        badge.className = "hb-nav-done";
        badge.style.marginLeft = ".3em";
        var tick = document.createElement("span");
        tick.setAttribute("aria-hidden", "true");
        tick.textContent = "✓";
        var words = document.createElement("span");
        words.setAttribute("style", HIDDEN);
        words.textContent = "（已完成）";
        badge.append(tick, words);
        (link.querySelector(".md-ellipsis") || link).appendChild(badge);
      } else if (!complete && existing) {
        existing.remove();
      }
    });
  }

  function later() {
    if (data) window.setTimeout(mark, 0); // after quiz.js has stored the answer
  }

  fetch(new URL("assets/progress-data.json", root).href)
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (loaded) {
      if (!loaded || !Array.isArray(loaded.pages)) return;
      data = loaded;
      mark();
      document.documentElement.setAttribute("data-hb-nav-complete", "ready");
    })
    .catch(function () { /* opened from a file: no marks */ });
  window.addEventListener("storage", later);
  document.addEventListener("change", later);
  document.addEventListener("submit", later);
  document.addEventListener("click", later);
})();
