/* Language tabs for translated fields, and accessibility touches for the portal's admin
 * forms (loaded with every PortalAdmin; no inline script, strict CSP).
 *
 * - Each translated field of a change form (title_nl, title_en, title_de) gets a tab
 *   list: <button role="tab"> per language, its form row as the role="tabpanel"
 *   (WAI-ARIA tabs pattern: arrow keys, Home and End move between the tabs, Tab goes on
 *   into the panel). A tab whose field has an error is marked, and the first such tab is
 *   opened, so a required Dutch title is never hidden behind the English tab. A tab whose
 *   translation is outdated (the Dutch text changed since) says so. A link of
 *   the error summary opens the tab of its field.
 * - Inputs in tabular inlines are named after their column heading, and the
 *   autocomplete (select2) boxes after their field, since neither has a <label>.
 *
 * Texts come translated from the change form (#translation-tabs-texts).
 */
(function () {
  "use strict";

  var FIELD_CLASS = /(?:^|\s)mt-field-(\S+)-([a-z]{2}(?:_[a-z]+)?)(?:\s|$)/;

  function labelFor(element) {
    if (element.getAttribute("aria-label")) {
      return element.getAttribute("aria-label");
    }
    var label = element.id && document.querySelector("label[for='" + element.id + "']");
    return label ? label.textContent.trim().replace(/:$/, "") : "";
  }

  function languageName(code) {
    var tag = code.replace("_", "-");
    try {
      var name = new Intl.DisplayNames([document.documentElement.lang || tag], { type: "language" }).of(tag);
      return name.charAt(0).toUpperCase() + name.slice(1);
    } catch (error) {
      return code.toUpperCase();
    }
  }

  function texts() {
    var element = document.getElementById("translation-tabs-texts");
    return {
      hasErrors: element ? element.dataset.hasErrors : "",
      outdated: element ? element.dataset.outdated : "",
      tablist: element ? element.dataset.tablist : "",
    };
  }

  // Tabs ----------------------------------------------------------------------------------

  function select(tabs, chosen, focus) {
    tabs.forEach(function (tab) {
      var selected = tab === chosen;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
    });
    if (focus) {
      chosen.focus();
    }
  }

  function onKeydown(tabs, event) {
    var index = tabs.indexOf(event.target);
    var next = null;
    if (event.key === "ArrowRight") {
      next = tabs[(index + 1) % tabs.length];
    } else if (event.key === "ArrowLeft") {
      next = tabs[(index - 1 + tabs.length) % tabs.length];
    } else if (event.key === "Home") {
      next = tabs[0];
    } else if (event.key === "End") {
      next = tabs[tabs.length - 1];
    }
    if (next) {
      event.preventDefault();
      select(tabs, next, true);
    }
  }

  function groupTranslatedRows(form) {
    // Change-form rows only: in tabular inlines every language keeps its own column.
    var groups = {};
    var order = [];
    form.querySelectorAll("fieldset .form-row .mt").forEach(function (field) {
      var match = FIELD_CLASS.exec(field.className);
      var row = field.closest(".form-row");
      if (!match || !row || field.closest(".tabular") || row.dataset.translationTab) {
        return;
      }
      var key = field.id.slice(0, field.id.length - match[2].length - 1);
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      row.dataset.translationTab = match[2];
      groups[key].push({ row: row, field: field, language: match[2] });
    });
    return order.map(function (key) { return groups[key]; });
  }

  function buildTabs(members, words) {
    var tablist = document.createElement("div");
    tablist.className = "translation-tabs";
    tablist.setAttribute("role", "tablist");
    var fieldName = labelFor(members[0].field).replace(/\s*\[[^\]]+\]$/, "");
    tablist.setAttribute("aria-label", words.tablist.replace("%(field)s", fieldName));
    members[0].row.parentNode.insertBefore(tablist, members[0].row);

    var tabs = members.map(function (member) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = "tab_" + member.field.id;
      tab.className = "translation-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", "panel_" + member.field.id);
      tab.lang = member.language.replace("_", "-");
      tab.textContent = languageName(member.language);
      member.row.id = "panel_" + member.field.id;
      member.row.setAttribute("role", "tabpanel");
      member.row.setAttribute("aria-labelledby", tab.id);
      member.row.classList.add("translation-panel");
      if (member.row.querySelector(".errorlist")) {
        tab.classList.add("has-errors");
        var note = document.createElement("span");
        note.className = "visually-hidden";
        note.textContent = " (" + words.hasErrors + ")";
        tab.appendChild(note);
      }
      if (member.row.querySelector(".outdated-notice")) {
        // The Dutch text changed after this translation (twente.core.translation_status).
        tab.classList.add("is-outdated");
        var outdatedNote = document.createElement("span");
        outdatedNote.className = "translation-tab-note";
        outdatedNote.textContent = " (" + words.outdated + ")";
        tab.appendChild(outdatedNote);
      }
      tablist.appendChild(tab);
      return tab;
    });
    tabs.forEach(function (tab) {
      tab.addEventListener("click", function () { select(tabs, tab, false); });
      tab.addEventListener("keydown", function (event) { onKeydown(tabs, event); });
    });
    var pageLanguage = (document.documentElement.lang || "").split("-")[0];
    var opened =
      tabs.filter(function (tab) { return tab.classList.contains("has-errors"); })[0] ||
      tabs.filter(function (tab) { return tab.lang === pageLanguage; })[0] ||
      tabs[0];
    select(tabs, opened, false);
    return tabs;
  }

  function openTabOf(fieldId) {
    var tab = document.getElementById("tab_" + fieldId);
    if (tab) {
      tab.click();
    }
  }

  function buildAllTabs() {
    var words = texts();
    document.querySelectorAll("#content-main form").forEach(function (form) {
      groupTranslatedRows(form).forEach(function (members) {
        if (members.length > 1) {
          buildTabs(members, words);
        }
      });
    });
    // The error summary links to fields; a field behind a closed tab is shown first.
    document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function () {
        openTabOf(link.getAttribute("href").slice(1));
      });
    });
    // A refused save opens on its summary, so a screen reader reads what to correct and
    // the next Tab reaches its first link (focus had stayed at the top of the page).
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  }

  // Names for unlabelled inline inputs -------------------------------------------------------

  function nameTabularInputs(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      table.querySelectorAll("tbody td").forEach(function (cell) {
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
    nameTabularInputs(root);
    nameAutocompleteBoxes(root);
    document.documentElement.dataset.adminEnhanced = "true";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", buildAllTabs);
  } else {
    buildAllTabs();
  }
  window.addEventListener("load", function () {
    // select2 builds its boxes in jQuery's ready handlers, which can run after "load".
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
