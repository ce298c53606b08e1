"""Every public page type in three languages, and the portal's admin pages in Dutch and
German, conform to HTML as the W3C's Nu HTML Checker reads it (vnu.jar from
package.json, on Java): the checker re-users and auditors run. Without Java or the
checker the tests are skipped, except in CI, where that fails."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from partners.models import Partner
from projects.models import Project
from regions.models import InnovationDistrict, Municipality, Theme
from tests.factories import ContactFactory, PartnerFactory, ProjectFactory
from tests.staff import admin_address, portal_admins

CHECKER = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("nl", "en", "de")


@pytest.fixture(scope="module")
def java():
    java = shutil.which("java")
    if java and CHECKER.exists():
        return java
    message = "The HTML checker needs Java and `make html-checker` (npm)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def check(java, documents):
    """The checker's errors for each {name: html}, read in one run."""
    folder = Path(settings.BASE_DIR) / "test-results" / "html"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, html in documents.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    files = sorted(str(path) for path in folder.iterdir())
    run = subprocess.run(
        [java, "-jar", str(CHECKER), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr)["messages"]
    return sorted(f"{Path(m['url']).stem}:{m.get('lastLine')}: {m['message']}" for m in messages)


def public_addresses():
    """One address of every public page type, with the variants that change the markup:
    filters (valid and invalid), a text filter, an empty search, a layer of the map."""
    project = Project.objects.published().order_by("slug").first()
    partner = Partner.objects.published().order_by("slug").first()
    district = InnovationDistrict.objects.published().order_by("slug").first()
    theme = Theme.objects.order_by("slug").first()
    projects = reverse("projects:project-list")
    search = reverse("search")
    return {
        "home": reverse("home"),
        "about": reverse("about"),
        "accessibility": reverse("accessibility"),
        "privacy": reverse("privacy"),
        "open-data": reverse("open-data"),
        "municipalities": reverse("regions:municipality-list"),
        "municipality": reverse("regions:municipality-detail", args=["enschede"]),
        "districts": reverse("regions:district-list"),
        "district": district.get_absolute_url(),
        "partners": reverse("partners:partner-list"),
        "partners-filtered": reverse("partners:partner-list") + "?country=DE&q=univ",
        "partner": partner.get_absolute_url(),
        "projects": projects,
        "projects-filtered": f"{projects}?theme={theme.slug}&status=running&sort=eu",
        "projects-text": f"{projects}?q=water",
        "projects-invalid": f"{projects}?eu_min=abc&eu_max=-1&status=nonsense&page=999",
        "project": project.get_absolute_url(),
        "funding": reverse("projects:funding"),
        "map": reverse("map"),
        "map-layer": reverse("map") + "?kind=partner&kind=district",
        "search": f"{search}?q=energie",
        "search-nothing": f"{search}?q=qqqzzz",
        "search-empty": search,
        "not-found": f"/{translation.get_language()}/no-such-page/",
    }


@pytest.mark.django_db
def test_public_pages_conform_to_html_in_every_language(client, java):
    call_command("load_twente", verbosity=0)
    # Markup that only some data brings: texts in a fallback language (on the lists,
    # Enschede's page and the map) and a partner without coordinates (under the map).
    ProjectFactory(
        title_nl="",
        title_de="",
        title_en="Water from the Dinkel",
        summary_de="",
        municipalities=list(Municipality.objects.filter(slug__in=["enschede", "hengelo"])),
    )
    PartnerFactory(latitude=None, longitude=None)
    documents = {}
    for language in LANGUAGES:
        with translation.override(language):
            addresses = public_addresses()
        for name, address in addresses.items():
            response = client.get(address)
            assert response.status_code == (404 if name == "not-found" else 200), address
            documents[f"{language}-{name}"] = response.content.decode()
    errors = check(java, documents)
    assert not errors, "\n".join(errors[:40])


ADMIN_VIEWS = (
    "admin:partners_contact_export",
    "admin:partners_contact_import",
    "admin:projects_project_import_kohesio",
)


def admin_addresses(user):
    """The list, add, change and history pages of every portal model, and the contact
    export and import and the Kohesio import."""
    addresses = {name.split(":")[1]: reverse(name) for name in ADMIN_VIEWS}
    request = RequestFactory().get("/")
    request.user = user
    for model, model_admin in portal_admins():
        name = model._meta.model_name
        addresses[f"{name}-list"] = admin_address(model, "changelist")
        if model_admin.has_add_permission(request):  # not the logs, which nobody writes
            addresses[f"{name}-add"] = admin_address(model, "add")
        item = model._default_manager.order_by("pk").first()
        if item is not None:
            addresses[f"{name}-change"] = admin_address(model, "change", item.pk)
            addresses[f"{name}-history"] = admin_address(model, "history", item.pk)
    return addresses


@pytest.mark.django_db
def test_admin_pages_conform_to_html_in_dutch_and_german(client, java, django_user_model):
    call_command("load_twente", verbosity=0)
    ContactFactory(partner=Partner.objects.order_by("pk").first())
    user = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(user)
    documents = {}
    addresses = admin_addresses(user)
    for language in ("nl", "de"):
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
        for name, address in addresses.items():
            response = client.get(address)
            assert response.status_code == 200, address
            documents[f"{language}-{name}"] = response.content.decode()
    errors = check(java, documents)
    assert not errors, "\n".join(errors[:40])
