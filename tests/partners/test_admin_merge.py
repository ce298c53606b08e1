"""The admin's merge of two duplicate contacts: the action on exactly two contacts, the
confirmation page side by side, the choice of record and values, the merge service
behind it (history and memberships kept), the log, permissions and translations."""

import datetime
import re

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from partners.admin_merge import differing_fields
from partners.models import Contact, ContactExportLog, ContactList, ExportedContact
from tests.factories import ContactFactory, PartnerFactory, ThemeFactory
from tests.staff import in_english, staff_member
from twente.core.roles import EDITOR, LIAISON_OFFICER

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/partners/contact/"


@pytest.fixture
def liaison(client):
    user = staff_member(LIAISON_OFFICER)
    in_english(client).force_login(user)
    return user


@pytest.fixture
def twins():
    """Anna twice: once from an old import, once typed in by hand."""
    munster = PartnerFactory(slug="stadt-munster", name_nl="Stadt Münster", country="DE")
    older = ContactFactory(
        name="Anna O'Neill",
        email="anna@example.org",
        phone="",
        partner=munster,
        job_title_en="Policy adviser",
        last_verified=datetime.date(2025, 3, 1),
        notes="Met in Münster.",
    )
    newer = ContactFactory(
        name="Anna O’Neill",
        email="a.oneill@example.org",
        phone="+31534818181",
        partner=munster,
        job_title_en="Head of international affairs",
        mailing_consent=True,
        mailing_consent_date=datetime.date(2026, 1, 5),
        last_verified=datetime.date(2026, 6, 1),
    )
    return older, newer


def choose(client, *contacts, **extra):
    return client.post(
        CHANGELIST, {"action": "merge_selected", "_selected_action": [c.pk for c in contacts], **extra}
    )


def confirm(client, first, second, **choices):
    """Post the confirmation as the page's form would: each differing field's radio
    checked on the first contact unless chosen otherwise."""
    data = {f"value_{name}": "first" for name in differing_fields(first, second)}
    data |= {
        "confirm_merge": "yes",
        "keep": first.pk,
        "version_first": first.version,
        "version_second": second.version,
    }
    data |= choices
    return choose(client, first, second, **data)


