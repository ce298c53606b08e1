// Ticking "consents to mailings" proposes today's date when none is filled in.
document.addEventListener("DOMContentLoaded", () => {
  const consent = document.getElementById("id_mailing_consent");
  const date = document.getElementById("id_mailing_consent_date");
  if (!consent || !date) return;
  consent.addEventListener("change", () => {
    if (consent.checked && !date.value) {
      // As the date field's own "Today" writes it: the server's day, in the admin
      // language's format (31.12.2026 in German), from Django's admin scripts.
      const today = window.DateTimeShortcuts ? window.DateTimeShortcuts.now() : new Date();
      const format = window.get_format ? window.get_format("DATE_INPUT_FORMATS")[0] : "%Y-%m-%d";
      date.value = today.strftime(format);
    }
  });
});
