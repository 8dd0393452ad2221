/* Embed mode (?embed=1): tell the page that frames us how tall we are, and open links in a new
   tab. The height message carries a number only; the embed code's receiver checks our origin
   and its frame before using it (dashboard/views/sharing.py). Outside an embed view this does
   nothing. */
(function () {
  "use strict";
  var MESSAGE = "phare-embed-height";
  var framed = window.parent !== window;
  var lastHeight = 0;

  function embedView() {
    return document.querySelector(".embed-view");
  }

  function postHeight() {
    var view = embedView();
    if (!framed || !view) return;
    var height = Math.ceil(view.getBoundingClientRect().height);
    if (height === lastHeight || height === 0) return;
    lastHeight = height;
    window.parent.postMessage({ type: MESSAGE, height: height }, "*");
  }

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || !embedView() || link.hasAttribute("download")) return;
      link.target = "_blank";
      link.rel = "noopener";
    },
    true
  );

  if (framed && "ResizeObserver" in window) {
    var observer = new ResizeObserver(postHeight);
    var watch = function () {
      var view = embedView();
      if (view) {
        observer.observe(view);
        postHeight();
      } else {
        window.setTimeout(watch, 200);
      }
    };
    watch();
  }
})();
