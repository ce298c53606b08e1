"""The DCAT-AP-NL 3.0 catalogue: conforms to the shapes in Turtle and JSON-LD."""

from pathlib import Path

import pytest
import rdflib
from django.core.management import call_command
from pyshacl import validate
from rdflib.namespace import DCAT, DCTERMS

from projects.models import Project

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parent.parent / "data" / "dcat"
CC0 = rdflib.URIRef("http://creativecommons.org/publicdomain/zero/1.0/")


@pytest.fixture(scope="module")
def shapes():
    return rdflib.Graph().parse(SHAPES / "dcat-ap-SHACL.ttl").parse(SHAPES / "dcat-ap-nl-SHACL.ttl")


@pytest.fixture
def shipped(db, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "opendata@example.nl"
    settings.OPEN_DATA_CONTACT_PHONE = "+31 53 481 81 81"
    call_command("load_twente", verbosity=0)


@pytest.mark.parametrize(("url", "rdf_format", "content_type"), [
    ("/catalog.ttl", "turtle", "text/turtle"),
    ("/catalog.jsonld", "json-ld", "application/ld+json"),
])  # fmt: skip
def test_the_catalogue_conforms_to_dcat_ap_nl(client, shipped, shapes, url, rdf_format, content_type):
    response = client.get(url)
    assert response["Content-Type"].startswith(content_type)
    data = rdflib.Graph().parse(data=response.content.decode(), format=rdf_format)
    conforms, _graph, report = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert conforms, report
    datasets = set(data.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert {str(d).rsplit("#", 1)[1] for d in datasets} == {
        "municipalities",
        "partners",
        "districts",
        "projects",
    }
    for dataset in datasets:
        distributions = list(data.objects(dataset, DCAT.distribution))
        assert len(distributions) == 6  # CSV and JSON in nl, en and de
        assert all(data.value(d, DCTERMS.license) == CC0 for d in distributions)
        assert data.value(dataset, DCTERMS.identifier) is not None
        assert data.value(dataset, DCTERMS.modified) is not None
    text = response.content.decode()
    assert "mailto:opendata@example.nl" in text and "tel:+31534818181" in text


def test_catalogue_by_content_negotiation(client, shipped):
    assert client.get("/catalog", HTTP_ACCEPT="application/ld+json")["Content-Type"].startswith(
        "application/ld+json"
    )
    assert client.get("/catalog", HTTP_ACCEPT="text/turtle")["Content-Type"].startswith("text/turtle")
    assert client.get("/catalog")["Content-Type"].startswith("text/turtle")


def test_the_licence_setting_is_used(client, shipped, settings):
    settings.OPEN_DATA_LICENSE_URL = "http://creativecommons.org/licenses/by/4.0/"
    text = client.get("/catalog.ttl").content.decode()
    assert "creativecommons.org/licenses/by/4.0/" in text
    assert "publicdomain/zero" not in text


def test_a_change_gives_the_next_request_its_new_modified_date(client, shipped):
    """Each worker keeps serialised catalogues, keyed by the dates read on every request."""

    def projects_modified():
        data = rdflib.Graph().parse(data=client.get("/catalog.ttl").content.decode(), format="turtle")
        dataset = next(
            d for d in data.subjects(rdflib.RDF.type, DCAT.Dataset) if str(d).endswith("#projects")
        )
        return data.value(dataset, DCTERMS.modified).toPython()

    before = projects_modified()
    project = Project.objects.published().first()
    project.save()
    project.refresh_from_db()
    assert projects_modified() == project.updated_at > before


def test_each_host_gets_its_own_addresses(client, shipped, settings):
    settings.ALLOWED_HOSTS = ["portal.example.nl", "data.example.nl"]
    first = client.get("/catalog.ttl", HTTP_HOST="portal.example.nl").content.decode()
    second = client.get("/catalog.ttl", HTTP_HOST="data.example.nl").content.decode()
    assert "http://portal.example.nl/en/projects/?format=csv" in first
    assert "http://data.example.nl/en/projects/?format=csv" in second and "portal.example.nl" not in second
