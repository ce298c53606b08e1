/* Accessibility touches for the portal's admin forms (loaded with every PortalAdmin).
 *
 * - modeltranslation's language switch beside the title gets an accessible name.
 * - Inputs in tabular inlines are named after their column heading, and the
 *   autocomplete (select2) boxes after their field, since neither has a <label>.
 *
 * Runs once modeltranslation and select2 have built their widgets, and again for each
 * inline row added.
 */
(function () {
  "use strict";

  function labelFor(element) {
    if (element.getAttribute("aria-label")) {
      return element.getAttribute("aria-label");
    }
    var label = element.id && document.querySelector("label[for='" + element.id + "']");
    return label ? label.textContent.trim().replace(/:$/, "") : "";
  }

  function nameTabularInputs(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      // Cells, and the per-language boxes modeltranslation puts inside a cell.
      table.querySelectorAll("tbody td, tbody td [class^='field-']").forEach(function (cell) {
        var heading = null;
        cell.classList.forEach(function (name) {
          if (name.indexOf("field-") === 0) {
            heading = table.querySelector("thead th.column-" + name.slice(6));
          }
        });
        if (cell.classList.contains("delete")) {
          heading = table.querySelector("thead th:last-child");
        }
        if (!heading) {
          return;
        }
        var text = heading.textContent.trim();
        cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
          if (text && !labelFor(field)) {
            field.setAttribute("aria-label", text);
          }
        });
      });
    });
  }

  function nameAutocompleteBoxes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      var text = labelFor(select);
      if (!container || !text) {
        return;
      }
      container.querySelectorAll(
        ".select2-selection[role=combobox], .select2-selection__rendered[role=textbox], .select2-search__field"
      ).forEach(function (box) {
        box.setAttribute("aria-label", text);
      });
    });
  }

  function improve(root) {
    var mainSwitch = document.getElementById("modeltranslation-main-switch");
    // The name comes translated from the change form (#translation-switch-label).
    if (mainSwitch && document.getElementById("translation-switch-label")) {
      mainSwitch.setAttribute("aria-labelledby", "translation-switch-label");
    }
    nameTabularInputs(root);
    nameAutocompleteBoxes(root);
  }

  window.addEventListener("load", function () {
    // jQuery runs its ready handlers asynchronously, so "load" can come before the tabs
    // exist; queued now, this runs after modeltranslation's own ready handler.
    var jQuery = window.django && window.django.jQuery;
    if (jQuery) {
      jQuery(function () { improve(document); });
    } else {
      improve(document);
    }
  });
  document.addEventListener("formset:added", function () {
    window.setTimeout(function () { improve(document); }, 0);
  });
})();
