// Progressive enhancement only: every flow works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong first.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // A link in the error summary focuses its field with the field's label (or legend) and hint in view: the
  // browser on its own scrolls the input to the top, which hides what the person needs to read to fix it.
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (e) {
      var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!target) { return; }
      var container = target.closest("fieldset") || target.closest(".field") || target;
      e.preventDefault();
      container.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
  });

  // Ask before destructive actions; the server still requires its own confirmation step where it matters.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
});
