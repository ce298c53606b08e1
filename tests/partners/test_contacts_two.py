"""Contacts 2: consent in every mailing file, phones, vCard lines, the export log's
contacts and visibility, saved lists, GDPR access/erasure/retention, import
duplicates and older files, merging duplicates."""

import csv
import datetime
import io
import json

import pytest
import vobject
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from partners import exports
from partners.imports import build_plan, read_upload
from partners.models import Contact, ContactExportLog, ContactList, ContactPrivacyLog, ExportedContact
from partners.services import (
    contact_export_log_create,
    contacts_export_select,
    contacts_import_apply,
    contacts_merge,
)
from tests.factories import ContactFactory, PartnerFactory, ThemeFactory
from tests.staff import in_english, staff_member
from twente.core.history_reasons import reason_label
from twente.core.roles import LIAISON_OFFICER

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "vcard", "emails"]


def file_text(selection, export_format):
    if export_format == "xlsx":
        sheet = load_workbook(exports.xlsx_file(selection.contacts)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    stream = {"csv": exports.csv_stream, "vcard": exports.vcard_stream, "emails": exports.email_list_stream}
    return b"".join(stream[export_format](selection.contacts)).decode("utf-8-sig")


@pytest.fixture
def people():
    consenting = ContactFactory(
        email="yes@example.org", mailing_consent=True, mailing_consent_date=datetime.date(2025, 1, 2)
    )
    refusing = ContactFactory(email="no@example.org", mailing_consent=False)
    return consenting, refusing


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize("purpose", ["list", "mailing"])
def test_no_address_without_consent_in_any_file_meant_for_mailing(people, purpose, export_format):
    with translation.override("en"):
        selection = contacts_export_select(
            Contact.objects.all(), purpose=purpose, export_format=export_format
        )
        reasons = selection.excluded_reasons()
    text = file_text(selection, export_format)
    assert "yes@example.org" in text
    if purpose == "mailing" or export_format == "emails":
        assert "no@example.org" not in text
        assert selection.without_consent == 1
        assert "1 without consent to mailings" in reasons
    else:
        assert "no@example.org" in text  # an internal contact list keeps everybody


def test_the_bcc_list_on_the_export_page_with_purpose_contact_list_keeps_to_consent(client, people):
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    response = client.post(
        reverse("admin:partners_contact_export"),
        {"purpose": "list", "export_format": "emails", "download": "1"},
    )
    body = b"".join(response.streaming_content).decode()
    assert "yes@example.org" in body and "no@example.org" not in body
    assert ContactExportLog.objects.get().purpose == "mailing"


def test_phones_round_trip_and_have_no_guard_in_xlsx(people):
    sheet = load_workbook(exports.xlsx_file(Contact.objects.all())).active
    header = [cell.value for cell in sheet[1]]
    phones = [row[header.index("phone")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert phones == ["+31 53 481 8181", "+31 53 481 8181"]
    output = exports.xlsx_file(Contact.objects.all()).read()
    assert build_plan(read_upload(output, "x.xlsx")).counts["unchanged"] == 2
    content = b"".join(exports.csv_stream(Contact.objects.all()))
    assert build_plan(read_upload(content, "x.csv")).counts["unchanged"] == 2
    assert Contact.objects.filter(phone="+31534818181").count() == 2, "stored in E.164"


def test_vcard_has_crlf_line_ends_and_folds_at_75_octets_and_vobject_reads_it():
    long_name = "Jürgen Groß-Überlänge " * 6
    ContactFactory(name=long_name.strip(), job_title_nl="Adviseur " * 12)
    data = b"".join(exports.vcard_stream(Contact.objects.all()))
    assert data.count(b"\r\n") == data.count(b"\n"), "every line ends with CRLF"
    lines = data.split(b"\r\n")
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"
    assert all(len(line) <= 75 for line in lines)
    card = next(vobject.readComponents(data.decode("utf-8")))
    assert card.fn.value == long_name.strip()


def test_the_export_log_records_which_contacts_and_each_role_sees_its_own(client, people):
    officer = staff_member(LIAISON_OFFICER)
    other = staff_member(LIAISON_OFFICER, username="other-officer")
    selection = contacts_export_select(Contact.objects.all(), purpose="list", export_format="csv")
    mine = contact_export_log_create(
        user=officer, export_format="csv", purpose="list", filters={}, selection=selection
    )
    theirs = contact_export_log_create(
        user=other, export_format="xlsx", purpose="list", filters={}, selection=selection
    )
    assert {entry.contact for entry in mine.entries.all()} == set(people)
    in_english(client).force_login(officer)
    listing = client.get(reverse("admin:partners_contactexportlog_changelist")).content.decode()
    assert 'field-export_format">CSV' in listing and 'field-export_format">Excel' not in listing
    assert client.get(reverse("admin:partners_contactexportlog_change", args=[theirs.pk])).status_code == 302
    admin = get_user_model().objects.create_superuser("root", password="x-long-password-1")
    client.force_login(admin)
    listing = client.get(reverse("admin:partners_contactexportlog_changelist")).content.decode()
    assert 'field-export_format">CSV' in listing and 'field-export_format">Excel' in listing


def test_saved_list_made_from_the_export_filters_exported_and_shown_on_the_contact(client, people):
    consenting, refusing = people
    ContactFactory(email="elsewhere@example.org", partner=PartnerFactory())
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    export_url = reverse("admin:partners_contact_export")
    client.post(
        export_url,
        {
            "partner": [consenting.partner_id, refusing.partner_id],
            "list_name": "Delegation Münster 2027",
            "save_list": "1",
            "purpose": "list",
            "export_format": "csv",
        },
    )
    saved = ContactList.objects.get(name="Delegation Münster 2027")
    assert set(saved.members.all()) == {consenting, refusing}
    response = client.post(
        export_url,
        {"contact_list": [saved.pk], "purpose": "mailing", "export_format": "csv", "download": "1"},
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["email"] for row in rows] == ["yes@example.org"], "same consent rules"
    page = client.get(reverse("admin:partners_contact_change", args=[refusing.pk])).content.decode()
    assert "Member of these lists" in page and "Delegation Münster 2027" in page


def test_a_list_name_longer_than_a_name_may_be_is_refused_with_a_message(client, people):
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    response = client.post(
        reverse("admin:partners_contact_export"),
        {"list_name": "Delegation " * 30, "save_list": "1", "purpose": "list", "export_format": "csv"},
        follow=True,
    )
    assert response.status_code == 200
    assert "A list&#x27;s name has at most 200 characters." in response.content.decode()
    assert not ContactList.objects.exists()


def test_access_gives_everything_stored_and_is_logged(client, people):
    consenting, _refusing = people
    officer = staff_member(LIAISON_OFFICER)
    selection = contacts_export_select(Contact.objects.all(), purpose="list", export_format="vcard")
    contact_export_log_create(
        user=officer, export_format="vcard", purpose="list", filters={}, selection=selection
    )
    ContactList.objects.create(name="Photonics conference invitations").members.add(consenting)
    in_english(client).force_login(officer)
    response = client.get(reverse("admin:partners_contact_personal_data", args=[consenting.pk]))
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["contact"]["email"] == "yes@example.org"
    assert data["saved_lists"] == ["Photonics conference invitations"]
    assert [export["format"] for export in data["exports"]] == ["vCard"]
    assert data["consent_history"][0]["consent"] is True
    assert data["change_history"]
    assert ContactPrivacyLog.objects.get().action == "access"


def test_erasure_removes_the_data_from_contact_history_and_log_details(client, people):
    consenting, refusing = people
    officer = staff_member(LIAISON_OFFICER)
    selection = contacts_export_select(Contact.objects.all(), purpose="list", export_format="csv")
    log = contact_export_log_create(
        user=officer, export_format="csv", purpose="list", filters={}, selection=selection
    )
    in_english(client).force_login(officer)
    changelist = reverse("admin:partners_contact_changelist")
    confirm = client.post(changelist, {"action": "erase_selected", "_selected_action": [refusing.pk]})
    assert "Yes, erase them" in confirm.content.decode()
    # The page posts back the selection, the action and the confirmation.
    for field in (
        f'name="_selected_action" value="{refusing.pk}"',
        'name="action" value="erase_selected"',
        'name="confirm_erase" value="yes"',
    ):
        assert field in confirm.content.decode()
    assert Contact.objects.filter(pk=refusing.pk).exists(), "nothing is erased before confirmation"
    client.post(
        changelist, {"action": "erase_selected", "_selected_action": [refusing.pk], "confirm_erase": "yes"}
    )
    assert not Contact.objects.filter(pk=refusing.pk).exists()
    assert not Contact.history.filter(id=refusing.pk).exists()
    assert not Contact.history.filter(email="no@example.org").exists()
    assert log.entries.count() == 2 and log.entries.filter(contact__isnull=True).count() == 1
    detail = client.get(reverse("admin:partners_contactexportlog_change", args=[log.pk])).content.decode()
    assert "an erased contact" in detail and refusing.name not in detail
    assert ContactPrivacyLog.objects.filter(
        action="erasure", contact_number=refusing.pk, contact=None
    ).exists()


def test_erasure_has_a_permission_of_its_own(client, people):
    user = get_user_model().objects.create_user("viewer", password="x-long-password-1", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_contact", "change_contact"]))
    client.force_login(user)
    changelist = reverse("admin:partners_contact_changelist")
    client.post(
        changelist, {"action": "erase_selected", "_selected_action": [people[1].pk], "confirm_erase": "yes"}
    )
    assert Contact.objects.filter(pk=people[1].pk).exists()


def test_retention_lists_contacts_not_verified_for_24_months_and_marks_them_verified(client, settings):
    settings.CONTACT_RETENTION_MONTHS = 24
    today = datetime.date.today()
    old = ContactFactory(name="Old Contact", last_verified=today - datetime.timedelta(days=800))
    never = ContactFactory(name="Never Verified", last_verified=None)
    fresh = ContactFactory(name="Fresh Contact", last_verified=today - datetime.timedelta(days=200))
    assert set(Contact.objects.due_for_retention_review()) == {old, never}
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    changelist = reverse("admin:partners_contact_changelist")
    page = client.get(changelist, {"retention": "due"}).content.decode()
    assert "Old Contact" in page and "Never Verified" in page and fresh.name not in page
    client.post(changelist, {"action": "mark_verified", "_selected_action": [old.pk, never.pk]})
    assert not Contact.objects.due_for_retention_review().exists()
    assert Contact.history.filter(id=old.pk).first().history_change_reason == "verified"
    # The history page gives the reason in the reader's language.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    history = client.get(reverse("admin:partners_contact_history", args=[old.pk])).content.decode()
    assert "Bewaartermijn: als gecontroleerd gemarkeerd" in history
    assert ">verified<" not in history
    assert ContactPrivacyLog.objects.filter(action="verified").count() == 2


def test_the_retention_review_keeps_the_topics_in_the_history_it_records(client):
    contact = ContactFactory(last_verified=None)
    contact.topics.add(ThemeFactory(), ThemeFactory())
    contact.save()  # a history record with both topics
    in_english(client).force_login(staff_member(LIAISON_OFFICER))
    changelist = reverse("admin:partners_contact_changelist")
    client.post(changelist, {"action": "mark_verified", "_selected_action": [contact.pk]})
    verified = contact.history.latest()
    assert verified.history_change_reason == "verified"
    # The history page shows the verification alone, not the topics as removed, and
    # reverting to this record keeps them.
    changed = {change.field for change in verified.diff_against(verified.prev_record).changes}
    assert "topics" not in changed and "last_verified" in changed
    assert sorted(row.theme_id for row in verified.topics.all()) == sorted(
        contact.topics.values_list("pk", flat=True)
    )


def _import(content, filename, user, choices=None):
    plan = build_plan(read_upload(content, filename))
    return plan, contacts_import_apply(
        content=content, filename=filename, user=user, expected_fingerprint=plan.fingerprint, choices=choices
    )


def test_import_shows_a_possible_duplicate_and_applies_the_choice(people):
    anna = ContactFactory(name="Anna O'Neill", email="anna@example.org")
    user = staff_member(LIAISON_OFFICER)
    content = b"".join(exports.csv_stream(Contact.objects.filter(pk=anna.pk))).replace(
        b"anna@example.org", b"anna.oneill@example.org"
    )
    plan, result = _import(content, "x.csv", user)
    row = plan.having("duplicate")[0]
    assert "Anna O'Neill" in row.match and "anna@example.org" in row.match
    assert result.skipped == 1 and Contact.objects.filter(name="Anna O'Neill").count() == 1, "not silent"
    _plan, result = _import(content, "x.csv", user, choices={row.number: "update"})
    anna.refresh_from_db()
    assert anna.email == "anna.oneill@example.org" and result.updated == 1
    assert Contact.objects.filter(name="Anna O'Neill").count() == 1


def test_import_of_an_older_file_is_not_applied_unless_chosen():
    anna = ContactFactory(name="Anna O'Neill", job_title_en="Policy adviser")
    user = staff_member(LIAISON_OFFICER)
    old_file = b"".join(exports.csv_stream(Contact.objects.all()))
    Contact.objects.filter(pk=anna.pk).update(
        job_title_en="Head of international affairs", version=anna.version + 1
    )
    plan, result = _import(old_file, "old.csv", user)
    assert [row.number for row in plan.having("stale")] == [2]
    anna.refresh_from_db()
    assert anna.job_title_en == "Head of international affairs" and result.skipped == 1
    _plan, result = _import(old_file, "old.csv", user, choices={2: "apply"})
    anna.refresh_from_db()
    assert anna.job_title_en == "Policy adviser"


def test_merge_keeps_history_and_list_memberships():
    keep = ContactFactory(name="Anna O'Neill", email="anna@example.org", phone="")
    duplicate = ContactFactory(name="Anna O'Neill", email="anna.oneill@example.org", phone="+31534818181")
    delegation = ContactList.objects.create(name="Delegation Münster 2027")
    delegation.members.add(duplicate)
    user = staff_member(LIAISON_OFFICER)
    selection = contacts_export_select(
        Contact.objects.filter(pk=duplicate.pk), purpose="list", export_format="csv"
    )
    log = contact_export_log_create(
        user=user, export_format="csv", purpose="list", filters={}, selection=selection
    )
    duplicate_pk = duplicate.pk
    contacts_merge(keep=keep, duplicate=duplicate, user=user)
    keep.refresh_from_db()
    assert keep.phone == "+31534818181"
    assert list(delegation.members.all()) == [keep]
    assert ExportedContact.objects.get(log=log).contact == keep
    assert Contact.history.filter(id=duplicate_pk).exists(), "the duplicate's history is kept"
    assert keep.history.first().history_change_reason == f"merged-with:Anna O'Neill (#{duplicate_pk})"
    with translation.override("de"):
        assert reason_label(keep.history.first().history_change_reason) == (
            f"Zusammengeführt mit Anna O'Neill (#{duplicate_pk})"
        )
    assert Contact.history.filter(id=duplicate_pk).first().history_change_reason == (
        f"merged-into:Anna O'Neill (#{keep.pk})"
    )


def test_ticking_consent_without_a_date_takes_today(client):
    contact = ContactFactory(mailing_consent=False)
    from partners.admin import ContactAdminForm

    form_class = ContactAdminForm
    data = {
        "kind": contact.kind,
        "name": contact.name,
        "partner": contact.partner_id,
        "email": contact.email,
        "phone": "+31 53 481 8181",
        "preferred_language": "nl",
        "mailing_consent": "on",
    }
    form = type("Form", (form_class,), {"Meta": type("Meta", (), {"model": Contact, "fields": list(data)})})(
        {**data, "edit_version": contact.version}, instance=contact
    )
    assert form.is_valid(), form.errors
    saved = form.save()
    assert saved.mailing_consent_date == datetime.date.today()
    assert saved.phone == "+31534818181"


@pytest.mark.parametrize(
    ("language", "verified", "erased"),
    [
        ("de", "1 Kontakt heute als geprüft markiert.", "1 Kontakt und sein Verlauf wurden gelöscht."),
        (
            "nl",
            "1 contact vandaag als gecontroleerd gemarkeerd.",
            "1 contact en zijn geschiedenis zijn gewist.",
        ),
    ],
)
def test_a_list_action_on_one_contact_says_so_in_the_singular(client, language, verified, erased):
    """It said "1 Kontakte und ihr Verlauf wurden gelöscht" (a two-editor check)."""
    contacts = ContactFactory.create_batch(2, last_verified=None)
    client.force_login(staff_member(LIAISON_OFFICER))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    changelist = reverse("admin:partners_contact_changelist")
    for action, extra, expected in (
        ("mark_verified", {}, verified),
        ("erase_selected", {"confirm_erase": "yes"}, erased),
    ):
        data = {"action": action, "_selected_action": [contacts[0].pk], **extra}
        response = client.post(changelist, data, follow=True)
        assert [str(message) for message in response.context["messages"]] == [expected]
