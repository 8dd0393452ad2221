/* Analyse: after a choice, the address bar shows the new table's URL without a reload
   (history.replaceState: no new history entry, as on the Carte), and the header's links (the
   other language, the other pages) carry the new view as a reload of that URL would write them.
   Those links are drawn once by the page and never by a callback, so React does not rewrite them. */
window.dash_clientside = Object.assign({}, window.dash_clientside);
window.dash_clientside.phare = Object.assign({}, window.dash_clientside.phare, {
  followAnalyse: function (address) {
    if (!address || !address.href) {
      return window.dash_clientside.no_update;
    }
    window.history.replaceState(null, "", address.href);
    var language = document.querySelector(".page-header .language-switch");
    if (language && address.language) {
      language.setAttribute("href", address.language);
    }
    var links = document.querySelectorAll(".page-header .app-nav a");
    (address.navigation || []).forEach(function (href, index) {
      if (links[index]) {
        links[index].setAttribute("href", href);
      }
    });
    return window.dash_clientside.no_update;
  },
});
