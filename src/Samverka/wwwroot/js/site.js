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

  // Ask before destructive actions; the server still requires its own confirmation step where it matters.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
});
