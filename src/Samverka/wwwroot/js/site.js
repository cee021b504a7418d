// Progressive enhancement only: every flow works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong first.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // Search filters apply as soon as a box is ticked; the "Filter" buttons stay for everyone without JavaScript.
  // Text fields (the ages) wait for Enter or a button, so that typing "10" then moving on to "to" does not reload.
  // After the reload, focus returns to the box that was ticked, so a keyboard user carries on where they were.
  var refocus = window.sessionStorage && sessionStorage.getItem("sv-refocus");
  if (refocus) {
    sessionStorage.removeItem("sv-refocus");
    var box = document.getElementById(refocus);
    if (box) { box.focus(); }
  }
  document.querySelectorAll("form[data-auto-submit]").forEach(function (form) {
    form.addEventListener("change", function (e) {
      var target = e.target;
      if (!target.matches || !target.matches("input[type=checkbox]")) { return; }
      if (window.sessionStorage && target.id) { sessionStorage.setItem("sv-refocus", target.id); }
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });

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
