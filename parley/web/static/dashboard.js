// parley dashboard: draws the chart and the map from the JSON blocks a page carries.
// Every label is set as text (textContent), never as HTML: labels come from news articles.
(function () {
  "use strict";
  var QUAD_COLOURS = {VERBAL_COOPERATION: "#4a8fd6", MATERIAL_COOPERATION: "#2f9e6e",
                      VERBAL_CONFLICT: "#e0a100", MATERIAL_CONFLICT: "#d1423f"};
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  var chart = data("chart-data");
  var canvas = document.getElementById("chart");
  if (chart && canvas && window.Chart) {
    var datasets = Object.keys(chart.series).map(function (quad) {
      return {label: quad.replace("_", " ").toLowerCase(), data: chart.series[quad], backgroundColor: QUAD_COLOURS[quad]};
    });
    new window.Chart(canvas, {type: "bar", data: {labels: chart.labels, datasets: datasets},
      options: {animation: false, maintainAspectRatio: false, responsive: true,
                scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}},
                plugins: {legend: {position: "bottom"}}}});
  }

  // a ring that crosses the antimeridian (Russia's east, Fiji) would be drawn across the whole map: keep it east
  function unwrap(geometry) {
    if (!geometry) { return; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        var lons = ring.map(function (c) { return c[0]; });
        if (Math.max.apply(null, lons) - Math.min.apply(null, lons) > 180) {
          ring.forEach(function (c) { if (c[0] < 0) { c[0] += 360; } });
        }
      });
    });
  }

  var points = data("map-data");
  var mapEl = document.getElementById("map");
  if (points && mapEl && window.L) {
    var map = window.L.map(mapEl, {worldCopyJump: true, attributionControl: true}).setView([25, 20], 2);
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth");
    fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
      var land = window.topojson.feature(topo, topo.objects.countries);
      land.features.forEach(function (f) { unwrap(f.geometry); });
      window.L.geoJSON(land, {style: {color: "#9aa8b8", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1}}).addTo(map).bringToBack();
    });
    // precision 1 (the town itself): small solid dot; 2 (near a town, a district): larger; 3 (region, country): a wide hollow ring
    var STYLE = {1: {radius: 5, fillOpacity: 0.9, color: "#d1423f", weight: 1},
                 2: {radius: 9, fillOpacity: 0.5, color: "#e07b39", weight: 1},
                 3: {radius: 16, fillOpacity: 0.08, color: "#8a6bbf", weight: 2, dashArray: "3 3"}};
    var bounds = [];
    points.forEach(function (p) {
      var style = STYLE[p.precision] || STYLE[3];
      var marker = window.L.circleMarker([p.lat, p.lon], Object.assign({fillColor: style.color}, style)).addTo(map);
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = "/events/" + encodeURIComponent(p.id);
      link.textContent = p.label;
      popup.appendChild(link);
      var note = document.createElement("div");
      note.textContent = "location precision " + (p.precision || "unknown");
      popup.appendChild(note);
      marker.bindPopup(popup);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, {padding: [30, 30], maxZoom: 5}); }
  }
})();
