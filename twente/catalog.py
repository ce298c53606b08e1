"""The open-data catalogue in DCAT-AP-NL 3.0, for data.overheid.nl and data.europa.eu to harvest.

`/catalog.ttl` (Turtle), `/catalog.jsonld` (JSON-LD) and `/catalog` (whichever the
`Accept` header prefers, Turtle by default). Each of the four datasets (municipalities,
partners, innovation districts, projects) has a CSV and a JSON distribution per
language: the list pages' own open-data URLs. The licence, contact email and phone come
from settings (`OPEN_DATA_LICENSE_URL`, `OPEN_DATA_CONTACT_EMAIL`,
`OPEN_DATA_CONTACT_PHONE`); the modified dates from the newest published item.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from partners.models import Partner
from projects.models import Project
from regions.models import InnovationDistrict, Municipality

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
ACCESS_RIGHT = Namespace("http://publications.europa.eu/resource/authority/access-right/")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
MEDIA_TYPE = Namespace("http://www.iana.org/assignments/media-types/")
LANGUAGE_URIS = {"nl": EU_LANGUAGE.NLD, "en": EU_LANGUAGE.ENG, "de": EU_LANGUAGE.DEU}
# The EU data-theme vocabulary's own labels of the themes used.
THEME_LABELS = {
    "REGI": {"en": "Regions and cities", "nl": "Regio's en steden", "de": "Regionen und Städte"},
    "GOVE": {
        "en": "Government and public sector",
        "nl": "Overheid en publieke sector",
        "de": "Regierung und öffentlicher Sektor",
    },
    "ECON": {"en": "Economy and finance", "nl": "Economie en financiën", "de": "Wirtschaft und Finanzen"},
    "INTR": {
        "en": "International issues",
        "nl": "Internationale vraagstukken",
        "de": "Internationale Themen",
    },
}
FORMATS = {"csv": ("CSV", "text/csv"), "json": ("JSON", "application/json")}


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    list_url: str
    model: type
    themes: tuple


DATASETS = (
    Dataset(
        "municipalities",
        _("Municipalities of Twente"),
        _("The municipalities on the portal with their CBS code, province, population, regions and place."),
        "regions:municipality-list",
        Municipality,
        ("REGI", "GOVE"),
    ),
    Dataset(
        "partners",
        _("Cross-border partners of Twente"),
        _("Partner organisations (cities, networks, institutes, companies) and their ties with Twente."),
        "partners:partner-list",
        Partner,
        ("REGI", "INTR"),
    ),
    Dataset(
        "districts",
        _("Innovation districts of Twente"),
        _("Innovation districts with their municipality, area, economic clusters and place."),
        "regions:district-list",
        InnovationDistrict,
        ("REGI", "ECON"),
    ),
    Dataset(
        "projects",
        _("EU-funded projects in Twente"),
        _("EU-funded projects with programme, themes, places, partners, dates, budget and EU contribution."),
        "projects:project-list",
        Project,
        ("REGI", "ECON"),
    ),
)


def _texts(graph, subject, predicate, text):
    """A translatable text in each language, tagged with it."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            graph.add((subject, predicate, Literal(str(text), lang=code)))


def _datetime(moment):
    return Literal(moment.isoformat(), datatype=XSD.dateTime)


def _modified(model):
    newest = model.objects.published().aggregate(newest=Max("updated_at"))["newest"]
    return newest


def build_catalog(base, modified_dates):
    """The catalogue as an rdflib Graph: every URI absolute on `base` (the requesting
    scheme and host), each dataset modified at its date in `modified_dates`."""
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, namespace)
    root = f"{base}/"
    catalog = URIRef(f"{base}{reverse('catalog')}")
    publisher = URIRef(f"{root}#publisher")
    contact = URIRef(f"{root}#contact")
    license_uri = URIRef(settings.OPEN_DATA_LICENSE_URL)
    # The controlled terms used, typed as DCAT-AP's class ranges expect (harvesters check them).
    graph.add((license_uri, RDF.type, DCTERMS.LicenseDocument))
    graph.add((ACCESS_RIGHT.PUBLIC, RDF.type, DCTERMS.RightsStatement))
    for language in LANGUAGE_URIS.values():
        graph.add((language, RDF.type, DCTERMS.LinguisticSystem))
    for file_type, media_type in FORMATS.values():
        graph.add((FILE_TYPE[file_type], RDF.type, DCTERMS.MediaTypeOrExtent))
        graph.add((MEDIA_TYPE[media_type], RDF.type, DCTERMS.MediaType))
    for theme in {theme for dataset in DATASETS for theme in dataset.themes}:
        graph.add((DATA_THEME[theme], RDF.type, SKOS.Concept))
        graph.add((DATA_THEME[theme], SKOS.inScheme, URIRef(str(DATA_THEME).rstrip("/"))))
        for code, label in THEME_LABELS[theme].items():
            graph.add((DATA_THEME[theme], SKOS.prefLabel, Literal(label, lang=code)))

    graph.add((publisher, RDF.type, FOAF.Agent))
    _texts(graph, publisher, FOAF.name, _("Netwerkstad Twente"))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, RDF.type, VCARD.Kind))
    _texts(graph, contact, VCARD.fn, _("Netwerkstad Twente"))
    if settings.OPEN_DATA_CONTACT_EMAIL:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}")))
    if settings.OPEN_DATA_CONTACT_PHONE:
        phone = settings.OPEN_DATA_CONTACT_PHONE.replace(" ", "")
        graph.add((contact, VCARD.hasTelephone, URIRef(f"tel:{phone}")))

    graph.add((catalog, RDF.type, DCAT.Catalog))
    _texts(graph, catalog, DCTERMS.title, _("Open data of the Netwerkstad Twente portal"))
    _texts(
        graph,
        catalog,
        DCTERMS.description,
        _("Municipalities, cross-border partners, innovation districts and EU-funded projects of Twente."),
    )
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCAT.contactPoint, contact))
    graph.add((catalog, FOAF.homepage, URIRef(root)))
    graph.add((URIRef(root), RDF.type, FOAF.Document))
    graph.add((catalog, DCTERMS.license, license_uri))
    for code in LANGUAGE_URIS.values():
        graph.add((catalog, DCTERMS.language, code))

    newest = None
    for dataset, modified in zip(DATASETS, modified_dates, strict=True):
        newest = max(filter(None, (newest, modified)), default=None)
        subject = _add_dataset(graph, base, dataset, publisher, contact, license_uri, modified)
        graph.add((catalog, DCAT.dataset, subject))
    if newest:
        graph.add((catalog, DCTERMS.modified, _datetime(newest)))
    return graph


