// Runs before mkdocs-quiz's quiz.js on quiz pages (both deferred, in order).
// quiz.js trusts the shape of each stored answer (e.g. calls
// selectedValues.includes); a damaged or hand-edited localStorage entry would
// stop every quiz on the page. Keep only well-formed entries.
(function () {
  "use strict";
  var key = "quiz_progress_" + window.location.pathname;
  var raw;
  try {
    raw = window.localStorage.getItem(key);
  } catch (e) {
    return; // storage disabled: quiz.js copes with that itself
  }
  if (raw === null) return;

  function valid(entry) {
    return (
      entry !== null &&
      typeof entry === "object" &&
      !Array.isArray(entry) &&
      typeof entry.answered === "boolean" &&
      typeof entry.correct === "boolean" &&
      Array.isArray(entry.selectedValues) &&
      entry.selectedValues.every(function (value) {
        return typeof value === "string";
      })
    );
  }

  var clean = {};
  var changed = false;
  try {
    var parsed = JSON.parse(raw);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    Object.keys(parsed).forEach(function (id) {
      if (/^quiz-\d+$/.test(id) && valid(parsed[id])) clean[id] = parsed[id];
      else changed = true;
    });
  } catch (e) {
    changed = true;
    clean = {};
  }
  if (!changed) return;
  try {
    if (Object.keys(clean).length) window.localStorage.setItem(key, JSON.stringify(clean));
    else window.localStorage.removeItem(key);
  } catch (e) {
    /* ignore: nothing more we can do */
  }
})();
