// The admin's autocomplete (Select2) names its combobox only after the chosen value, so an
// empty field has no accessible name, and its search box none at all. Each is labelled
// by the field's own label too, also when Select2 renders them anew (a choice, a new row,
// an opened dropdown).
(() => {
  function labelId(select) {
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    if (!label) return "";
    label.id ||= `${select.id}-label`;
    return label.id;
  }

  function nameAll() {
    for (const select of document.querySelectorAll("select.admin-autocomplete")) {
      const container = select.nextElementSibling;
      const id = container && container.classList.contains("select2") ? labelId(select) : "";
      if (!id) continue;
      for (const combobox of container.querySelectorAll('[role="combobox"]')) {
        const own = (combobox.getAttribute("aria-labelledby") || "").split(" ").filter((part) => part && part !== id);
        combobox.setAttribute("aria-labelledby", [id, ...own].join(" "));
        // ARIA 1.2 names an open combobox's list with aria-controls; Select2 uses aria-owns.
        const list = combobox.getAttribute("aria-owns");
        if (list) combobox.setAttribute("aria-controls", list);
      }
      // The shown choice (a read-only textbox) and the search box: named by the label alone.
      for (const field of container.querySelectorAll('[role="textbox"], .select2-search__field')) {
        field.setAttribute("aria-labelledby", id);
      }
      // A single choice's search box is in the dropdown, which opens at the end of the page.
      if (container.classList.contains("select2-container--open")) {
        for (const field of document.querySelectorAll("body > .select2-container--open .select2-search__field")) {
          field.setAttribute("aria-labelledby", id);
        }
      }
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  });
})();
