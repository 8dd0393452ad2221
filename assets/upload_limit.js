/* Files over the upload limit: tell the visitor. dcc.Upload (react-dropzone) drops a file over
   its max_size in the browser without a word: no callback fires (plotly/dash#2638). When a file
   is chosen or dropped on an upload zone, the element made for it beside the zone
   ([data-upload-for=<the Upload's id>], role=alert, dashboard/pages/carte.py) shows its
   data-message with the file's name and size filled in; an acceptable file clears it. No
   callback writes that element, so React leaves its text alone. Listeners sit on the document
   (capture phase: before react-dropzone handles the event), so they survive Dash's re-renders.
   The name goes in as text, never as markup. */
(function () {
  "use strict";

  function alertFor(zone) {
    var owner = zone.closest("[id]");
    if (!owner) return null;
    return document.querySelector('[data-upload-for="' + CSS.escape(owner.id) + '"]');
  }

  // As dashboard/text/numbers.py format_size: the limit's multiple, tenths rounded up, so that a
  // file over the limit never reads as the limit itself.
  function sizeText(bytes, alert) {
    var tenths = Math.ceil((bytes * 10) / Number(alert.dataset.unitBytes));
    var format = new Intl.NumberFormat(alert.dataset.locale, { maximumFractionDigits: 1 });
    return format.format(tenths / 10) + "\u00a0" + alert.dataset.unit;
  }

  function check(zone, files) {
    var alert = zone && alertFor(zone);
    if (!alert || !files || !files.length) return;
    var limit = Number(alert.dataset.limit);
    var heavy = Array.prototype.find.call(files, function (file) {
      return file.size > limit; // react-dropzone refuses size > maxSize
    });
    if (!heavy) {
      alert.textContent = "";
      return;
    }
    var fields = { file: heavy.name, size: sizeText(heavy.size, alert) };
    alert.textContent = alert.dataset.message.replace(/\{(file|size)\}/g, function (_, key) {
      return fields[key];
    });
  }

  document.addEventListener(
    "change",
    function (event) {
      var input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
      check(input.closest(".upload-zone"), input.files);
    },
    true
  );

  document.addEventListener(
    "drop",
    function (event) {
      var zone = event.target.closest && event.target.closest(".upload-zone");
      if (zone && event.dataTransfer) check(zone, event.dataTransfer.files);
    },
    true
  );
})();
