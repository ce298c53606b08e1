// Ticking "consents to mailings" proposes today's date when none is filled in.
document.addEventListener("DOMContentLoaded", () => {
  const consent = document.getElementById("id_mailing_consent");
  const date = document.getElementById("id_mailing_consent_date");
  if (!consent || !date) return;
  consent.addEventListener("change", () => {
    if (consent.checked && !date.value) {
      const today = new Date();
      const pad = (n) => String(n).padStart(2, "0");
      date.value = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    }
  });
});
