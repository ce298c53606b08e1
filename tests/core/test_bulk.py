"""update_rows writes each row's own values, of every column type, and nothing else."""

import datetime

import pytest

from partners.models import Contact
from tests.factories import ContactFactory, PartnerFactory
from twente.core.bulk import update_rows

pytestmark = pytest.mark.django_db


def test_each_row_gets_its_own_values_of_every_type():
    other = PartnerFactory()
    first = ContactFactory(name="Anna", mailing_consent=False, phone="+31534818181")
    consented = datetime.date(2025, 1, 2)
    second = ContactFactory(name="Bernd", mailing_consent=True, mailing_consent_date=consented)
    untouched = ContactFactory(name="Carla")
    first.name, first.partner, first.mailing_consent = "Anna O'Neill", other, True
    first.mailing_consent_date, first.phone = datetime.date(2026, 12, 4), "+4925149200"
    second.name, second.mailing_consent, second.mailing_consent_date = "Bernd Kühn", False, None
    second.job_title_de = "Referentin; „Grenzland“"

    update_rows(
        [first, second],
        ["name", "partner", "mailing_consent", "mailing_consent_date", "phone", "job_title_de"],
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.name, first.partner, first.mailing_consent) == ("Anna O'Neill", other, True)
    assert (first.mailing_consent_date, first.phone) == (datetime.date(2026, 12, 4), "+4925149200")
    assert (second.name, second.mailing_consent, second.mailing_consent_date) == ("Bernd Kühn", False, None)
    assert second.job_title_de == "Referentin; „Grenzland“"
    assert Contact.objects.get(pk=untouched.pk).name == "Carla"


def test_rows_are_written_in_batches():
    contacts = ContactFactory.create_batch(7)
    for number, contact in enumerate(contacts):
        contact.name = f"Person {number}"
    update_rows(contacts, ["name"], batch_size=3)
    assert sorted(Contact.objects.values_list("name", flat=True)) == [f"Person {n}" for n in range(7)]
