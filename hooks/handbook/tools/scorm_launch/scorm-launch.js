// SCORM 1.2 launch page of the handbook package (scorm-launch.html, the SCO the manifest launches).
//
// The handbook itself knows nothing about the LMS: it keeps answers and final-assessment attempts
// in localStorage as on the web site. This page finds the LMS's API (window.API in a parent or
// opener frame), puts the learner's saved state from cmi.suspend_data into localStorage, shows
// the handbook in a frame, and every time the handbook changes localStorage (a "storage" event
// here) writes the state back to cmi.suspend_data and reports the final assessment:
//   cmi.core.lesson_status  incomplete on the first launch; passed / failed once an attempt is
//                           handed in (the best attempt counts: a pass is never undone)
//   cmi.core.score.raw/min/max  the best attempt's score in %, 0, 100
//   cmi.core.exit "suspend", cmi.core.session_time, LMSFinish when the learner leaves.
// Without an API (opened from disk or a plain web server) it opens the handbook directly, which
// then works with localStorage alone.
(function () {
  "use strict";

  var SUSPEND_LIMIT = 4096; // SCORM 1.2 CMIString4096
  var root = new URL("./", window.location.href);
  var started = Date.now();
  var api = null;
  var data = null;
  var finished = false;
  var lastSuspend = null;
  var reported = { raw: null, status: null };

  function findAPI(win) {
    for (var hops = 0; win && hops < 12; hops++) {
      try {
        if (win.API) return win.API;
      } catch (e) { /* a frame of another origin */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function set(element, value) {
    api.LMSSetValue(element, String(value));
  }

  function emptySnapshot() {
    return { format: window.HandbookState.FORMAT, version: window.HandbookState.VERSION, quizzes: {}, name: "", assessment: null };
  }

  function timespan(ms) {
    var seconds = Math.floor(ms / 1000);
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return String(h).padStart(4, "0") + ":" + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
  }

  // The state as suspend_data, within SCORM 1.2's limit. If it would not fit: keep only the best
  // and the latest submitted attempt, then drop the unsubmitted attempt's answers (self-check
  // answers are always kept; the whole handbook answered takes about 1,000 characters).
  function suspendText(snapshot) {
    var text = window.HandbookState.encode(data, snapshot);
    var assessment = snapshot.assessment;
    if (text.length > SUSPEND_LIMIT && assessment && assessment.attempts.length > 2) {
      var top = window.HandbookState.best(snapshot);
      var last = assessment.attempts[assessment.attempts.length - 1];
      assessment.attempts = top === last ? [last] : [top, last];
      text = window.HandbookState.encode(data, snapshot);
    }
    if (text.length > SUSPEND_LIMIT && assessment && assessment.current) {
      assessment.current = null;
      text = window.HandbookState.encode(data, snapshot);
    }
    return text.length > SUSPEND_LIMIT ? null : text;
  }

  function sync() {
    if (!api || finished) return;
    var snapshot = window.HandbookState.collect(data, root);
    var text = suspendText(snapshot);
    var changed = false;
    if (text !== null && text !== lastSuspend) {
      set("cmi.suspend_data", text);
      lastSuspend = text;
      changed = true;
    }
    var top = window.HandbookState.best(snapshot);
    if (top && (String(top.score) !== reported.raw || (top.passed ? "passed" : "failed") !== reported.status)) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", top.score);
      set("cmi.core.lesson_status", top.passed ? "passed" : "failed");
      reported = { raw: String(top.score), status: top.passed ? "passed" : "failed" };
      changed = true;
    }
    if (changed) api.LMSCommit("");
  }

  function finish() {
    if (!api || finished) return;
    sync();
    set("cmi.core.exit", "suspend");
    set("cmi.core.session_time", timespan(Date.now() - started));
    api.LMSCommit("");
    api.LMSFinish("");
    finished = true;
  }

  function show(src) {
    var frame = document.getElementById("hb-sco-frame");
    frame.hidden = false;
    frame.src = src;
    document.getElementById("hb-launch-status").hidden = true;
  }

  function start(progressData) {
    data = progressData;
    if (String(api.LMSInitialize("")) !== "true") {
      document.getElementById("hb-launch-status").textContent = "无法连接学习平台（LMSInitialize 失败），学习记录不会提交。";
      api = null;
      show("index.html");
      return;
    }
    var status = api.LMSGetValue("cmi.core.lesson_status");
    if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
    if (status === "passed" || status === "failed") reported.status = status;
    reported.raw = api.LMSGetValue("cmi.core.score.raw") || null;
    // The LMS is the record: this browser's local state (perhaps another learner's) is replaced.
    var saved = api.LMSGetValue("cmi.suspend_data");
    lastSuspend = saved;
    window.HandbookState.apply(data, root, window.HandbookState.decode(data, saved) || emptySnapshot());
    api.LMSCommit("");
    window.addEventListener("storage", sync);
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    show("index.html");
    document.documentElement.setAttribute("data-hb-scorm", "connected");
  }

  api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  if (!api) {
    window.location.replace("index.html"); // not in an LMS: the handbook on its own
    return;
  }
  fetch(new URL("assets/progress-data.json", root).href)
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function () {
      document.getElementById("hb-launch-status").textContent =
        "无法读取课程数据（assets/progress-data.json）：请让学习平台通过网址（http/https）提供本课件。";
    });
})();
