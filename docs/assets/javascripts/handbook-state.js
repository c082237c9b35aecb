// Everything the handbook keeps in this browser, as one portable snapshot: the self-check answers
// mkdocs-quiz stores per page (key "quiz_progress_" + the page's URL path), the trainee's name and
// the final assessment (结业测验) attempts. Pages are named by their docs path
// (curriculum/m1-legal-compliance.md), not by URL, so a snapshot taken on the web site restores in
// the SCORM package and the other way round.
//
// Used by the progress page (export to a file, import from one) and by the SCORM launch page
// (cmi.suspend_data, with the compact encoding below). `data` is assets/progress-data.json.
window.HandbookState = (function () {
  "use strict";

  var FORMAT = "collector-handbook-progress";
  var VERSION = 1;
  var SEED = /^[0-9a-f]{8}$/;
  var QUESTION_ID = /^[A-Za-z0-9-]{1,20}$/;

  function storageKey(data, root, page) {
    return data.storagePrefix + new URL(page.url, root).pathname;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isStringList(value, max) {
    return Array.isArray(value) && value.length <= max && value.every(function (item) {
      return typeof item === "string" && item.length <= 200;
    });
  }

  // The shape mkdocs-quiz 1.7 stores for one answered question (see quiz-fixes.js).
  function validAnswer(entry) {
    return isObject(entry) && typeof entry.answered === "boolean" && typeof entry.correct === "boolean" &&
      isStringList(entry.selectedValues, 50);
  }

  function validAnswers(answers) {
    return isObject(answers) && Object.keys(answers).every(function (id) {
      return QUESTION_ID.test(id) && isStringList(answers[id], 20);
    });
  }

  function validAttempt(attempt) {
    return isObject(attempt) && SEED.test(attempt.seed) && typeof attempt.date === "string" &&
      /^\d{4}-\d{2}-\d{2}$/.test(attempt.date) && validAnswers(attempt.answers) &&
      typeof attempt.score === "number" && attempt.score >= 0 && attempt.score <= 100 && typeof attempt.passed === "boolean";
  }

  function validAssessment(value) {
    if (value === null) return true;
    return isObject(value) && value.v === 1 && Array.isArray(value.attempts) && value.attempts.length <= 50 &&
      value.attempts.every(validAttempt) &&
      (value.current === null || value.current === undefined ||
        (isObject(value.current) && SEED.test(value.current.seed) && validAnswers(value.current.answers)));
  }

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function parse(raw) {
    try { return JSON.parse(raw); } catch (e) { return undefined; }
  }

  // ------------------------------------------------------------------ snapshot of this browser

  function collect(data, root) {
    var quizzes = {};
    data.pages.forEach(function (page) {
      var stored = parse(read(storageKey(data, root, page)) || "null");
      if (!isObject(stored)) return;
      var kept = {};
      page.quizIds.forEach(function (id) {
        if (validAnswer(stored[id])) kept[id] = stored[id];
      });
      if (Object.keys(kept).length) quizzes[page.path] = kept;
    });
    var assessment = parse(read(data.assessmentKey) || "null");
    return {
      format: FORMAT,
      version: VERSION,
      quizzes: quizzes,
      name: read(data.nameKey) || "",
      assessment: validAssessment(assessment === undefined ? null : assessment) ? (assessment || null) : null,
    };
  }

  // A snapshot from a file or from the LMS: null if it is valid, else a Chinese message saying why
  // nothing was changed.
  function problem(data, snapshot) {
    if (!isObject(snapshot) || snapshot.format !== FORMAT) {
      return "这不是本手册导出的学习记录文件（缺少格式标记 " + FORMAT + "）。没有做任何更改。";
    }
    if (snapshot.version !== VERSION) {
      return "学习记录文件的格式版本（" + snapshot.version + "）与本手册（" + VERSION + "）不同，无法导入。没有做任何更改。";
    }
    if (!isObject(snapshot.quizzes)) return "学习记录文件已损坏（自测题记录不完整）。没有做任何更改。";
    var pages = {};
    data.pages.forEach(function (page) { pages[page.path] = page; });
    var paths = Object.keys(snapshot.quizzes);
    for (var i = 0; i < paths.length; i++) {
      var page = pages[paths[i]];
      if (!page) return "学习记录文件中的页面“" + paths[i] + "”不属于本手册（可能来自其他网站或其他版本）。没有做任何更改。";
      var answers = snapshot.quizzes[paths[i]];
      if (!isObject(answers)) return "学习记录文件已损坏（" + page.title + "）。没有做任何更改。";
      var ids = Object.keys(answers);
      for (var j = 0; j < ids.length; j++) {
        if (page.quizIds.indexOf(ids[j]) < 0 || !validAnswer(answers[ids[j]])) {
          return "学习记录文件中“" + page.title + "”的自测题记录无效。没有做任何更改。";
        }
      }
    }
    if (typeof snapshot.name !== "string" || snapshot.name.length > 40) return "学习记录文件中的学员姓名无效。没有做任何更改。";
    if (!validAssessment(snapshot.assessment === undefined ? null : snapshot.assessment)) {
      return "学习记录文件中的结业测验记录无效。没有做任何更改。";
    }
    return null;
  }

  // Replace everything this handbook keeps in the browser with the snapshot (validate it first).
  function apply(data, root, snapshot) {
    data.pages.forEach(function (page) {
      var key = storageKey(data, root, page);
      var answers = snapshot.quizzes[page.path];
      if (answers && Object.keys(answers).length) window.localStorage.setItem(key, JSON.stringify(answers));
      else window.localStorage.removeItem(key);
    });
    if (snapshot.name) window.localStorage.setItem(data.nameKey, snapshot.name);
    else window.localStorage.removeItem(data.nameKey);
    if (snapshot.assessment) window.localStorage.setItem(data.assessmentKey, JSON.stringify(snapshot.assessment));
    else window.localStorage.removeItem(data.assessmentKey);
  }

  function counts(snapshot) {
    var answered = 0;
    Object.keys(snapshot.quizzes).forEach(function (path) { answered += Object.keys(snapshot.quizzes[path]).length; });
    var attempts = snapshot.assessment ? snapshot.assessment.attempts.length : 0;
    return { answered: answered, attempts: attempts };
  }

  // Best submitted attempt (highest score; a pass is never undone by a later fail).
  function best(snapshot) {
    var attempts = snapshot.assessment ? snapshot.assessment.attempts : [];
    return attempts.reduce(function (top, attempt) {
      return !top || attempt.score > top.score ? attempt : top;
    }, null);
  }

  // ------------------------------------------------------------------ compact text for cmi.suspend_data
  //
  // SCORM 1.2 allows 4096 characters. ASCII only (some LMS databases mangle other characters):
  //   H1|<answers>|<name>|<current>|<attempts>
  // <answers>: one field per page of progress-data.json (in its order) separated by ",", each the
  //   page's questions separated by "." (trailing empty ones dropped): "" = unanswered, else "c"
  //   (correct) or "w" (wrong) and the selected values separated by "~".
  // <current>: seed ":" answers; <attempts>: attempts separated by ",", each
  //   seed:yyyymmdd:score:passed(1/0):fingerprint:name:answers; answers are id "=" values joined
  //   by "~", separated by ".". Free text is percent-encoded, so separators never occur in it.
  // All attempts are encoded; scorm-launch.js keeps only the best and the latest when the text
  // would exceed the limit.

  function esc(text) {
    return encodeURIComponent(text).replace(/[-_.!~*'()]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function unesc(text) {
    return decodeURIComponent(text);
  }

  function encodeAnswers(answers) {
    return Object.keys(answers).filter(function (id) { return answers[id].length; }).map(function (id) {
      return id + "=" + answers[id].map(esc).join("~");
    }).join(".");
  }

  function decodeAnswers(text) {
    var answers = {};
    if (!text) return answers;
    text.split(".").forEach(function (part) {
      var match = /^([A-Za-z0-9-]+)=(.*)$/.exec(part);
      if (!match) throw new Error("answers");
      answers[match[1]] = match[2].split("~").map(unesc);
    });
    return answers;
  }

  function encode(data, snapshot) {
    var pages = data.pages.map(function (page) {
      var answers = snapshot.quizzes[page.path] || {};
      var tokens = page.quizIds.map(function (id) {
        var entry = answers[id];
        if (!entry || !entry.answered) return "";
        return (entry.correct ? "c" : "w") + entry.selectedValues.map(esc).join("~");
      });
      while (tokens.length && tokens[tokens.length - 1] === "") tokens.pop();
      return tokens.join(".");
    });
    while (pages.length && pages[pages.length - 1] === "") pages.pop();
    var assessment = snapshot.assessment;
    var current = assessment && assessment.current ? assessment.current.seed + ":" + encodeAnswers(assessment.current.answers) : "";
    var attempts = (assessment ? assessment.attempts : []).map(function (a) {
      return [a.seed, a.date.replace(/-/g, ""), String(a.score), a.passed ? "1" : "0", esc(a.fingerprint || ""), esc(a.name || ""),
        encodeAnswers(a.answers)].join(":");
    }).join(",");
    return ["H1", pages.join(","), esc(snapshot.name || ""), current, attempts].join("|");
  }

  // The snapshot in an encoded text, or null if it is not one (a foreign or damaged suspend_data).
  function decode(data, text) {
    try {
      var parts = String(text || "").split("|");
      if (parts.length !== 5 || parts[0] !== "H1") return null;
      var quizzes = {};
      var pages = parts[1] ? parts[1].split(",") : [];
      if (pages.length > data.pages.length) return null;
      pages.forEach(function (field, index) {
        var page = data.pages[index];
        var answers = {};
        (field ? field.split(".") : []).forEach(function (token, i) {
          if (!token) return;
          if (i >= page.quizIds.length || (token[0] !== "c" && token[0] !== "w")) throw new Error("token");
          answers[page.quizIds[i]] = { answered: true, correct: token[0] === "c", selectedValues: token.slice(1).split("~").map(unesc) };
        });
        if (Object.keys(answers).length) quizzes[page.path] = answers;
      });
      var current = null;
      if (parts[3]) {
        var c = /^([0-9a-f]{8}):(.*)$/.exec(parts[3]);
        if (!c) return null;
        current = { seed: c[1], answers: decodeAnswers(c[2]) };
      }
      var attempts = (parts[4] ? parts[4].split(",") : []).map(function (field) {
        var f = field.split(":");
        if (f.length !== 7 || !/^\d{8}$/.test(f[1])) throw new Error("attempt");
        var attempt = { seed: f[0], date: f[1].slice(0, 4) + "-" + f[1].slice(4, 6) + "-" + f[1].slice(6), score: Number(f[2]),
          passed: f[3] === "1", fingerprint: unesc(f[4]), name: unesc(f[5]), answers: decodeAnswers(f[6]) };
        return attempt;
      });
      var snapshot = { format: FORMAT, version: VERSION, quizzes: quizzes, name: unesc(parts[2]),
        assessment: current || attempts.length ? { v: 1, current: current, attempts: attempts } : null };
      return problem(data, snapshot) === null ? snapshot : null;
    } catch (e) {
      return null;
    }
  }

  return {
    FORMAT: FORMAT, VERSION: VERSION, collect: collect, problem: problem, apply: apply, counts: counts, best: best,
    encode: encode, decode: decode, storageKey: storageKey,
  };
})();
