// Glossary terms (abbr.hb-term, written by hooks/tooltips.py) show their definition in a tooltip on
// hover, on keyboard focus and on a tap (phones). One tooltip element and three listeners on the
// document serve every term of the page, created on first use: Material's own tooltips
// (content.tooltips) set up event streams for every element with a title when the page loads,
// which cost about half a second of main-thread time on a long module page of a throttled phone.
(function () {
  "use strict";
  var tip = null;
  var host = null;

  function termOf(node) {
    return node && node.closest ? node.closest("abbr.hb-term") : null;
  }

  function place() {
    var box = host.getBoundingClientRect();
    var width = tip.offsetWidth;
    var page = document.documentElement.clientWidth;
    var left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), page - width - 8);
    tip.style.left = Math.round(left + window.scrollX) + "px";
    tip.style.top = Math.round(box.bottom + window.scrollY + 8) + "px";
  }

  function show(term) {
    if (term === host) return;
    hide();
    var text = term.getAttribute("title");
    if (!text) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "hb-tooltip";
      tip.className = "hb-tooltip md-typeset";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    host = term;
    // While the tooltip shows, the title moves aside so the browser does not show it a second time.
    term.setAttribute("data-hb-title", text);
    term.removeAttribute("title");
    term.setAttribute("aria-describedby", tip.id);
    tip.textContent = text;
    tip.hidden = false;
    place();
  }

  function hide() {
    if (!host) return;
    host.setAttribute("title", host.getAttribute("data-hb-title"));
    host.removeAttribute("data-hb-title");
    host.removeAttribute("aria-describedby");
    host = null;
    tip.hidden = true;
  }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
    else if (host && !(tip.contains(event.target))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
    else hide();
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (term) show(term); // a tap on a phone
    else if (!(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", function () {
    if (host) place();
  });
})();
