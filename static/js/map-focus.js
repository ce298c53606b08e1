// A municipality's shape is drawn under the shapes after it and under the markers, which
// hid most of its focus outline (Almelo's entirely, at 375 px). The focused shape's
// outline is drawn once more on top of the whole drawing, where nothing covers it.
document.addEventListener("DOMContentLoaded", () => {
  const drawing = document.querySelector("svg.map-svg");
  if (!drawing) return;
  const ring = document.createElementNS("http://www.w3.org/2000/svg", "path");
  ring.setAttribute("class", "map-focus-ring");
  ring.setAttribute("aria-hidden", "true");
  drawing.append(ring);
  drawing.addEventListener("focusin", (event) => {
    const shape = event.target.closest("a.map-area")?.querySelector(".map-area__shape");
    ring.setAttribute("d", shape && event.target.matches(":focus-visible") ? shape.getAttribute("d") : "");
  });
  drawing.addEventListener("focusout", () => ring.setAttribute("d", ""));
});
