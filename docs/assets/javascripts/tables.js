// Tables arrive wrapped for sideways scrolling from the build (hooks/handbook/outputs/tables.py),
// in the same two <div>s as Material's bundle would put them in after the page is parsed. Runs
// just before the bundle (overrides/main.html): Material finds the tables to wrap with the selector
// below; this makes it skip a table that is already wrapped, so it is not wrapped twice. Any other
// table without a class (none today) is still wrapped by Material, as before.
(function () {
  var SELECTOR = "table:not([class])";  // Material 9.8.2, components/content (hooks/handbook/upstream.py)
  var UNWRAPPED = "table:not([class]):not(.md-typeset__table > table)";
  var query = Element.prototype.querySelectorAll;
  Element.prototype.querySelectorAll = function (selector) {
    return query.call(this, selector === SELECTOR ? UNWRAPPED : selector);
  };
})();
