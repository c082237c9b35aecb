// Holds back the download of the search index (search/search_index.json, about 220 KB gzip) until
// the learner opens the search. Material's bundle requests it on every page load and parses it on
// the main thread; this runs just before the bundle (overrides/main.html) and sends that request
// only when the search toggle is switched on or the search field gets the focus (magnifier, click
// into the field, keyboard shortcuts, ?q= links), or at once when the page was opened from a search
// result (?h=: the words to highlight need the index). Same index, same results.
(function () {
  var proto = XMLHttpRequest.prototype, open = proto.open, send = proto.send;
  proto.open = function (method, url) {
    this.hbHeld = /\/search\/search_index\.json$/.test(String(url)) && !/[?&]h=/.test(location.search);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var request = this, args = arguments, toggle = document.getElementById("__search");
    if (!request.hbHeld || !toggle) return send.apply(request, args);
    function release() {
      if (request.hbSent) return;
      request.hbSent = true;
      send.apply(request, args);
    }
    if (toggle.checked) return release();
    toggle.addEventListener("change", function () { if (toggle.checked) release(); });
    var field = document.querySelector(".md-search__input");
    if (field) field.addEventListener("focus", release, { once: true });
  };
})();
