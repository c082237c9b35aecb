// 我的学习进度: reads the answers mkdocs-quiz keeps in localStorage for every quiz
// page listed in assets/progress-data.json (generated at build time) and shows
// progress per module and case, links to unfinished parts, a reset, and a
// printable training record (培训记录). No server: everything stays in the browser.
//
// The build (hooks/progress_data.py) writes this script and the data into the progress page itself,
// right after #hb-record, with data-root="<the site root, relative>": it runs while the page is parsed
// and fills in the tables before the page is first drawn (nothing below jumps down). Loaded as a file
// instead, it fetches the data and runs once the page is parsed.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = script && script.hasAttribute("data-root")
    ? new URL(script.getAttribute("data-root") || "./", window.location.href)
    : new URL("../../", script ? script.src : window.location.href); // assets/javascripts/ -> site root

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function storageKey(data, page) {
    return data.storagePrefix + new URL(page.url, root).pathname;
  }

  function readAnswers(key) {
    try {
      var parsed = JSON.parse(window.localStorage.getItem(key) || "{}");
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    } catch (e) {
      return {}; // damaged entry: count nothing (the quiz page cleans it up)
    }
  }

  function pageResult(data, page) {
    var answers = readAnswers(storageKey(data, page));
    var answered = 0;
    var correct = 0;
    page.quizIds.forEach(function (id) {
      var entry = answers[id];
      if (entry && typeof entry === "object" && entry.answered === true) {
        answered += 1;
        if (entry.correct === true) correct += 1;
      }
    });
    return { page: page, total: page.questions, answered: answered, correct: correct };
  }

  function percent(part, whole) {
    return whole > 0 ? Math.round((part / whole) * 100) : 0;
  }

  function pageLink(result, anchor) {
    var href = new URL(result.page.url, root).href + (anchor ? "#" + encodeURIComponent(result.page.anchor) : "");
    return el("a", { href: href, text: result.page.title });
  }

  function status(result) {
    if (result.answered === result.total) return "已完成";
    return result.answered > 0 ? "进行中" : "未开始";
  }

  function progressBar(value, label) {
    return el("progress", { max: "100", value: String(value), "aria-label": label, text: value + "%" });
  }

  function groupTable(group, results) {
    var head = el("tr", {}, ["名称", "题数", "已答", "答对", "正确率", "完成度", "状态"].map(function (title) {
      return el("th", { scope: "col", text: title });
    }));
    var rows = results.map(function (r) {
      var done = percent(r.answered, r.total);
      return el("tr", { "data-page": r.page.path, "class": r.answered === r.total ? "hb-done" : "" }, [
        el("th", { scope: "row" }, [pageLink(r, false)]),
        el("td", { "class": "hb-num", "data-field": "questions", text: String(r.total) }),
        el("td", { "class": "hb-num", "data-field": "answered", text: String(r.answered) }),
        el("td", { "class": "hb-num", "data-field": "correct", text: String(r.correct) }),
        el("td", { "class": "hb-num", "data-field": "accuracy", text: r.answered ? percent(r.correct, r.answered) + "%" : "—" }),
        el("td", { "data-field": "completion" }, [progressBar(done, r.page.title + " 完成度"), " " + done + "%"]),
        el("td", { "data-field": "status", text: status(r) }),
      ]);
    });
    return el("div", { "class": "hb-table-wrap" }, [
      el("table", { "class": "hb-data-table hb-progress-table", "data-group": group.kind, tabindex: "0" }, [
        el("caption", { text: group.label }),
        el("thead", {}, [head]),
        el("tbody", {}, rows),
      ]),
    ]);
  }

  function totals(results) {
    return results.reduce(function (sum, r) {
      return { total: sum.total + r.total, answered: sum.answered + r.answered, correct: sum.correct + r.correct };
    }, { total: 0, answered: 0, correct: 0 });
  }

  function renderProgress(container, data, results, rerender) {
    var all = totals(results);
    var done = percent(all.answered, all.total);
    var summary = el("div", { "class": "hb-summary", id: "hb-summary" }, [
      el("p", {}, [
        "总体完成度：",
        el("strong", { "data-field": "overall", text: done + "%" }),
        "（已答 ",
        el("span", { "data-field": "answered", text: String(all.answered) }),
        " / 共 ",
        el("span", { "data-field": "total", text: String(all.total) }),
        " 题，答对 ",
        el("span", { "data-field": "correct", text: String(all.correct) }),
        " 题，正确率 " + (all.answered ? percent(all.correct, all.answered) + "%" : "—") + "）",
      ]),
      progressBar(done, "总体完成度"),
    ]);

    var parts = [summary];
    data.groups.forEach(function (group) {
      var groupResults = results.filter(function (r) { return r.page.kind === group.kind; });
      if (groupResults.length) parts.push(groupTable(group, groupResults));
    });

    var unfinished = results.filter(function (r) { return r.answered < r.total; });
    parts.push(el("h2", { id: "hb-unfinished", text: "尚未完成的部分" }));
    if (unfinished.length) {
      parts.push(el("ul", { "class": "hb-unfinished" }, unfinished.map(function (r) {
        return el("li", {}, [pageLink(r, true), "：还有 " + (r.total - r.answered) + " 题未答"]);
      })));
    } else {
      parts.push(el("p", { "class": "hb-all-done", text: "全部自测题都已作答。可以在下方打印培训记录。" }));
    }

    var reset = el("button", { type: "button", "class": "md-button", id: "hb-reset", text: "清除全部自测题进度" });
    reset.addEventListener("click", function () {
      if (!window.confirm("确定要清除本浏览器中所有模块和案例的自测题进度吗？此操作无法撤销。")) return;
      data.pages.forEach(function (page) {
        try { window.localStorage.removeItem(storageKey(data, page)); } catch (e) { /* storage unavailable */ }
      });
      rerender();
    });
    parts.push(el("p", {}, [reset]));

    container.replaceChildren.apply(container, parts);
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function renderRecord(form, record, data, results) {
    var saved = "";
    try { saved = window.localStorage.getItem(data.nameKey) || ""; } catch (e) { /* ignore */ }
    var nameInput = el("input", { type: "text", "class": "hb-input", id: "hb-trainee-name", autocomplete: "name", maxlength: "40" });
    nameInput.value = saved;
    var dateInput = el("input", { type: "date", "class": "hb-input", id: "hb-record-date" });
    dateInput.value = today();
    var print = el("button", { type: "button", "class": "md-button md-button--primary", id: "hb-print", text: "打印培训记录" });

    var nameOut = el("span", { "class": "hb-fill", id: "hb-record-name" });
    var dateOut = el("span", { "class": "hb-fill", id: "hb-record-date-out" });
    function sync() {
      nameOut.textContent = nameInput.value.trim() || "\u00a0";
      dateOut.textContent = dateInput.value || "\u00a0";
      try { window.localStorage.setItem(data.nameKey, nameInput.value.trim()); } catch (e) { /* ignore */ }
    }
    nameInput.addEventListener("input", sync);
    dateInput.addEventListener("input", sync);
    print.addEventListener("click", function () { sync(); window.print(); });

    form.replaceChildren(
      el("p", { "class": "hb-field" }, [el("label", { "for": "hb-trainee-name", text: "学员姓名" }), nameInput]),
      el("p", { "class": "hb-field" }, [el("label", { "for": "hb-record-date", text: "记录日期" }), dateInput]),
      el("p", {}, [print])
    );

    var rows = results.map(function (r) {
      return el("tr", {}, [
        el("th", { scope: "row", text: r.page.title }),
        el("td", { "class": "hb-num", text: r.page.hours ? String(r.page.hours) : "—" }),
        el("td", { "class": "hb-num", text: r.answered + " / " + r.total }),
        el("td", { "class": "hb-num", text: String(r.correct) }),
        el("td", { "class": "hb-num", text: r.answered ? percent(r.correct, r.answered) + "%" : "—" }),
        el("td", { text: status(r) }),
      ]);
    });
    var all = totals(results);
    record.replaceChildren(
      el("h3", { "class": "hb-sheet-title", text: "培训记录" }),
      el("p", { "class": "hb-sheet-site", text: document.title.split(" - ").pop() }),
      el("p", {}, ["学员姓名：", nameOut, "\u3000日期：", dateOut]),
      el("table", { "class": "hb-data-table" }, [
        el("thead", {}, [el("tr", {}, ["模块 / 案例", "学时", "已答 / 题数", "答对", "正确率", "状态"].map(function (t) {
          return el("th", { scope: "col", text: t });
        }))]),
        el("tbody", {}, rows),
      ]),
      el("p", {}, ["合计：已答 " + all.answered + " / " + all.total + " 题，答对 " + all.correct + " 题，总体完成度 " +
        percent(all.answered, all.total) + "%。"]),
      el("p", { "class": "hb-sheet-note", text: "说明：成绩来自学员本人浏览器中保存的自测题记录，仅作培训过程记录，不作为考核结论。" }),
      el("div", { "class": "hb-signatures" }, [
        el("p", {}, ["学员签名：", el("span", { "class": "hb-line" }), "\u3000日期：", el("span", { "class": "hb-line hb-line--short" })]),
        el("p", {}, ["培训师签名：", el("span", { "class": "hb-line" }), "\u3000日期：", el("span", { "class": "hb-line hb-line--short" })]),
      ])
    );
    sync();
  }

  function start() {
    var container = document.getElementById("hb-progress");
    var form = document.getElementById("hb-record-form");
    var record = document.getElementById("hb-record");
    if (!container) return;

    function show(data) {
      function render() {
        var results = data.pages.map(function (page) { return pageResult(data, page); });
        renderProgress(container, data, results, render);
        if (form && record) renderRecord(form, record, data, results);
        document.documentElement.setAttribute("data-hb-progress", "ready");
      }
      render();
      window.addEventListener("storage", render); // answers given in another tab
    }

    function fail() {
      container.replaceChildren(el("p", { "class": "hb-error", text: "无法读取课程数据（assets/progress-data.json）。请通过网站地址打开本页，而不是直接打开本地文件。" }));
      document.documentElement.setAttribute("data-hb-progress", "error");
    }

    var inline = document.getElementById("hb-progress-data");
    if (inline) {
      try {
        show(JSON.parse(inline.textContent));
      } catch (e) {
        fail();
      }
      return;
    }
    fetch(new URL("assets/progress-data.json", root).href, { cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(show)
      .catch(fail);
  }

  // Written into the page after #hb-record, everything it fills in is there already.
  if (document.readyState === "loading" && !document.getElementById("hb-record")) {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
