// The light/dark toggle in the header, in place of Material's palette component. Written into every
// page right after the toggle (overrides/partials/javascripts/palette.html, by hooks/palette.py), so it
// runs while the header is parsed, before any of the page content exists. Material's component did
// the same work after the whole page was parsed: setting the colour attributes on <body> then made
// the browser recompute the style of every element of the page (twice, about 0.3 s on a long module
// page on a mid-range phone). Same behaviour otherwise: the choice is stored under Material's key
// (__palette), a first visit follows the system setting, the toggle button appears when the page has
// been parsed, Enter on it switches, and the browser's theme-color and color-scheme follow the header.
(function () {
  var form = document.querySelector("[data-hb-palette]");
  if (!form) return;
  var inputs = [].slice.call(form.querySelectorAll("input"));
  var body = document.body;
  var header = document.querySelector("[data-md-component=header]");
  var theme = document.createElement("meta"), scheme = document.createElement("meta");
  theme.name = "theme-color";
  scheme.name = "color-scheme";
  document.head.appendChild(theme);
  document.head.appendChild(scheme);
  var current;

  function colors(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    return color;
  }

  // The palette at index (Material's watchPalette and push$, in one step).
  function apply(index) {
    var palette = { index: index, color: colors(inputs[index]) };
    if (palette.color.media === "(prefers-color-scheme)") {  // "follow the system" option
      var system = form.querySelector(matchMedia("(prefers-color-scheme: light)").matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']");
      var resolved = colors(system);
      palette.color.scheme = resolved.scheme;
      palette.color.primary = resolved.primary;
      palette.color.accent = resolved.accent;
    }
    Object.keys(palette.color).forEach(function (key) {
      body.setAttribute("data-md-color-" + key, palette.color[key]);
    });
    __md_set("__palette", palette);
    current = palette;
  }

  function showToggle() {  // the toggle button for the palette in force
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = current.index !== i;
    });
  }

  function follow() {  // the browser's UI colours follow the header (read only when asked)
    var style = getComputedStyle(header);
    scheme.content = style.colorScheme;
    theme.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join("");
  }

  // A switch by the learner: no colour transitions while the new colours are applied.
  function change(index) {
    body.setAttribute("data-md-color-switching", "");
    apply(index);
    showToggle();
    follow();
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }

  function stored() {
    var palette = __md_get("__palette");
    var index = palette ? palette.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(0, Math.min(index, inputs.length - 1));
  }

  apply(stored());
  // Read now, the header's colours cost little: little of the page exists yet (the style sheets,
  // which they need, are loaded: the browser runs this script only then).
  follow();
  // The button appears once the whole header is there (when Material's component showed it): shown
  // now, it could be drawn before the search button after it is parsed, which then pushes it aside.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showToggle, { once: true });
  else showToggle();

  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { change(i); });
  });
  form.addEventListener("keydown", function (event) {  // Enter switches, like Space (see Material)
    if (event.key !== "Enter") return;
    var next = inputs[(current.index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // A change of the system setting re-applies the stored palette ("follow the system" option).
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
    change(stored());
  });
})();
