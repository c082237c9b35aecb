// 我的学习进度: export every answer and final-assessment result of this browser to a file, and
// import such a file in another browser (HandbookState in handbook-state.js does the work). An
// invalid or foreign file is refused with a message and changes nothing.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : window.location.href);
  var MAX_BYTES = 1024 * 1024;

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

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function render(box, data) {
    var State = window.HandbookState;
    var message = el("div", { id: "hb-transfer-message", role: "status" });
    function say(text, kind) {
      message.replaceChildren(el("p", { "class": kind === "error" ? "hb-error" : "hb-ok" }, [
        el("span", { "aria-hidden": "true", text: kind === "error" ? "✗ " : "✓ " }), text]));
    }

    var exportButton = el("button", { type: "button", "class": "md-button", id: "hb-export", text: "导出学习记录" });
    exportButton.addEventListener("click", function () {
      var snapshot = State.collect(data, root);
      snapshot.exportedAt = new Date().toISOString();
      snapshot.site = document.title.split(" - ").pop();
      var blob = new Blob([JSON.stringify(snapshot, null, 1)], { type: "application/json" });
      var link = el("a", { href: URL.createObjectURL(blob), download: "学习记录-" + today() + ".json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      var n = State.counts(snapshot);
      say("已导出：自测题 " + n.answered + " 题，结业测验 " + n.attempts + " 次。请妥善保存文件。", "ok");
    });

    var fileInput = el("input", { type: "file", id: "hb-import-file", accept: ".json,application/json" });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      if (file.size > MAX_BYTES) {
        say("文件太大（超过 1 MB），不是本手册导出的学习记录。没有做任何更改。", "error");
        fileInput.value = "";
        return;
      }
      file.text().then(function (text) {
        fileInput.value = "";
        var snapshot;
        try {
          snapshot = JSON.parse(text);
        } catch (e) {
          say("无法读取这个文件：它不是有效的学习记录（JSON 格式错误）。没有做任何更改。", "error");
          return;
        }
        var problem = State.problem(data, snapshot);
        if (problem) {
          say(problem, "error");
          return;
        }
        var n = State.counts(snapshot);
        if (!window.confirm("导入会用文件中的记录（自测题 " + n.answered + " 题，结业测验 " + n.attempts +
          " 次）替换本浏览器中的全部学习记录。确定导入吗？")) {
          say("已取消导入，没有做任何更改。", "ok");
          return;
        }
        try {
          State.apply(data, root, snapshot);
        } catch (e) {
          say("浏览器不允许保存学习记录（存储已满或被禁用），导入失败。", "error");
          return;
        }
        say("导入完成：自测题 " + n.answered + " 题，结业测验 " + n.attempts + " 次。", "ok");
        window.dispatchEvent(new StorageEvent("storage")); // progress.js redraws the tables
      });
    });

    box.replaceChildren(
      el("p", { text: "把本浏览器中的全部作答和结业测验成绩导出成一个文件，换电脑或换浏览器时再导入，进度就不会丢失。" +
        "导入会替换当前浏览器中的记录。" }),
      el("p", {}, [exportButton]),
      el("p", { "class": "hb-field" }, [el("label", { "for": "hb-import-file", text: "导入学习记录文件" }), fileInput]),
      message
    );
  }

  // The page carries its data (outputs/progress.py inline_script); fetch it only if it does not.
  function loadData() {
    var inline = document.getElementById("hb-progress-data");
    if (inline) {
      try {
        return Promise.resolve(JSON.parse(inline.textContent));
      } catch (e) { /* fall back to the file */ }
    }
    return fetch(new URL("assets/progress-data.json", root).href, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function start() {
    var box = document.getElementById("hb-transfer");
    if (!box || !window.HandbookState) return;
    loadData()
      .then(function (data) {
        render(box, data);
        document.documentElement.setAttribute("data-hb-transfer", "ready");
      })
      .catch(function () {
        box.replaceChildren(el("p", { "class": "hb-error", text: "无法读取课程数据，暂时不能导出或导入学习记录。" }));
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