def _add_dataset(graph, base, dataset, publisher, contact, license_uri, modified):
    subject = URIRef(f"{base}{reverse('catalog')}#{dataset.key}")
    graph.add((subject, RDF.type, DCAT.Dataset))
    _texts(graph, subject, DCTERMS.title, dataset.title)
    _texts(graph, subject, DCTERMS.description, dataset.description)
    graph.add((subject, DCTERMS.identifier, Literal(f"netwerkstad-twente-{dataset.key}")))
    graph.add((subject, DCTERMS.publisher, publisher))
    graph.add((subject, DCTERMS.creator, publisher))
    graph.add((subject, DCAT.contactPoint, contact))
    graph.add((subject, DCTERMS.accessRights, ACCESS_RIGHT.PUBLIC))
    for theme in dataset.themes:
        graph.add((subject, DCAT.theme, DATA_THEME[theme]))
    if modified:
        graph.add((subject, DCTERMS.modified, _datetime(modified)))
    for code, _name in settings.LANGUAGES:
        graph.add((subject, DCTERMS.language, LANGUAGE_URIS[code]))
        with translation.override(code):
            page = f"{base}{reverse(dataset.list_url)}"
        graph.add((subject, DCAT.landingPage, URIRef(page)))
        graph.add((URIRef(page), RDF.type, FOAF.Document))
        for output_format, (file_type, media_type) in FORMATS.items():
            distribution = BNode()
            url = URIRef(f"{page}?format={output_format}")
            graph.add((url, RDF.type, RDFS.Resource))
            graph.add((subject, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCTERMS.title, Literal(f"{dataset.key} ({code}, {file_type})")))
            graph.add((distribution, DCAT.accessURL, url))
            graph.add((distribution, DCAT.downloadURL, url))
            graph.add((distribution, DCTERMS.license, license_uri))
            graph.add((distribution, DCTERMS.format, FILE_TYPE[file_type]))
            graph.add((distribution, DCAT.mediaType, MEDIA_TYPE[media_type]))
            graph.add((distribution, DCTERMS.language, LANGUAGE_URIS[code]))
            if modified:
                graph.add((distribution, DCTERMS.modified, _datetime(modified)))
    return subject


SERIALISATIONS = {
    "ttl": ("turtle", "text/turtle; charset=utf-8"),
    "jsonld": ("json-ld", "application/ld+json; charset=utf-8"),
}


@lru_cache(maxsize=16)
def _serialised(base, modified_dates, key, _open_data_settings):
    return build_catalog(base, modified_dates).serialize(format=SERIALISATIONS[key][0])


def catalog_document(request, key):
    """The serialised catalogue. It depends on nothing but the requesting host, the
    datasets' dates (read on every request) and the open-data settings, so each worker
    keeps the last few documents: serialising the graph with rdflib took two thirds of
    the catalogue's 22 ms."""
    modified_dates = tuple(_modified(dataset.model) for dataset in DATASETS)
    base = request.build_absolute_uri("/").removesuffix("/")
    open_data_settings = (
        settings.OPEN_DATA_LICENSE_URL,
        settings.OPEN_DATA_CONTACT_EMAIL,
        settings.OPEN_DATA_CONTACT_PHONE,
    )
    return _serialised(base, modified_dates, key, open_data_settings)


def _render(request, key):
    document = catalog_document(request, key)
    response = HttpResponse(document, content_type=SERIALISATIONS[key][1])
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def catalog_turtle(request):
    return _render(request, "ttl")


@require_GET
def catalog_jsonld(request):
    return _render(request, "jsonld")


@require_GET
def catalog(request):
    """Content negotiation: JSON-LD when the client prefers it, Turtle otherwise."""
    preferred = request.get_preferred_type(["text/turtle", "application/ld+json", "application/json"])
    wants_json = preferred in ("application/ld+json", "application/json")
    response = _render(request, "jsonld" if wants_json else "ttl")
    response["Vary"] = "Accept"
    return response
