// Progressive enhancement only: every flow works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong first.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // Ask before destructive actions; the server still requires its own confirmation step where it matters.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
});
