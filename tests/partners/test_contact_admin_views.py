import csv
import datetime
import io
import re

import pytest
import vobject
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.http import StreamingHttpResponse
from django.urls import reverse
from openpyxl import load_workbook

from partners.admin_views import import_choices
from partners.models import Contact, ContactExportLog
from tests.factories import ContactFactory, PartnerFactory, ThemeFactory
from tests.staff import in_english
from twente.core.roles import EDITOR, LIAISON_OFFICER, grant_role

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/partners/contact/export/"
IMPORT_URL = "/admin/partners/contact/import/"
CONFIRM_URL = "/admin/partners/contact/import/confirm/"
LIAISON_PERMISSIONS = [
    "view_contact",
    "change_contact",
    "add_contact",
    "export_contacts",
    "import_contacts",
    "view_contactexportlog",
]


def make_user(username, *, role=None, permissions=(), **extra):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password-1", is_staff=True, **extra
    )
    if role:
        grant_role(user=user, role=role)
    if permissions:
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="partners", codename__in=permissions)
        )
    return user


@pytest.fixture(params=["group", "permissions"])
def liaison(request, client):
    """The liaison officer, through the migration's group and with bare permissions,
    reading the admin in English."""
    if request.param == "group":
        user = make_user("liaison", role=LIAISON_OFFICER)
    else:
        user = make_user("liaison", permissions=LIAISON_PERMISSIONS)
    in_english(client).force_login(user)
    return user


@pytest.fixture
def munster():
    return PartnerFactory(slug="stadt-munster", name_nl="Stadt Münster", country="DE")


def body(response):
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content)
    return b"".join(response) if hasattr(response, "file_to_stream") else response.content


# --- who may --------------------------------------------------------------------


def test_the_urls_have_the_agreed_names():
    assert reverse("admin:partners_contact_export") == EXPORT_URL
    assert reverse("admin:partners_contact_import") == IMPORT_URL


@pytest.mark.parametrize("url", [EXPORT_URL, IMPORT_URL, CONFIRM_URL])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", [EXPORT_URL, IMPORT_URL, CONFIRM_URL])
@pytest.mark.parametrize("how", ["group", "permissions"])
def test_an_editor_gets_403(client, url, how):
    editor = (
        make_user("editor", role=EDITOR)
        if how == "group"
        else make_user("editor", permissions=["view_partner", "change_partner"])
    )
    client.force_login(editor)
    assert client.get(url).status_code == 403
    assert client.post(url, {"download": "1", "export_format": "csv", "purpose": "list"}).status_code == 403
    assert not ContactExportLog.objects.exists()


def test_an_editor_sees_no_export_actions_or_links(client):
    ContactFactory()
    client.force_login(make_user("editor", permissions=["view_contact"]))
    response = client.get("/admin/partners/contact/")
    assert response.status_code == 200
    assert b"export_selected_csv" not in response.content
    assert EXPORT_URL.encode() not in response.content


def test_the_liaison_officer_finds_export_and_import_on_the_contact_list(client, liaison):
    ContactFactory()
    response = client.get("/admin/partners/contact/")
    assert EXPORT_URL.encode() in response.content
    assert IMPORT_URL.encode() in response.content
    for action in (
        "export_selected_csv",
        "export_selected_xlsx",
        "export_selected_vcard",
        "export_selected_emails",
    ):
        assert action.encode() in response.content


# --- export page ----------------------------------------------------------------


def test_the_export_page_shows_the_count_before_downloading(client, liaison, munster):
    ContactFactory.create_batch(3, partner=munster)
    ContactFactory(partner=PartnerFactory(country="NL"))
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    assert b"<script>" not in response.content and b' style="' not in response.content
    response = client.post(
        EXPORT_URL, {"partner": [munster.pk], "purpose": "list", "export_format": "csv", "count": "1"}
    )
    assert response.status_code == 200
    assert "3 contacts will be exported." in response.content.decode()
    assert not ContactExportLog.objects.exists(), "counting is not exporting"


def test_the_export_page_offers_every_partner_and_theme_as_a_checkbox(client, liaison, munster):
    osnabruck = PartnerFactory(name_en="City of Osnabrück")
    energy = ThemeFactory(slug="energie", name_en="Energy")
    html = client.get(EXPORT_URL).content.decode()
    for name, pk in [("partner", munster.pk), ("partner", osnabruck.pk), ("topic", energy.pk)]:
        assert re.search(rf'<input type="checkbox" name="{name}" value="{pk}"', html), (name, pk)
    assert 'id="id_partner" class="contact-filter-choices"' in html


