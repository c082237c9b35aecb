// Fixes around mkdocs-quiz 1.7's quiz.js, loaded on quiz pages just before it (both deferred,
// so they run in order once the page is parsed). The plugin itself is not modified.
//
// 1. quiz.js trusts the shape of each stored answer (it calls selectedValues.includes, ...):
//    a damaged or hand-edited localStorage entry would stop every quiz on the page.
//    Keep only well-formed entries.
// 2. "Reset" in the progress sidebar crashes on fill-in-the-blank quizzes (their form has
//    no <fieldset>) and never clears their inputs. Give those forms an empty hidden
//    fieldset, and clear the blanks ourselves once quiz.js has emptied the stored state.
(function () {
  "use strict";
  var key = "quiz_progress_" + window.location.pathname;

  function read() {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled: quiz.js copes with that itself
    }
  }

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

  function cleanStoredState() {
    var raw = read();
    if (raw === null) return;
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
      /* nothing more we can do */
    }
  }

  function isEmptyState(raw) {
    try {
      var parsed = JSON.parse(raw || "{}");
      return parsed && typeof parsed === "object" && Object.keys(parsed).length === 0;
    } catch (e) {
      return false;
    }
  }

  function resetBlanks() {
    document.querySelectorAll(".quiz.quiz-fill-blank").forEach(function (quiz) {
      quiz.querySelectorAll(".quiz-blank-input").forEach(function (input) {
        input.value = "";
        input.disabled = false;
        input.placeholder = "";
        input.classList.remove("correct", "wrong");
      });
      var section = quiz.querySelector("section");
      if (section) section.classList.add("hidden");
      var feedback = quiz.querySelector(".quiz-feedback");
      if (feedback) {
        feedback.classList.add("hidden");
        feedback.innerHTML = "";
      }
      var submit = quiz.querySelector('button[type="submit"]');
      if (submit) {
        submit.disabled = false;
        submit.classList.remove("hidden");
      }
      var retry = quiz.querySelector(".quiz-reset-button");
      if (retry) retry.classList.add("hidden");
    });
  }

  cleanStoredState();

  document.querySelectorAll(".quiz.quiz-fill-blank form").forEach(function (form) {
    if (!form.querySelector("fieldset")) {
      var fieldset = document.createElement("fieldset");
      fieldset.hidden = true;
      form.insertBefore(fieldset, form.firstChild);
    }
  });

  var before = null;
  var resetSelector = ".quiz-reset-all-link, .quiz-results-reset, .quiz-intro-reset";
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(resetSelector)) before = read();
  }, true); // capture: before quiz.js asks for confirmation
  document.addEventListener("click", function (event) {
    if (!(event.target.closest && event.target.closest(resetSelector))) return;
    var after = read();
    if (after !== before && isEmptyState(after)) resetBlanks(); // the learner confirmed the reset
  }); // bubble: after quiz.js reset its state
})();
