// 结业测验 (final assessment): draws an attempt from the question pool the build wrote into
// the page (#hb-assessment-data, hooks/handbook/outputs/assessment.py), shows no feedback until
// the trainee hands in, then scores per module and per learning objective, and prints a result
// with a verification code. Attempts are kept in localStorage (the key the page data names); in an LMS
// the SCORM launch page copies that key into cmi.suspend_data and reports the score.
//
// Reproducible: an attempt is drawn from its 8-hex-digit seed (mulberry32), so the seed and the
// pool fingerprint identify the questions; the verification code is SHA-256 over edition,
// fingerprint, seed, name, date and the answer record, so a trainer can re-score a printed result
// with the "核对成绩单" form. Without a server, anyone can compute a code: see the page text.
(function () {
  "use strict";

  var script = document.currentScript; // only set while this file first runs
  var HISTORY = 20; // attempts kept
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  // localStorage keys of the attempts and of the trainee's name, from the page data (outputs/progress.py).
  var STORE = null, NAME_KEY = null;

  // ---------------------------------------------------------------- small helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "html") node.innerHTML = value; // build-time HTML from our own Markdown
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function percent(part, whole) {
    return whole > 0 ? Math.round((part / whole) * 100) : 0;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function canonical(text) {
    return String(text || "").replace(/\s+/g, "").toLowerCase(); // as outputs/assessment.py canonical_answer
  }

  function cleanName(text) {
    return String(text || "").replace(/\s+/g, " ").trim();
  }

  // mulberry32: tiny seeded generator, the same numbers in every browser.
  function generator(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle(items, random) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }

  function newSeed() {
    var value = new Uint32Array(1);
    window.crypto.getRandomValues(value);
    return value[0].toString(16).padStart(8, "0");
  }

  function validSeed(seed) {
    return typeof seed === "string" && /^[0-9a-f]{8}$/.test(seed);
  }

  // SHA-256 of a string's UTF-8 bytes (crypto.subtle needs a secure context; an LMS on plain
  // http is not one). Returns an array of 32 bytes.
  var K = [];
  (function () {
    var primes = [], n = 2;
    while (primes.length < 64) {
      if (primes.every(function (p) { return n % p; })) primes.push(n);
      n++;
    }
    primes.forEach(function (p) { K.push((Math.pow(p, 1 / 3) % 1) * 4294967296 | 0); });
  })();
  function sha256(text) {
    var bytes = Array.from(new TextEncoder().encode(text));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var s = 7; s >= 0; s--) bytes.push(s >= 4 ? 0 : (bitLength >>> (s * 8)) & 0xff);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    function rotr(x, r) { return (x >>> r) | (x << (32 - r)); }
    for (var offset = 0; offset < bytes.length; offset += 64) {
      for (var i = 0; i < 16; i++) {
        var b = offset + i * 4;
        w[i] = (bytes[b] << 24) | (bytes[b + 1] << 16) | (bytes[b + 2] << 8) | bytes[b + 3];
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7], bb = h[1];
      for (i = 0; i < 64; i++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
      }
      h = [h[0] + a, h[1] + bb, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + hh].map(function (x) { return x | 0; });
    }
    var out = [];
    h.forEach(function (word) { out.push((word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff); });
    return out;
  }

  // Crockford base32 of the first 40 bits: 8 characters, printed as XXXX-XXXX.
  var BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  function verificationCode(fields) {
    var digest = sha256(["HB1", fields.edition, fields.fingerprint, fields.seed, cleanName(fields.name), fields.date,
      fields.record].join("\n"));
    var bits = "";
    for (var i = 0; i < 5; i++) bits += digest[i].toString(2).padStart(8, "0");
    var code = "";
    for (i = 0; i < 40; i += 5) code += BASE32[parseInt(bits.slice(i, i + 5), 2)];
    return code.slice(0, 4) + "-" + code.slice(4);
  }

  // ---------------------------------------------------------------- the pool and an attempt

  function readData() {
    var node = document.getElementById("hb-assessment-data");
    if (!node) return null;
    try {
      var data = JSON.parse(node.textContent);
      if (!data || !Array.isArray(data.pool) || !data.pool.length) return null;
      STORE = data.assessmentKey;
      NAME_KEY = data.nameKey;
      return data;
    } catch (e) {
      return null;
    }
  }

  // The questions of the attempt with this seed: at least one per learning objective (so every
  // module), then random others up to data.questions; shown in course order.
  function draw(data, seed) {
    var random = generator(parseInt(seed, 16));
    var byObjective = {};
    data.pool.forEach(function (question, index) {
      question.objectives.forEach(function (objective) {
        (byObjective[objective] = byObjective[objective] || []).push(index);
      });
    });
    var chosen = {};
    var covered = {};
    var objectives = shuffle(data.objectives.map(function (o) { return o.id; }).filter(function (id) {
      return byObjective[id];
    }), random);
    objectives.forEach(function (objective) {
      if (covered[objective]) return;
      var candidates = byObjective[objective].filter(function (index) { return !chosen[index]; });
      var pick = candidates[Math.floor(random() * candidates.length)];
      chosen[pick] = true;
      data.pool[pick].objectives.forEach(function (o) { covered[o] = true; });
    });
    var rest = shuffle(data.pool.map(function (_q, index) { return index; }).filter(function (index) {
      return !chosen[index];
    }), random);
    while (Object.keys(chosen).length < data.questions && rest.length) chosen[rest.pop()] = true;
    return Object.keys(chosen).map(Number).sort(function (a, b) { return a - b; }).map(function (index) {
      return data.pool[index];
    });
  }

  // FNV-1a, to give each question of an attempt its own option order.
  function hashString(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  // The order in which the options of a choice question are shown in the attempt with this seed
  // (original indices). The letters A, B, C … printed and typed are positions in this order.
  function optionOrder(seed, question) {
    var indices = (question.options || []).map(function (_o, i) { return i; });
    return shuffle(indices, generator((parseInt(seed, 16) ^ hashString(question.id)) >>> 0));
  }

  function letterOf(seed, question, index) {
    return LETTERS[optionOrder(seed, question).indexOf(Number(index))] || "?";
  }

  function isAnswered(question, answer) {
    if (!Array.isArray(answer) || !answer.length) return false;
    return question.kind === "fill" ? answer.some(function (text) { return canonical(text) !== ""; }) : true;
  }

  function isCorrect(question, answer) {
    if (!isAnswered(question, answer)) return false;
    if (question.kind === "fill") {
      return answer.length === question.answers.length && question.answers.every(function (expected, i) {
        return canonical(answer[i]) === expected;
      });
    }
    var chosen = answer.map(Number).sort(function (a, b) { return a - b; });
    return chosen.length === question.correct.length && chosen.every(function (value, i) { return value === question.correct[i]; });
  }

  function score(data, questions, answers) {
    var modules = {};
    var objectives = {};
    data.modules.forEach(function (m) { modules[m.id] = { module: m, total: 0, correct: 0 }; });
    data.objectives.forEach(function (o) { objectives[o.id] = { objective: o, total: 0, correct: 0 }; });
    var correct = 0;
    var answered = 0;
    var items = questions.map(function (question) {
      var answer = answers[question.id] || [];
      var right = isCorrect(question, answer);
      if (right) correct += 1;
      if (isAnswered(question, answer)) answered += 1;
      question.modules.forEach(function (id) {
        if (!modules[id]) return;
        modules[id].total += 1;
        if (right) modules[id].correct += 1;
      });
      question.objectives.forEach(function (id) {
        if (!objectives[id]) return;
        objectives[id].total += 1;
        if (right) objectives[id].correct += 1;
      });
      return { question: question, answer: answer, correct: right, answered: isAnswered(question, answer) };
    });
    var value = percent(correct, questions.length);
    function list(table) {
      return Object.keys(table).map(function (id) { return table[id]; }).filter(function (row) { return row.total > 0; });
    }
    return {
      total: questions.length, correct: correct, answered: answered, percent: value,
      passed: value >= data.passMark, items: items, modules: list(modules), objectives: list(objectives),
    };
  }

  function answerText(seed, question, answer) {
    if (!isAnswered(question, answer)) return "—";
    if (question.kind === "fill") return answer.map(canonical).join("/");
    return answer.map(function (i) { return letterOf(seed, question, i); }).sort().join("");
  }

  // The answer record printed on the result and typed into "核对成绩单": "1.B 2.AC 3.三年 4.—".
  function record(seed, questions, answers) {
    return questions.map(function (question, i) {
      return (i + 1) + "." + answerText(seed, question, answers[question.id] || []);
    }).join(" ");
  }

  function parseRecord(seed, questions, text) {
    var tokens = String(text || "").trim().split(/\s+/).filter(Boolean);
    if (tokens.length !== questions.length) return null;
    var answers = {};
    for (var i = 0; i < tokens.length; i++) {
      var match = /^(\d+)[.．](.*)$/.exec(tokens[i]);
      if (!match || Number(match[1]) !== i + 1) return null;
      var question = questions[i];
      var value = match[2];
      if (value === "—" || value === "-" || value === "") answers[question.id] = [];
      else if (question.kind === "fill") answers[question.id] = value.split("/");
      else {
        var indices = [];
        var order = optionOrder(seed, question);
        for (var c = 0; c < value.length; c++) {
          var position = LETTERS.indexOf(value[c].toUpperCase());
          if (position < 0 || position >= order.length) return null;
          indices.push(String(order[position]));
        }
        answers[question.id] = indices;
      }
    }
    return answers;
  }

  // ---------------------------------------------------------------- stored state

  function load() {
    var empty = { v: 1, current: null, attempts: [] };
    try {
      var parsed = JSON.parse(window.localStorage.getItem(STORE) || "null");
      if (!parsed || typeof parsed !== "object" || parsed.v !== 1) return empty;
      return {
        v: 1,
        current: parsed.current && validSeed(parsed.current.seed) && typeof parsed.current.answers === "object" ? parsed.current : null,
        attempts: Array.isArray(parsed.attempts) ? parsed.attempts.filter(function (a) {
          return a && validSeed(a.seed) && typeof a.answers === "object" && typeof a.date === "string";
        }) : [],
      };
    } catch (e) {
      return empty;
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(state));
    } catch (e) { /* storage unavailable: the attempt still works on this page */ }
  }

  function savedName() {
    try { return window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { return ""; }
  }

  function saveName(name) {
    try { window.localStorage.setItem(NAME_KEY, cleanName(name)); } catch (e) { /* ignore */ }
  }

  // ---------------------------------------------------------------- rendering

  function kindHint(question) {
    if (question.kind === "multiple") return "多选题：选出全部正确答案";
    if (question.kind === "fill") return "填空题";
    return "单选题";
  }

  function questionItem(seed, question, number, answer, onChange) {
    var titleId = "hb-q" + number + "-title";
    var title = el("div", { id: titleId, "class": "hb-q-title" }, [
      el("p", { "class": "hb-q-number" }, [el("strong", { text: "第 " + number + " 题" }), "（" + kindHint(question) + "）"]),
      el("div", { "class": "hb-q-text", html: question.question }),
    ]);
    var body;
    if (question.kind === "fill") {
      var blanks = title.querySelectorAll(".hb-blank");
      blanks.forEach(function (slot, i) {
        var input = el("input", { type: "text", "class": "hb-input hb-blank-input", autocomplete: "off", maxlength: "60",
          "aria-label": "第 " + number + " 题 第 " + (i + 1) + " 空", "data-blank": String(i) });
        input.value = answer[i] || "";
        input.addEventListener("input", function () {
          var values = Array.from(title.querySelectorAll(".hb-blank-input")).map(function (node) { return node.value; });
          onChange(question, values);
        });
        slot.replaceWith(input);
      });
      body = el("div", { "class": "hb-q", role: "group", "aria-labelledby": titleId, "data-question": question.id }, [title]);
    } else {
      var type = question.kind === "multiple" ? "checkbox" : "radio";
      var options = optionOrder(seed, question).map(function (i, position) {
        var option = question.options[i];
        var id = "hb-q" + number + "-o" + i;
        var input = el("input", { type: type, name: "hb-q" + number, id: id, value: String(i) });
        input.checked = answer.indexOf(String(i)) >= 0;
        input.addEventListener("change", function () {
          var checked = Array.from(body.querySelectorAll("input:checked")).map(function (node) { return node.value; });
          onChange(question, checked);
        });
        return el("li", {}, [input, " ", el("label", { "for": id }, [el("span", { "class": "hb-letter", text: LETTERS[position] + ". " }),
          el("span", { html: option.html })])]);
      });
      body = el("fieldset", { "class": "hb-q", "aria-labelledby": titleId, "data-question": question.id }, [
        title, el("ul", { "class": "hb-options" }, options),
      ]);
    }
    return el("li", { "class": "hb-q-item" }, [body]);
  }

  function link(root, url, anchor, text) {
    return el("a", { href: new URL(url, root).href + (anchor ? "#" + encodeURIComponent(anchor) : ""), text: text });
  }

  function resultTables(root, result) {
    var moduleRows = result.modules.map(function (row) {
      return el("tr", { "data-module": row.module.id }, [
        el("th", { scope: "row" }, [link(root, row.module.url, "", row.module.title)]),
        el("td", { "class": "hb-num", text: String(row.total) }),
        el("td", { "class": "hb-num", text: String(row.correct) }),
        el("td", { "class": "hb-num", "data-field": "percent", text: percent(row.correct, row.total) + "%" }),
      ]);
    });
    var objectiveRows = result.objectives.map(function (row) {
      var ok = row.correct === row.total;
      return el("tr", { "data-objective": row.objective.id }, [
        el("th", { scope: "row" }, [link(root, row.objective.url, "", row.objective.id), " " + row.objective.text]),
        el("td", { "class": "hb-num", text: row.correct + " / " + row.total }),
        el("td", { "data-field": "status" }, ok ? [el("span", { "aria-hidden": "true", text: "✓ " }), "已掌握"] :
          [el("span", { "aria-hidden": "true", text: "✗ " }), "需复习"]),
      ]);
    });
    function head(titles) {
      return el("thead", {}, [el("tr", {}, titles.map(function (t) { return el("th", { scope: "col", text: t }); }))]);
    }
    return [
      el("div", { "class": "hb-table-wrap" }, [el("table", { "class": "hb-data-table hb-result-table", id: "hb-module-scores", tabindex: "0" }, [
        el("caption", { text: "各模块得分" }), head(["模块", "题数", "答对", "得分"]), el("tbody", {}, moduleRows),
      ])]),
      el("div", { "class": "hb-table-wrap" }, [el("table", { "class": "hb-data-table hb-result-table", id: "hb-objective-scores", tabindex: "0" }, [
        el("caption", { text: "各学习目标得分" }), head(["学习目标", "答对 / 题数", "结果"]), el("tbody", {}, objectiveRows),
      ])]),
    ];
  }

  function review(root, seed, result) {
    var items = result.items.map(function (item, i) {
      var q = item.question;
      var status = item.correct ? "答对" : item.answered ? "答错" : "未答";
      var right = q.kind === "fill" ? q.shown.join(" / ") :
        q.correct.map(function (index) { return letterOf(seed, q, index); }).sort().join("");
      var chosenFeedback = q.kind === "fill" ? [] : item.answer.map(Number).filter(function (index) {
        return q.options[index] && q.options[index].feedback;
      }).map(function (index) {
        return el("p", { "class": "hb-option-feedback" }, [letterOf(seed, q, index) + "：", el("span", { html: q.options[index].feedback })]);
      });
      return el("li", { "class": "hb-review-item hb-review-item--" + (item.correct ? "right" : "wrong"), "data-question": q.id }, [
        el("p", {}, [el("strong", { text: "第 " + (i + 1) + " 题：" + status }), "（你的答案：" + answerText(seed, q, item.answer) +
          "；正确答案：", el("span", { html: right }), "）"]),
        el("div", { "class": "hb-q-text", html: q.question.replace(/<span class="hb-blank"[^>]*><\/span>/g, "＿＿＿") }),
        q.kind === "fill" ? null : el("ol", { "class": "hb-review-options", type: "A" }, optionOrder(seed, q).map(function (index) {
          return el("li", { html: q.options[index].html });
        })),
      ].concat(chosenFeedback).concat([
        el("div", { "class": "hb-explanation", html: q.explanation }),
        el("p", {}, [link(root, q.source.url, q.source.anchor, "复习：" + q.source.title)]),
      ]));
    });
    return el("details", { "class": "hb-review" }, [
      el("summary", { text: "逐题解析（答错 " + (result.total - result.correct) + " 题）" }),
      el("ol", { "class": "hb-review-list" }, items),
    ]);
  }

  function certificate(data, attempt, questions, result) {
    var nameInput = el("input", { type: "text", "class": "hb-input", id: "hb-cert-name-input", autocomplete: "name", maxlength: "40" });
    nameInput.value = attempt.name || savedName();
    var nameOut = el("span", { "class": "hb-fill", id: "hb-cert-name" });
    var codeOut = el("strong", { id: "hb-cert-code", "class": "hb-code" });
    var answerRecord = record(attempt.seed, questions, attempt.answers);
    function sync() {
      var name = cleanName(nameInput.value);
      nameOut.textContent = name || "\u00a0";
      codeOut.textContent = verificationCode({ edition: data.edition, fingerprint: data.fingerprint, seed: attempt.seed,
        name: name, date: attempt.date, record: answerRecord });
      attempt.name = name;
    }
    var print = el("button", { type: "button", "class": "md-button md-button--primary", id: "hb-cert-print", text: "打印成绩单" });
    var rows = result.modules.map(function (row) {
      return el("tr", {}, [el("th", { scope: "row", text: row.module.title }), el("td", { "class": "hb-num", text: row.correct + " / " + row.total }),
        el("td", { "class": "hb-num", text: percent(row.correct, row.total) + "%" })]);
    });
    var verdict = result.passed ? "通过" : "未通过";
    var sheet = el("section", { id: "hb-certificate", "class": "hb-sheet", "aria-labelledby": "hb-cert-title" }, [
      el("h3", { id: "hb-cert-title", "class": "hb-sheet-title", text: "结业测验成绩单" }),
      el("p", { "class": "hb-sheet-site", text: document.title.split(" - ").pop() }),
      el("dl", { "class": "hb-cert-fields" }, [
        el("dt", { text: "学员姓名" }), el("dd", {}, [nameOut]),
        el("dt", { text: "测验日期" }), el("dd", { id: "hb-cert-date", text: attempt.date }),
        el("dt", { text: "手册版本" }), el("dd", { id: "hb-cert-edition", text: data.edition || "—" }),
        el("dt", { text: "得分" }), el("dd", { id: "hb-cert-score", text: result.percent + "%（" + result.correct + " / " + result.total + " 题答对）" }),
        el("dt", { text: "结果" }), el("dd", { id: "hb-cert-verdict" }, [el("strong", { text: verdict }), "（及格线 " + data.passMark + "%）"]),
      ]),
      el("table", { "class": "hb-data-table hb-cert-table" }, [
        el("thead", {}, [el("tr", {}, ["模块", "答对 / 题数", "得分"].map(function (t) { return el("th", { scope: "col", text: t }); }))]),
        el("tbody", {}, rows),
      ]),
      el("p", { "class": "hb-cert-record" }, ["作答记录：", el("span", { id: "hb-cert-record", text: answerRecord })]),
      el("p", { "class": "hb-cert-ids" }, ["抽题种子：", el("span", { id: "hb-cert-seed", text: attempt.seed }),
        "\u3000题库指纹：", el("span", { id: "hb-cert-fingerprint", text: data.fingerprint }),
        "\u3000校验码：", codeOut]),
      el("p", { "class": "hb-sheet-note", text: "说明：校验码由手册版本、题库指纹、抽题种子、姓名、日期和作答记录计算，可在本手册“结业测验”页的“核对成绩单”中重新计算得分和校验码，" +
        "用来发现成绩单被改动；它不能证明作答人身份，也不能证明独立完成。" }),
      el("div", { "class": "hb-signatures" }, [
        el("p", {}, ["学员签名：", el("span", { "class": "hb-line" }), "\u3000日期：", el("span", { "class": "hb-line hb-line--short" })]),
        el("p", {}, ["培训师签名：", el("span", { "class": "hb-line" }), "\u3000日期：", el("span", { "class": "hb-line hb-line--short" })]),
      ]),
    ]);
    return {
      form: el("div", { "class": "hb-cert-form" }, [
        el("p", { "class": "hb-field" }, [el("label", { "for": "hb-cert-name-input", text: "学员姓名" }), nameInput]),
        el("p", {}, [print]),
      ]),
      sheet: sheet,
      nameInput: nameInput,
      print: print,
      sync: sync,
    };
  }

  // ---------------------------------------------------------------- the page

  function App(container, verifyBox, data, root) {
    var state = load();

    function attemptQuestions(seed) { return draw(data, seed); }

    function intro() {
      var questions = data.pool.length;
      var parts = [
        el("p", { id: "hb-exam-rules" }, ["每次测验 ", el("strong", { id: "hb-exam-size", text: String(Math.max(data.questions, 0)) }),
          " 题左右（每个学习目标至少一题），及格线 ", el("strong", { id: "hb-pass-mark", text: data.passMark + "%" }),
          "。题库共 " + questions + " 题，覆盖 " + data.modules.length + " 个模块、" + data.objectives.length + " 个学习目标。" +
          "交卷前不显示对错；交卷后可查看各模块、各学习目标的得分和逐题解析，并打印成绩单。作答随时保存在本浏览器中。"]),
      ];
      var buttons = [];
      if (state.current) {
        var current = attemptQuestions(state.current.seed);
        var answered = current.filter(function (q) { return isAnswered(q, state.current.answers[q.id]); }).length;
        buttons.push(el("button", { type: "button", "class": "md-button md-button--primary", id: "hb-exam-resume",
          text: "继续未交卷的测验（已答 " + answered + " / " + current.length + " 题）" }));
        buttons.push(el("button", { type: "button", "class": "md-button", id: "hb-exam-restart", text: "放弃并重新抽题" }));
      } else {
        buttons.push(el("button", { type: "button", "class": "md-button md-button--primary", id: "hb-exam-start",
          text: state.attempts.length ? "开始新的测验" : "开始测验" }));
      }
      parts.push(el("p", { "class": "hb-exam-actions" }, buttons));
      if (state.attempts.length) parts.push(history());
      container.replaceChildren.apply(container, parts);
      var start = container.querySelector("#hb-exam-start");
      if (start) start.addEventListener("click", function () { begin(newSeed()); });
      var resume = container.querySelector("#hb-exam-resume");
      if (resume) resume.addEventListener("click", function () { exam(); });
      var restart = container.querySelector("#hb-exam-restart");
      if (restart) restart.addEventListener("click", function () {
        if (!window.confirm("确定放弃当前未交卷的测验、重新抽题吗？已作答的内容会丢失。")) return;
        begin(newSeed());
      });
    }

    function history() {
      var rows = state.attempts.slice().reverse().map(function (attempt, i) {
        var index = state.attempts.length - 1 - i;
        var button = el("button", { type: "button", "class": "hb-link-button", "data-attempt": String(index), text: "查看成绩" });
        button.addEventListener("click", function () { showResult(state.attempts[index], false); });
        return el("tr", {}, [el("td", { text: attempt.date }), el("td", { "class": "hb-num", text: attempt.score + "%" }),
          el("td", { text: attempt.passed ? "通过" : "未通过" }), el("td", {}, [button])]);
      });
      return el("div", { "class": "hb-table-wrap" }, [el("table", { "class": "hb-data-table hb-result-table", id: "hb-history", tabindex: "0" }, [
        el("caption", { text: "历次测验" }),
        el("thead", {}, [el("tr", {}, ["日期", "得分", "结果", ""].map(function (t, i) {
          return el("th", { scope: "col" }, [i === 3 ? el("span", { "class": "hb-sr-only", text: "操作" }) : t]);
        }))]),
        el("tbody", {}, rows),
      ])]);
    }

    function begin(seed) {
      state.current = { seed: seed, answers: {} };
      save(state);
      exam();
    }

    function exam() {
      var current = state.current;
      var questions = attemptQuestions(current.seed);
      var counter = el("span", { id: "hb-exam-answered" });
      function count() {
        var answered = questions.filter(function (q) { return isAnswered(q, current.answers[q.id]); }).length;
        counter.textContent = String(answered);
        return answered;
      }
      function onChange(question, values) {
        current.answers[question.id] = values;
        save(state);
        count();
      }
      var list = el("ol", { "class": "hb-exam-questions" }, questions.map(function (question, i) {
        return questionItem(current.seed, question, i + 1, current.answers[question.id] || [], onChange);
      }));
      var submit = el("button", { type: "submit", "class": "md-button md-button--primary", id: "hb-exam-submit", text: "交卷" });
      var form = el("form", { id: "hb-exam", "class": "hb-exam", "aria-labelledby": "hb-exam-heading", novalidate: true }, [
        el("h2", { id: "hb-exam-heading", tabindex: "-1", text: "答题" }),
        el("p", { "class": "hb-exam-meta" }, ["抽题种子 ", el("code", { id: "hb-exam-seed", text: current.seed }), " · 共 " + questions.length + " 题 · 及格线 " + data.passMark + "%"]),
        list,
        el("p", { "class": "hb-exam-status", role: "status" }, ["已答 ", counter, " / " + questions.length + " 题"]),
        el("p", {}, [submit]),
      ]);
      count();
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var missing = questions.length - count();
        if (missing > 0 && !window.confirm("还有 " + missing + " 题未答，未答的题按答错计分。确定交卷吗？")) return;
        var result = score(data, questions, current.answers);
        var attempt = { seed: current.seed, date: today(), answers: current.answers, score: result.percent,
          passed: result.passed, edition: data.edition, fingerprint: data.fingerprint, name: cleanName(savedName()) };
        state.attempts.push(attempt);
        state.attempts = state.attempts.slice(-HISTORY);
        state.current = null;
        save(state);
        showResult(attempt, true);
      });
      container.replaceChildren(form);
      form.querySelector("#hb-exam-heading").focus();
    }

    function showResult(attempt, fresh) {
      var questions = attemptQuestions(attempt.seed);
      var sameBank = !attempt.fingerprint || attempt.fingerprint === data.fingerprint;
      var result = score(data, questions, attempt.answers);
      var heading = el("h2", { id: "hb-result-heading", tabindex: "-1", text: "测验结果" });
      var verdict = result.passed ? "通过" : "未通过";
      var summary = el("p", { id: "hb-result-summary", "class": "hb-result-summary hb-result-summary--" + (result.passed ? "pass" : "fail") }, [
        el("span", { "aria-hidden": "true", "class": "hb-result-icon", text: result.passed ? "✓ " : "✗ " }),
        "得分 ", el("strong", { id: "hb-result-score", text: result.percent + "%" }),
        "（答对 " + result.correct + " / " + result.total + " 题，及格线 " + data.passMark + "%）：",
        el("strong", { id: "hb-result-verdict", text: verdict }),
      ]);
      var notes = [];
      if (!sameBank) notes.push(el("p", { "class": "hb-error", text: "注意：这次测验是在题库更新之前完成的，下面按当前题库重新评分，可能与当时的成绩不同。" }));
      var cert = certificate(data, attempt, questions, result);
      var again = el("button", { type: "button", "class": "md-button", id: "hb-exam-again", text: "再考一次（重新抽题）" });
      var back = el("button", { type: "button", "class": "md-button", id: "hb-exam-back", text: "返回测验首页" });
      container.replaceChildren.apply(container, [heading, summary].concat(notes).concat(resultTables(root, result)).concat([
        review(root, attempt.seed, result),
        el("h2", { id: "hb-cert-heading", text: "打印成绩单" }),
        el("p", { text: "填写姓名后打印，交培训师核对签字后存档。打印时只输出成绩单。" }),
        cert.form, cert.sheet,
        el("p", { "class": "hb-exam-actions" }, [again, " ", back]),
      ]));
      cert.sync();
      cert.nameInput.addEventListener("input", function () {
        cert.sync();
        saveName(cert.nameInput.value);
        save(state);
      });
      cert.print.addEventListener("click", function () {
        cert.sync();
        saveName(cert.nameInput.value);
        save(state);
        window.print();
      });
      again.addEventListener("click", function () { begin(newSeed()); });
      back.addEventListener("click", intro);
      if (fresh) heading.focus();
    }

    function verifier() {
      if (!verifyBox) return;
      var fields = [
        ["seed", "抽题种子", "text"], ["fingerprint", "题库指纹", "text"], ["edition", "手册版本", "text"],
        ["name", "学员姓名", "text"], ["date", "测验日期", "text"], ["record", "作答记录", "textarea"], ["code", "校验码", "text"],
      ];
      var inputs = {};
      var rows = fields.map(function (field) {
        var id = "hb-verify-" + field[0];
        var input = el(field[2] === "textarea" ? "textarea" : "input", field[2] === "textarea" ? { id: id, "class": "hb-input", rows: "3" } :
          { id: id, "class": "hb-input", type: "text", autocomplete: "off" });
        inputs[field[0]] = input;
        return el("p", { "class": "hb-field" }, [el("label", { "for": id, text: field[1] }), input]);
      });
      var output = el("div", { id: "hb-verify-result", role: "status" });
      var button = el("button", { type: "submit", "class": "md-button", id: "hb-verify-submit", text: "核对" });
      var form = el("form", { id: "hb-verify-form", "aria-labelledby": "hb-verify-heading", novalidate: true }, rows.concat([el("p", {}, [button])]));
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var v = {};
        Object.keys(inputs).forEach(function (key) { v[key] = inputs[key].value.trim(); });
        var message;
        if (v.edition !== data.edition) {
          message = [el("p", { "class": "hb-error", text: "成绩单的手册版本（" + (v.edition || "未填写") + "）与本网站（" + data.edition + "）不同，无法用本网站核对。请打开对应版本的手册。" })];
        } else if (v.fingerprint.toLowerCase() !== data.fingerprint) {
          message = [el("p", { "class": "hb-error", text: "成绩单的题库指纹（" + (v.fingerprint || "未填写") + "）与本网站的题库（" + data.fingerprint + "）不同：题库已更新，无法重现这次测验。" })];
        } else if (!validSeed(v.seed.toLowerCase())) {
          message = [el("p", { "class": "hb-error", text: "抽题种子应为 8 位十六进制数字（0–9、a–f），请对照成绩单重新输入。" })];
        } else {
          var seed = v.seed.toLowerCase();
          var questions = draw(data, seed);
          var answers = parseRecord(seed, questions, v.record);
          if (!answers) {
            message = [el("p", { "class": "hb-error", text: "作答记录的格式不对：应为“1.B 2.AC 3.三年 …”，共 " + questions.length + " 项，请对照成绩单重新输入。" })];
          } else {
            var result = score(data, questions, answers);
            var code = verificationCode({ edition: data.edition, fingerprint: data.fingerprint, seed: seed, name: v.name, date: v.date,
              record: record(seed, questions, answers) });
            var same = v.code.toUpperCase().replace(/\s/g, "") === code;
            message = [
              el("p", {}, ["按本版题库重新评分：得分 ", el("strong", { id: "hb-verify-score", text: result.percent + "%" }),
                "（答对 " + result.correct + " / " + result.total + " 题），" + (result.passed ? "通过" : "未通过") + "；校验码 ",
                el("strong", { id: "hb-verify-code", text: code }), "。"]),
              el("p", { id: "hb-verify-verdict", "class": same ? "hb-ok" : "hb-error" }, [
                el("span", { "aria-hidden": "true", text: same ? "✓ " : "✗ " }),
                same ? "校验码一致：成绩单上的得分与作答记录相符，姓名、日期、作答未被改动。" :
                  "校验码不一致：成绩单上的姓名、日期、作答记录或校验码与计算结果不符，可能被改动或抄写有误。"]),
            ];
          }
        }
        output.replaceChildren.apply(output, message);
      });
      verifyBox.replaceChildren(
        el("h2", { id: "hb-verify-heading", text: "核对成绩单" }),
        el("p", { text: "培训师按成绩单逐项填写，点“核对”：本页按同一版本的题库重新抽题、评分并计算校验码。" }),
        form, output);
    }

    this.start = function () {
      verifier();
      intro();
      document.documentElement.setAttribute("data-hb-assessment", "ready");
    };
  }

  window.HandbookAssessment = {
    draw: draw, optionOrder: optionOrder, score: score, record: record, parseRecord: parseRecord, verificationCode: verificationCode, sha256: sha256,
  };

  function start() {
    var container = document.getElementById("hb-assessment");
    if (!container) return;
    var data = readData();
    if (!data) {
      container.replaceChildren(el("p", { "class": "hb-error", text: "结业测验的题库没有随页面生成，暂时无法测验。请联系培训技术组。" }));
      return;
    }
    var root = new URL("../../", script ? script.src : window.location.href);
    new App(container, document.getElementById("hb-verify"), data, root).start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