def texts(response):
    """The messages the request added (each test's requests are read in turn)."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def consume_messages(client):
    client.get(CHANGELIST)


def test_the_confirmation_shows_both_contacts_side_by_side(client, liaison, twins):
    older, newer = twins
    response = choose(client, newer, older)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Merge two contacts" in page
    for field in (
        f'name="_selected_action" value="{older.pk}"',
        f'name="_selected_action" value="{newer.pk}"',
        'name="action" value="merge_selected"',
        'name="confirm_merge" value="yes"',
    ):
        assert field in page
    table = re.search(r'<table class="contact-merge-table">.*?</table>', page, flags=re.S).group(0)
    # Both contacts head a column, the older (lower number) first; each field is a row.
    headers = re.findall(r'<th scope="col">(.*?)</th>', table, flags=re.S)
    assert len(headers) == 4
    assert f"no. {older.pk}" in headers[1] and f"no. {newer.pk}" in headers[2]
    rows = re.findall(r'<th scope="row">(.*?)</th>', table)
    assert {"Name", "Email", "Phone", "Organisation", "Topics", "Saved lists"} <= set(rows)
    # Where the two differ, one radio per contact, each with a label; the record to
    # keep is a radio group with a legend.
    for field in ("name", "email", "job_title_en"):
        for side in ("first", "second"):
            assert f'id="id_value_{field}_{side}"' in page
            assert f'<label for="id_value_{field}_{side}">' in page
    assert 'id="id_value_phone_first"' not in page, "one phone is empty: nothing to choose"
    assert "<legend>Contact record to keep</legend>" in page
    assert f'value="{older.pk}"' in page and "checked" in page
    assert Contact.objects.count() == 2, "nothing is merged before confirmation"


def test_merging_keeps_the_chosen_record_values_history_and_memberships(client, liaison, twins):
    older, newer = twins
    water, energy = ThemeFactory(slug="water"), ThemeFactory(slug="energy")
    older.topics.add(water)
    newer.topics.add(energy)
    delegation = ContactList.objects.create(name="Delegation Münster 2027")
    delegation.members.add(newer)
    log = ContactExportLog.objects.create(user=liaison, export_format="csv", contact_count=1)
    ExportedContact.objects.create(log=log, contact=newer)
    history_before = newer.history.count()

    response = confirm(
        client,
        older,
        newer,
        value_name="first",
        value_email="second",
        value_job_title_en="second",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:partners_contact_change", args=[older.pk])
    merged = f"Anna O’Neill (no. {newer.pk}) was merged into Anna O'Neill (no. {older.pk})."
    assert texts(response) == [merged]
    kept = Contact.objects.get()
    assert kept.pk == older.pk
    assert kept.name == "Anna O'Neill"
    assert kept.email == "a.oneill@example.org", "the chosen email, freed by the delete"
    assert kept.job_title_en == "Head of international affairs"
    assert kept.phone == "+31534818181", "filled in from the duplicate"
    assert kept.mailing_consent and kept.mailing_consent_date == datetime.date(2026, 1, 5)
    assert kept.last_verified == datetime.date(2026, 6, 1)
    assert set(kept.topics.values_list("slug", flat=True)) == {"water", "energy"}
    assert list(delegation.members.all()) == [kept]
    assert ExportedContact.objects.get(log=log).contact == kept
    assert Contact.history.filter(id=newer.pk).count() == history_before + 1, "the duplicate's history stays"
    assert kept.history.first().history_user == liaison
    assert kept.history.first().history_change_reason == f"merged-with:Anna O’Neill (#{newer.pk})"
    entries = LogEntry.objects.filter(user=liaison).order_by("action_flag")
    assert [(entry.action_flag, entry.object_id) for entry in entries] == [
        (CHANGE, str(older.pk)),
        (DELETION, str(newer.pk)),
    ]
    assert entries[0].get_change_message() == f"Merged with Anna O’Neill (no. {newer.pk})."


def test_keeping_the_second_record_with_the_first_ones_values(client, liaison, twins):
    older, newer = twins
    confirm(client, older, newer, keep=newer.pk, value_name="first", value_email="first")
    kept = Contact.objects.get()
    assert kept.pk == newer.pk
    assert (kept.name, kept.email) == ("Anna O'Neill", "anna@example.org")
    assert kept.job_title_en == "Policy adviser", "the default is the first contact's value"


@pytest.mark.parametrize("count", [1, 3])
def test_any_other_number_selected_is_refused_with_a_message(client, liaison, count):
    contacts = ContactFactory.create_batch(count)
    response = choose(client, *contacts)
    assert response.status_code == 302
    assert texts(response) == [
        f"Select exactly two contacts to merge; {count} contact{' is' if count == 1 else 's are'} selected."
    ]
    assert Contact.objects.count() == count


def test_selecting_the_whole_list_counts_every_contact(client, liaison):
    contacts = ContactFactory.create_batch(3)
    response = choose(client, *contacts[:2], select_across="1")
    assert texts(response) == ["Select exactly two contacts to merge; 3 contacts are selected."]


def test_a_change_meanwhile_stops_the_merge(client, liaison, twins):
    older, newer = twins
    versions = {"version_first": older.version, "version_second": newer.version}
    Contact.objects.filter(pk=newer.pk).update(version=newer.version + 1, name="Anna Maria O’Neill")
    response = confirm(client, older, newer, **versions)
    assert response.status_code == 409
    assert Contact.objects.count() == 2
    assert "Anna Maria O’Neill" in response.content.decode(), "the page shows the current values"
    assert "changed by someone else meanwhile" in " ".join(texts(response))


def test_bad_input_is_a_400_with_the_page_again(client, liaison, twins):
    older, newer = twins
    response = confirm(client, older, newer, keep="12345678", value_email="both")
    assert response.status_code == 400
    assert "Please correct the errors below." in response.content.decode()
    assert Contact.objects.count() == 2


def test_without_the_delete_permission_there_is_no_merge(client, twins):
    older, newer = twins
    user = staff_member(LIAISON_OFFICER)
    user.groups.get().permissions.remove(Permission.objects.get(codename="delete_contact"))
    in_english(client).force_login(user)
    changelist = client.get(CHANGELIST)
    assert changelist.status_code == 200
    assert 'value="merge_selected"' not in changelist.content.decode()
    response = confirm(client, older, newer)
    assert response.status_code == 302
    assert texts(response) == ["No action selected."]
    assert Contact.objects.count() == 2


def test_an_editor_sees_no_contacts_at_all(client, twins):
    client.force_login(staff_member(EDITOR))
    assert choose(client, *twins).status_code == 403
    assert Contact.objects.count() == 2


def test_the_liaison_officer_is_offered_the_action(client, liaison):
    ContactFactory()
    assert 'value="merge_selected"' in client.get(CHANGELIST).content.decode()


@pytest.mark.parametrize(
    ("language", "strings"),
    [
        (
            "nl",
            [
                "Twee contacten samenvoegen",
                "Contactrecord dat blijft",
                "De twee contacten samenvoegen",
                "Het samengevoegde contact krijgt",
            ],
        ),
        (
            "de",
            [
                "Zwei Kontakte zusammenführen",
                "Kontaktdatensatz, der bleibt",
                "Die beiden Kontakte zusammenführen",
                "Der zusammengeführte Kontakt erhält",
            ],
        ),
    ],
)
def test_the_merge_is_in_dutch_and_german(client, twins, language, strings):
    older, newer = twins
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    client.force_login(staff_member(LIAISON_OFFICER))
    changelist = client.get(CHANGELIST).content.decode()
    action = {"nl": "Twee dubbele contacten samenvoegen", "de": "Zwei doppelte Kontakte zusammenführen"}
    assert action[language] in changelist
    page = choose(client, older, newer).content.decode()
    for text in strings:
        assert text in page
    wrong = choose(client, older)
    expected = {
        "nl": "Selecteer precies twee contacten om samen te voegen; er is 1 contact geselecteerd.",
        "de": "Wählen Sie genau zwei Kontakte zum Zusammenführen aus; 1 Kontakt ist ausgewählt.",
    }
    assert texts(wrong) == [expected[language]]
    consume_messages(client)
    done = confirm(client, older, newer)
    merged = {
        "nl": f"Anna O’Neill (nr. {newer.pk}) is samengevoegd met Anna O'Neill (nr. {older.pk}).",
        "de": f"Anna O’Neill (Nr. {newer.pk}) wurde mit Anna O'Neill (Nr. {older.pk}) zusammengeführt.",
    }
    assert texts(done) == [merged[language]]
