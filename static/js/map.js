/*
 * The map on a tile server's background: loaded only when MAP_TILE_URL is configured.
 * Without it (the default) the server-drawn SVG map stands alone and no other host is
 * contacted. The points come from the non-executable JSON data island "map-points".
 */
(function () {
  "use strict";

  var container = document.getElementById("map-tiles");
  var data = document.getElementById("map-points");
  if (!container || !data || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var points = JSON.parse(data.textContent);

  container.hidden = false;
  var drawing = document.querySelector(".map-svg");
  if (drawing) {
    drawing.classList.add("map-svg--replaced");
  }

  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tileUrl, {
    attribution: container.dataset.attribution || "",
    maxZoom: 18,
  }).addTo(map);

  var bounds = [];
  points.forEach(function (point) {
    var marker = L.marker([point.lat, point.lon], {
      icon: L.divIcon({
        className: "map-marker map-marker--" + point.kind,
        html: '<span class="map-marker__shape"></span>',
        iconSize: [18, 18],
      }),
      title: point.name + " (" + point.kindLabel + ")",
      alt: point.name,
      keyboard: true,
    });
    // Built as elements, not HTML strings: names are data, never markup.
    var popup = document.createElement("p");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    popup.appendChild(link);
    popup.appendChild(document.createTextNode(" (" + point.kindLabel + ")"));
    marker.bindPopup(popup).addTo(map);
    if (point.inside) {
      bounds.push([point.lat, point.lon]);
    }
  });
  if (bounds.length) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
  } else {
    map.setView([52.25, 6.8], 9);
  }
})();