def test_downloading_csv_streams_the_filtered_contacts_and_logs_the_export(client, liaison, munster):
    ContactFactory(name="Jürgen Groß", partner=munster)
    ContactFactory(partner=PartnerFactory(country="NL"))
    response = client.post(
        EXPORT_URL, {"country": ["DE"], "purpose": "list", "export_format": "csv", "download": "1"}
    )
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert [row["name"] for row in rows] == ["Jürgen Groß"]
    log = ContactExportLog.objects.get()
    assert (log.user, log.export_format, log.contact_count, log.excluded_count) == (liaison, "csv", 1, 0)
    assert (log.filters, log.purpose) == ({"country": ["DE"]}, "list")
    assert [entry.contact.name for entry in log.entries.all()] == ["Jürgen Groß"]


def test_a_mailing_export_leaves_out_contacts_without_consent_and_says_why(client, liaison, munster):
    energy = ThemeFactory(slug="energie")
    consent = {"mailing_consent": True, "mailing_consent_date": datetime.date(2025, 1, 1)}
    yes = ContactFactory(partner=munster, preferred_language="de", email="ja@example.de", **consent)
    no = ContactFactory.create_batch(2, partner=munster, preferred_language="de")
    blank = ContactFactory(partner=munster, preferred_language="de", email="", **consent)
    for contact in (yes, *no, blank):
        contact.topics.add(energy)
    data = {
        "preferred_language": ["de"],
        "topic": [energy.pk],
        "purpose": "mailing",
        "export_format": "emails",
    }
    page = client.post(EXPORT_URL, {**data, "count": "1"}).content.decode()
    assert "1 contact will be exported." in page
    assert "2 without consent to mailings, 1 without an email" in page

    response = client.post(EXPORT_URL, {**data, "download": "1"})
    assert body(response).decode().strip() == "ja@example.de"
    log = ContactExportLog.objects.get()
    assert (log.export_format, log.contact_count, log.excluded_count) == ("emails", 1, 3)
    assert log.filters == {"preferred_language": ["de"], "topic": ["energie"]}
    assert log.purpose == "mailing"


def test_downloading_excel_and_vcard_from_the_page(client, liaison, munster):
    ContactFactory(name="Anne de Vries", email="anne@example.org", phone="+31534818181", partner=munster)
    response = client.post(EXPORT_URL, {"purpose": "list", "export_format": "xlsx", "download": "1"})
    sheet = load_workbook(io.BytesIO(body(response))).active
    assert sheet.cell(row=2, column=1).value == "Anne de Vries"
    response = client.post(EXPORT_URL, {"purpose": "list", "export_format": "vcard", "download": "1"})
    card = next(vobject.readComponents(body(response).decode()))
    assert (card.fn.value, card.email.value, card.tel.value) == (
        "Anne de Vries",
        "anne@example.org",
        "tel:+31-53-481-8181",
    )
    assert list(ContactExportLog.objects.order_by("created_at").values_list("export_format", flat=True)) == [
        "xlsx",
        "vcard",
    ]


