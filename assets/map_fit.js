/* The Carte's map fills its box at every width (issue 21), with assets/map_fit.css.

   The server does not know the box: its figure keeps the legend in a left margin, and a
   commune map's zoom fits the commune's area in the page's usual size (MAP_SIZE_PX, given
   by the page as data-tile-px). Here, after every drawing of the figure and whenever the box
   changes size (a window resized, a phone turned, an embed's frame resized):
   - a box narrower than SIDE_LEGEND_MIN_PX (the style sheet's container query uses the same
     number) hides the legend's annotations and shapes (named "legend",
     dashboard/figures/choropleth.py) and drops their margin, so the map takes the box's
     whole width; the text legend shows under the map instead. A wider box has them back;
   - a commune map's zoom is scaled from the server's to the drawing area's size, so the same
     area stays whole in view, until the reader moves the map themselves.
   Dash's responsive graph redraws to the box's size; a new figure from the server brings the
   legend back, so this runs again after it is drawn. */
(function () {
  "use strict";
  var SIDE_LEGEND_MIN_PX = 900;
  var LEGEND = "legend";
  var LEGEND_VAR = "--map-legend-px";

  function named(items) {
    return (items || []).filter(function (item) {
      return item.name === LEGEND;
    });
  }

  function legendUpdate(layout, show, update) {
    ["annotations", "shapes"].forEach(function (key) {
      (layout[key] || []).forEach(function (item, index) {
        if (item.name === LEGEND && (item.visible !== false) !== show) {
          update[key + "[" + index + "].visible"] = show;
        }
      });
    });
  }

  /* The legend's width as the server gave it: the margin of a figure whose legend is shown. */
  function serverLegendPx(gd, box) {
    var layout = gd.layout;
    var legend = named(layout.annotations);
    var shown = legend.length === 0 || legend.some(function (a) { return a.visible !== false; });
    if (shown) box.dataset.legendPx = String((layout.margin || {}).l || 0);
    return Number(box.dataset.legendPx || 0);
  }

  function tileUpdate(gd, box, legendPx, marginPx, update) {
    var map = gd.layout.map;
    var tiles = box.phareTiles;
    if (!map || map.zoom === undefined || !map.center || !box.dataset.tilePx) return;
    if (!tiles || tiles.revision !== gd.layout.uirevision) {
      tiles = box.phareTiles = { revision: gd.layout.uirevision, moved: false };
    }
    if (tiles.moved) return;
    var here = [map.center.lon, map.center.lat, map.zoom].join();
    if (here !== tiles.fitted) tiles.serverZoom = map.zoom; // a view from the server
    var design = box.dataset.tilePx.split(",").map(Number);
    var width = gd.clientWidth - marginPx;
    var height = gd.clientHeight;
    if (width <= 0 || height <= 0) return;
    // the box the server's zoom fits the area in (figures/tile_map.fitted_px), else its design
    var fitted = (gd.layout.meta || {}).fitPx || [design[0] - legendPx, design[1]];
    var scale = Math.min(width / fitted[0], height / fitted[1]);
    var zoom = Math.round((tiles.serverZoom + Math.log2(scale)) * 100) / 100;
    tiles.fitted = [map.center.lon, map.center.lat, zoom].join();
    // MapLibre ignores a zoom given before it has loaded: wait for it, then compare its camera
    var camera = (gd._fullLayout.map && gd._fullLayout.map._subplot || {}).map;
    if (!camera || !camera.loaded()) {
      // (``fit`` is the function below: this variable is named ``tiles`` so as not to hide it)
      if (camera) camera.once("idle", function () { fit(gd, box); });
      return;
    }
    if (Math.abs(zoom - camera.getZoom()) > 0.005) update["map.zoom"] = zoom;
  }

  function fit(gd, box) {
    if (!gd.layout || !gd._fullLayout || box.phareBusy || !box.clientWidth) return;
    var show = box.clientWidth >= SIDE_LEGEND_MIN_PX;
    var legendPx = serverLegendPx(gd, box);
    box.style.setProperty(LEGEND_VAR, legendPx + "px");
    var marginPx = show ? legendPx : 0;
    var update = {};
    legendUpdate(gd.layout, show, update);
    if (((gd.layout.margin || {}).l || 0) !== marginPx) update["margin.l"] = marginPx;
    tileUpdate(gd, box, legendPx, marginPx, update);
    if (Object.keys(update).length === 0) return;
    box.phareBusy = true;
    var done = function () {
      box.phareBusy = false;
      fit(gd, box); // the box may have changed again meanwhile: nothing to do if not
    };
    window.Plotly.relayout(gd, update).then(done, done);
  }

  function watch(gd) {
    var box = gd.closest(".map-fit");
    if (!box || gd.phareFit) return;
    gd.phareFit = true;
    gd.on("plotly_afterplot", function () { fit(gd, box); });
    // the reader's own pan or zoom (not MapLibre's camera events, which also follow a load or
    // our own zoom, late on a busy machine): from then on the reader's view is kept
    ["pointerdown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      gd.addEventListener(type, function () {
        if (box.phareTiles) box.phareTiles.moved = true;
      }, { passive: true });
    });
    if ("ResizeObserver" in window) {
      new ResizeObserver(function () { fit(gd, box); }).observe(box);
    }
    fit(gd, box);
  }

  function find() {
    var gd = document.querySelector(".map-fit #map .js-plotly-plot");
    if (gd && gd.on) watch(gd);
  }

  // the graph is drawn by Dash after this script runs, and again on each visit of the page
  new MutationObserver(find).observe(document.documentElement, { childList: true, subtree: true });
})();
