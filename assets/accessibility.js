/* Accessibility: name the file input of every dcc.Upload after the zone's visible prompt.
   dcc.Upload (react-dropzone) renders its <input type=file> with no id, label or name, and no
   prop reaches it; yet it is the keyboard's way to the file chooser (Tab, then Space), so a
   screen reader would announce an unnamed "file upload button" (axe "label", critical).
   React never sets aria-label on that input, so it is set once per input and stays. */
(function () {
  "use strict";

  function nameUploads(root) {
    var inputs = root.querySelectorAll(".upload-zone input[type=file]:not([aria-label])");
    inputs.forEach(function (input) {
      var prompt = input.closest(".upload-zone").textContent.trim();
      if (prompt) input.setAttribute("aria-label", prompt);
    });
  }

  new MutationObserver(function () {
    nameUploads(document);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
