// Renders Sphinx's math (\( \) inline, \[ \] displayed) with KaTeX, which the site carries
// itself (no network). The mathjax extension adds this file to the pages that have math.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".math").forEach(function (el) {
    renderMathInElement(el, {
      delimiters: [
        {left: "\\[", right: "\\]", display: true},
        {left: "\\(", right: "\\)", display: false}
      ],
      throwOnError: false,
      output: "html"
    });
  });
});
