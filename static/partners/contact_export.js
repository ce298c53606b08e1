// A text box above each long checkbox list narrows the choices shown as you type.
// Django puts the widget's class on each checkbox as well, so only the container is taken.
document.addEventListener("DOMContentLoaded", () => {
  for (const list of document.querySelectorAll("div.contact-filter-choices")) {
    const search = document.createElement("input");
    search.type = "search";
    search.className = "contact-filter-search";
    const legend = list.closest("fieldset")?.querySelector("legend");
    const hint = list.closest("form")?.dataset.filterHint || "";
    search.placeholder = hint;
    search.setAttribute("aria-label", legend ? `${legend.textContent.trim()}: ${hint}` : hint);
    search.addEventListener("input", () => {
      const needle = search.value.trim().toLocaleLowerCase();
      for (const item of list.querySelectorAll("label")) {
        const row = item.closest("div") || item;
        row.hidden = needle !== "" && !item.textContent.toLocaleLowerCase().includes(needle);
      }
    });
    list.before(search);
  }
});
