// A text box above each long checkbox list narrows the choices shown as you type, and a
// link past a long list spares a keyboard user a Tab for each of its choices.
// Django puts the widget's class on each checkbox as well, so only the container is taken.
const LONG_LIST = 30;

document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-filter-hint]");
  if (!form) return;
  const { filterHint: hint = "", skipText = "" } = form.dataset;
  document.querySelectorAll("div.contact-filter-choices").forEach((list, index) => {
    const search = document.createElement("input");
    search.type = "search";
    search.className = "contact-filter-search";
    const legend = list.closest("fieldset")?.querySelector("legend");
    search.placeholder = hint;
    search.setAttribute("aria-label", legend ? `${legend.textContent.trim()}: ${hint}` : hint);
    search.addEventListener("input", () => {
      const needle = search.value.trim().toLocaleLowerCase();
      for (const item of list.querySelectorAll("label")) {
        const row = item.closest("div") || item;
        row.hidden = needle !== "" && !item.textContent.toLocaleLowerCase().includes(needle);
      }
    });
    // Enter narrows (as typing does); it must not send the form, which would download.
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
    list.before(search);
    if (list.querySelectorAll("input[type=checkbox]").length > LONG_LIST) {
      const after = document.createElement("span");
      after.id = `contact-filter-after-${index}`;
      after.tabIndex = -1;
      list.after(after);
      const skip = document.createElement("a");
      skip.href = `#${after.id}`;
      skip.className = "contact-filter-skip";
      skip.textContent = skipText;
      list.before(skip);
    }
  });
  // Enter in the list's name saves the list, as its button beside it does.
  const listName = form.querySelector("#id_list_name");
  listName?.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      form.querySelector("input[name=save_list]").click();
    }
  });
});
