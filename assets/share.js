/* The share bar's copy buttons: put a text on the clipboard and say so (the status is
   announced by screen readers). The Clipboard API needs a secure context (https or localhost);
   elsewhere the text goes through a selected, invisible text area and the copy command. */
window.dash_clientside = Object.assign({}, window.dash_clientside);
window.dash_clientside.phare = Object.assign({}, window.dash_clientside.phare, {
  copy: function (clicks, text, copiedLabel) {
    if (!clicks || !text) {
      return window.dash_clientside.no_update;
    }
    var said = copiedLabel || "";
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return said; });
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? said : "";
  },
});