def test_bad_filters_give_a_corrected_page_not_an_error(client, liaison):
    response = client.post(
        EXPORT_URL,
        {"verified_within_months": "lots", "export_format": "pdf", "purpose": "list", "download": "1"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "errorlist" in page
    # Handed back to correct in a text field (HTML allows "lots" in no number field),
    # which points to its message.
    field = re.search(r'<input[^>]*name="verified_within_months"[^>]*>', page).group(0)
    assert 'type="text"' in field and 'value="lots"' in field and 'aria-invalid="true"' in field
    assert not re.search(r" (min|max|step)=", field)
    assert not ContactExportLog.objects.exists()


def test_an_empty_selection_downloads_nothing(client, liaison):
    response = client.post(EXPORT_URL, {"purpose": "list", "export_format": "csv", "download": "1"})
    assert response.status_code == 200
    assert "nothing to download" in response.content.decode()
    assert not ContactExportLog.objects.exists()


# --- admin actions ----------------------------------------------------------------


@pytest.mark.parametrize("export_format", ["csv", "xlsx", "vcard", "emails"])
def test_an_admin_action_exports_the_selected_contacts_and_logs_it(client, liaison, export_format):
    consent = {"mailing_consent": True, "mailing_consent_date": datetime.date(2025, 1, 1)}
    chosen = [
        ContactFactory(name="Chosen One", email="one@example.org", **consent),
        ContactFactory(name="Chosen Two"),
    ]
    ContactFactory(name="Not Chosen")
    response = client.post(
        "/admin/partners/contact/",
        {"action": f"export_selected_{export_format}", "_selected_action": [c.pk for c in chosen]},
    )
    assert response.status_code == 200
    content = body(response)
    if export_format == "xlsx":
        names = {
            row[0] for row in load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True)
        }
    elif export_format == "vcard":
        names = {card.fn.value for card in vobject.readComponents(content.decode())}
    elif export_format == "emails":
        names = {"Chosen One"} if content.decode().strip() == "one@example.org" else {content.decode()}
    else:
        names = {row["name"] for row in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))}
    expected = {"Chosen One"} if export_format == "emails" else {"Chosen One", "Chosen Two"}
    assert names == expected
    log = ContactExportLog.objects.get()
    assert log.export_format == export_format
    assert log.contact_count == len(expected)
    assert log.excluded_count == (1 if export_format == "emails" else 0)
    assert sorted(log.filters["selected_contacts"]) == sorted(c.pk for c in chosen)


# --- the export log -------------------------------------------------------------


