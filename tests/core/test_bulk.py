"""update_rows writes each row's own values, of every column type, and nothing else;
record_history copies rows as stored into their history, as simple-history would."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from partners.models import Contact
from tests.factories import ContactFactory, PartnerFactory
from twente.core.bulk import record_history, update_rows

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


def test_history_records_hold_each_row_as_stored_with_who_why_and_when():
    officer = get_user_model().objects.create_user("officer")
    partner = PartnerFactory()
    consented = datetime.date(2025, 1, 2)
    first = ContactFactory(name="Anna", partner=partner, mailing_consent=True, mailing_consent_date=consented)
    second = ContactFactory(name="Bernd Kühn", job_title_de="Referentin; „Grenzland“")
    untouched = ContactFactory()
    before = {contact.pk: contact.history.count() for contact in (first, second, untouched)}
    when = (timezone.now() + datetime.timedelta(minutes=1)).replace(microsecond=0)

    history_ids = record_history(
        Contact, [first.pk, second.pk], history_type="~", user=officer, reason="import a.csv", date=when
    )

    assert set(history_ids) == {first.pk, second.pk}
    for contact in (first, second):
        record = contact.history.latest()
        assert record.history_id == history_ids[contact.pk]
        assert (record.history_type, record.history_user, record.history_change_reason) == (
            "~",
            officer,
            "import a.csv",
        )
        assert record.history_date == when
        stored = Contact.objects.get(pk=contact.pk)
        for field in Contact.history.model.tracked_fields:
            assert getattr(record, field.attname) == getattr(stored, field.attname), field.name
        assert contact.history.count() == before[contact.pk] + 1
    assert untouched.history.count() == before[untouched.pk]
    # The history page and a revert read it like any other record.
    assert first.history.latest().instance.mailing_consent_date == consented


def test_history_is_recorded_in_batches():
    contacts = ContactFactory.create_batch(7)
    pks = [contact.pk for contact in contacts]
    history_ids = record_history(
        Contact, pks, history_type="+", user=None, reason="", date=timezone.now(), batch_size=3
    )
    assert len(set(history_ids.values())) == 7
    assert all(contact.history.filter(history_type="+").count() == 2 for contact in contacts)
