"""Imports beside other writers: two imports of one file at once, and an editor's save
that lands while an import runs. One import applies; the other is refused as outdated
(the admin then shows the updated preview), never half-applied and never a database
error; an editor's change is never overwritten unseen."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.db.models import F

from partners.imports import build_plan, read_upload
from partners.models import Contact
from partners.services import ImportOutdated, _ImportWriter, contacts_import_apply
from projects.models import Project
from projects.services import projects_import_kohesio
from tests.factories import ContactFactory, PartnerFactory
from tests.projects.kohesio_data import IMPORT_DAY, portal_data, sample_bytes

HEADER = "name,email,organisation_type,organisation,phone\r\n"
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections writing at once: PostgreSQL only"
)


def contact_file(*rows):
    return (HEADER + "".join(f"{row}\r\n" for row in rows)).encode()


def preview_fingerprint(content):
    return build_plan(read_upload(content, "contacts.csv")).fingerprint


def at_once(*calls):
    """Run each call in its own thread and database connection, started together;
    returns each one's result or the exception it raised."""
    start = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            start.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome under test
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user(username="liaison", password="x-long-password-1")


@pytest.mark.django_db
def test_an_edit_that_lands_after_the_plan_stops_the_contact_import(officer, monkeypatch):
    anne = ContactFactory(email="anne@example.org", partner=PartnerFactory(slug="stadt-munster"))
    content = contact_file("Anne,anne@example.org,partner,stadt-munster,+31 53 489 9111")
    write = _ImportWriter.write

    def edited_meanwhile(writer):
        # As an editor's save committed after the import planned, before it wrote.
        Contact.objects.filter(pk=anne.pk).update(notes="Edited", version=F("version") + 1)
        write(writer)

    monkeypatch.setattr(_ImportWriter, "write", edited_meanwhile)
    with pytest.raises(ImportOutdated):
        contacts_import_apply(
            content=content,
            filename="contacts.csv",
            user=officer,
            expected_fingerprint=preview_fingerprint(content),
        )
    assert Contact.objects.get(pk=anne.pk).phone != "+31534899111"


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_contact_imports_of_one_file_at_once_apply_once(officer):
    munster = PartnerFactory(slug="stadt-munster")
    ContactFactory(email="anne@example.org", partner=munster, phone="+31534818181")
    content = contact_file(
        "Anne,anne@example.org,partner,stadt-munster,+31 53 489 9111",
        *(f"New {n},new{n}@example.org,partner,stadt-munster," for n in range(50)),
    )
    fingerprint = preview_fingerprint(content)

    def apply():
        return contacts_import_apply(
            content=content, filename="contacts.csv", user=officer, expected_fingerprint=fingerprint
        )

    outcomes = at_once(apply, apply)
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["ImportOutdated", "ImportResult"]
    assert Contact.objects.count() == 51
    assert Contact.objects.get(email="anne@example.org").version == 2


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_kohesio_imports_of_one_file_at_once_apply_once():
    portal_data()
    content = sample_bytes()
    preview = projects_import_kohesio(content=content, filename="k.csv", dry_run=True, today=IMPORT_DAY)

    def apply():
        return projects_import_kohesio(
            content=content, filename="k.csv", today=IMPORT_DAY, expected_fingerprint=preview.fingerprint
        )

    outcomes = at_once(apply, apply)
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["KohesioImportOutdated", "KohesioPlan"]
    assert Project.objects.exclude(kohesio_id="").count() == preview.counts["created"]
