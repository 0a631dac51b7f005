"use strict";
(function () {
  // Filters: a finding is shown when both its family and its severity are ticked.
  function apply() {
    var off = {};
    document.querySelectorAll("#filters input[data-filter]").forEach(function (box) {
      if (!box.checked) off[box.getAttribute("data-filter")] = true;
    });
    document.querySelectorAll("[data-fam]").forEach(function (el) {
      var hide = off["fam:" + el.getAttribute("data-fam")] || off["sev:" + el.getAttribute("data-sev")];
      if (el.tagName === "MARK") {
        el.classList.toggle("off", !!hide);
        if (el.id) el.tabIndex = hide ? -1 : 0;
      } else {
        el.hidden = !!hide;
      }
    });
  }
  // A jump opens the draft's section, brings the highlight to the middle of the view and focuses it.
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) return false;
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    target.scrollIntoView({block: "center"});
    target.focus({preventScroll: true});
    return true;
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("#filters input[data-filter]")) apply();
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.jump");
    if (!link) return;
    var id = link.getAttribute("href").slice(1);
    if (reveal(id)) {
      event.preventDefault();
      try { history.replaceState(null, "", "#" + id); } catch (e) { /* some viewers forbid it */ }
    }
  });
  if (location.hash.length > 1) reveal(decodeURIComponent(location.hash.slice(1)));
  apply();
})();
