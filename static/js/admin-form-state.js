"use strict";
// Loaded inside the portal's admin change form, before its fields (a blocking script:
// it must act before the browser parses them).
// - The browser does not put typed text back when the page is shown again with Back:
//   the page is fetched anew with the latest version number, and text typed into the
//   older version saved against it overwrote a colleague's change unseen (a check with
//   two editors).
// - Leaving the page with unsaved changes asks first, since they would be gone.
{
  const form = document.currentScript.closest("form");
  if (form) {
    form.setAttribute("autocomplete", "off");
    let unsaved = false;
    // Only what a person did: scripts set fields too (the type-ahead, the tabs).
    const edited = (event) => {
      unsaved ||= event.isTrusted;
    };
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", () => {
      unsaved = false;
    });
    window.addEventListener("beforeunload", (event) => {
      if (unsaved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }
}