def test_the_liaison_officer_sees_their_own_exports_in_words_but_cannot_alter_them(client, liaison):
    ContactFactory(name="Anna O'Neill")
    client.post(EXPORT_URL, {"purpose": "list", "export_format": "emails", "download": "1"})
    client.post(EXPORT_URL, {"purpose": "list", "export_format": "vcard", "download": "1"})
    someone_else = make_user("other", permissions=LIAISON_PERMISSIONS)
    other = ContactExportLog.objects.create(user=someone_else, export_format="csv", contact_count=1)
    own = ContactExportLog.objects.exclude(pk=other.pk).get(export_format="vcard")
    listing = client.get("/admin/partners/contactexportlog/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "vCard" in page and "Email addresses for BCC" in page and "Mailing" in page
    assert ">vcard<" not in page and ">emails<" not in page
    assert client.get(f"/admin/partners/contactexportlog/{other.pk}/change/").status_code == 302
    detail = client.get(f"/admin/partners/contactexportlog/{own.pk}/change/")
    assert "Anna O&#x27;Neill" in detail.content.decode()
    assert 'name="_save"' not in detail.content.decode()
    assert (
        client.post(f"/admin/partners/contactexportlog/{own.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert ContactExportLog.objects.filter(pk=own.pk).exists()


def test_an_administrator_sees_the_export_log_but_cannot_change_or_delete_it(client):
    officer = make_user("liaison", permissions=LIAISON_PERMISSIONS)
    log = ContactExportLog.objects.create(
        user=officer, export_format="csv", filters={"country": ["DE"]}, contact_count=12, excluded_count=3
    )
    client.force_login(make_user("admin", is_superuser=True))
    listing = client.get("/admin/partners/contactexportlog/")
    assert listing.status_code == 200
    assert "liaison" in listing.content.decode()
    detail = client.get(f"/admin/partners/contactexportlog/{log.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    client.post(f"/admin/partners/contactexportlog/{log.pk}/change/", {"contact_count": "0"})
    assert (
        client.post(f"/admin/partners/contactexportlog/{log.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    log.refresh_from_db()
    assert log.contact_count == 12
    assert client.get("/admin/partners/contactexportlog/add/").status_code == 403


# --- import pages -----------------------------------------------------------------


def upload(client, content, name="contacts.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


def test_import_preview_then_confirm(client, liaison, munster):
    anne = ContactFactory(
        name="Anne de Vries", email="anne@example.org", partner=munster, phone="+31534818181"
    )
    content = (
        "name,email,organisation_type,organisation,phone\r\n"
        "Anne de Vries,anne@example.org,partner,stadt-munster,+31 53 489 9111\r\n"
        "Björn Öztürk,bjorn@example.org,partner,stadt-munster,\r\n"
        "Broken,not-an-email,partner,nowhere,12345\r\n"
    ).encode()
    assert client.get(IMPORT_URL).status_code == 200
    preview = upload(client, content)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "1 new contact" in page and "1 changed contact" in page and "1 invalid row" in page
    assert "+31 53 481 8181 → +31 53 489 9111" in page
    assert "not a valid email" in page and "Unknown organisation" in page
    assert Contact.objects.count() == 1, "a preview writes nothing"

    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)
    response = client.post(CONFIRM_URL, {"digest": digest})
    assert response.status_code == 302
    assert response["Location"] == "/admin/partners/contact/"
    anne.refresh_from_db()
    assert anne.phone == "+31534899111"
    assert anne.history.latest().history_user == liaison
    assert anne.history.latest().history_change_reason == "imported:contacts.csv"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    history = client.get(reverse("admin:partners_contact_history", args=[anne.pk])).content.decode()
    assert "Importiert aus contacts.csv" in history
    assert Contact.objects.filter(email="bjorn@example.org").exists()
    # The preview is used up: confirming twice imports nothing twice.
    assert client.post(CONFIRM_URL, {"digest": digest}).status_code == 302
    assert Contact.objects.count() == 2


def test_confirm_is_refused_when_contacts_changed_since_the_preview(client, liaison, munster):
    anne = ContactFactory(email="anne@example.org", partner=munster, phone="+31534818181")
    page = upload(
        client,
        b"name,email,organisation_type,organisation,phone\r\nAnne,anne@example.org,partner,stadt-munster,+31534899111\r\n",
    ).content.decode()
    Contact.objects.filter(pk=anne.pk).update(name="Anne (edited meanwhile)")
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)
    response = client.post(CONFIRM_URL, {"digest": digest})
    assert response.status_code == 409
    assert "changed since the preview" in response.content.decode()
    anne.refresh_from_db()
    assert anne.phone == "+31534818181"


def test_a_clash_while_writing_imports_nothing_and_explains(client, liaison, munster, monkeypatch):
    page = upload(
        client,
        b"name,email,organisation_type,organisation\r\nAnne,anne@example.org,partner,stadt-munster\r\n",
    ).content.decode()
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)

    def clash(**kwargs):
        raise IntegrityError("contact_unique_email")

    monkeypatch.setattr("partners.admin_views.contacts_import_apply", clash)
    response = client.post(CONFIRM_URL, {"digest": digest}, follow=True)
    assert "nothing was imported" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4\n\x00\x01binary", "contacts.csv", "not a CSV file"),
        (b"", "contacts.csv", "empty"),
        (
            "name,email,organisation_type,organisation\nJosé,j@example.org,partner,x\n".encode("latin-1"),
            "contacts.csv",
            "not encoded as UTF-8",
        ),
        (b"name;email\nA;a@example.org\n", "contacts.csv", "required column"),
        (b"PK\x03\x04garbage", "contacts.xlsx", "could not be read"),
    ],
    ids=["pdf", "empty", "latin-1", "missing-columns", "broken-xlsx"],
)
def test_a_bad_upload_gets_a_clear_message_not_a_500(client, liaison, content, name, message):
    response = upload(client, content, name)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_oversized_upload_is_refused_before_it_is_read(client, liaison):
    response = upload(client, b"a" * (6 * 1024 * 1024), "huge.csv")
    assert response.status_code == 413
    assert "larger than 5 MB" in response.content.decode()


def test_the_upload_still_needs_a_csrf_token(liaison):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(liaison)
    response = upload(client, b"name,email,organisation_type,organisation\r\n")
    assert response.status_code == 403


def test_an_export_uploaded_again_changes_nothing(client, liaison, munster):
    ContactFactory(name='Groß, "Jupp"', partner=munster, notes="=SUM(A1)")
    exported = body(client.post(EXPORT_URL, {"purpose": "list", "export_format": "xlsx", "download": "1"}))
    page = upload(client, exported, "export.xlsx").content.decode()
    assert "1 unchanged contact" in page
    assert "Nothing to import" in page


def test_a_choice_for_a_row_that_is_no_number_is_ignored():
    """ "row-²" passed str.isdigit and failed int(): a mangled confirmation answered 500."""
    assert import_choices({"row-²": "skip", "row-x": "skip", "row-3": "skip", "row-4": "drop"}) == {3: "skip"}
