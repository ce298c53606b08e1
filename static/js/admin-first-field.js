"use strict";
// Django's admin/js/change_form.js, which puts the cursor in an add form's first field,
// except that a language tab is no field: Django's script focused the "Dutch" tab
// (a keyboard check). Loaded in its place by templates/admin/twente/change_form.html,
// and run once the tabs are built (admin-translation-tabs.js, a deferred script).
{
  const modelName = document.getElementById("django-admin-form-add-constants").dataset.modelName;

  function focusFirstField() {
    const form = document.getElementById(`${modelName}_form`);
    const field = form && [...form.elements].find(
      (element) =>
        ["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(element.tagName) &&
        !element.classList.contains("translation-tab") &&
        element.type !== "hidden" &&
        !element.disabled &&
        element.offsetParent,
    );
    field?.focus();
  }

  if (!modelName) {
    // A change form: the cursor stays where the browser puts it.
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusFirstField);
  } else {
    focusFirstField();
  }
}
