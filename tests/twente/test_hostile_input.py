"""Random and hostile input to every public URL pattern in Dutch, English and German:
query strings, paths and form posts. The answer is always 2xx, 3xx or 4xx (the test
client raises a view's exception, so a 500 fails with its traceback), and no markup
from the input comes back unescaped in an HTML page.

Bounded for `make test`: a fixed number of examples per test, no deadline per example
(the machine is shared), no example database.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import InnovationDistrictFactory, MunicipalityFactory, PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "en", "de")
PLACEHOLDER = "placeholder-slug"
# Markup that must never come back as markup: each is sent inside random text.
MARKUP = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "</textarea><b>x</b>",
)
KNOWN_PARAMETERS = (
    "q", "page", "format", "sort", "theme", "programme", "status", "country", "kind",
    "relationship", "municipality", "region", "alliance", "cluster", "partner", "place",
    "year_from", "year_to", "min_contribution", "max_contribution", "lang",
)  # fmt: skip
BOUNDED = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def public_url_patterns(patterns=None, namespace=""):
    """(name, kwargs) of every named URL pattern outside the admin."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from public_url_patterns(entry.url_patterns, inner)
        elif entry.name:
            yield namespace + entry.name, tuple(entry.pattern.converters)


PATTERNS = sorted(set(public_url_patterns()))


def path_of(name, kwargs, language, slug=PLACEHOLDER):
    with translation.override(language):
        return reverse(name, kwargs=dict.fromkeys(kwargs, PLACEHOLDER)).replace(PLACEHOLDER, slug)


@pytest.fixture
def site(db):
    """One published item of each kind, so detail pages have something to show."""
    return {
        "regions:municipality-detail": MunicipalityFactory().slug,
        "regions:district-detail": InnovationDistrictFactory().slug,
        "partners:partner-detail": PartnerFactory().slug,
        "projects:project-detail": ProjectFactory().slug,
    }


ODD_VALUES = ("-1", "0", "9" * 30, "1e309", "NaN", "%00", "\x00", "../../etc/passwd", "' OR 1=1", "ü" * 300)
hostile_text = st.one_of(
    st.text(max_size=40),
    st.builds("{}{}{}".format, st.text(max_size=10), st.sampled_from(MARKUP), st.text(max_size=10)),
    st.sampled_from(ODD_VALUES),
)
parameters = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(min_size=1, max_size=12)),
    st.one_of(hostile_text, st.lists(hostile_text, min_size=1, max_size=3)),
    max_size=5,
)


def assert_sound(response, sent):
    assert 200 <= response.status_code < 500, response.status_code
    if "html" in response.get("Content-Type", "") and not response.streaming:
        page = response.content.decode("utf-8", "replace")
        for markup in MARKUP:
            if markup in sent:
                assert markup not in page, markup


def sent_text(data):
    return " ".join(f"{key} {value}" for key, value in data.items())


@BOUNDED
@given(pattern=st.sampled_from(PATTERNS), language=st.sampled_from(LANGUAGES), query=parameters)
def test_hostile_query_strings(site, pattern, language, query):
    name, kwargs = pattern
    path = path_of(name, kwargs, language, site.get(name, PLACEHOLDER))
    response = Client().get(path, query)
    assert_sound(response, sent_text(query))


@BOUNDED
@given(
    pattern=st.sampled_from(PATTERNS),
    language=st.sampled_from(LANGUAGES),
    slug=hostile_text,
    tail=hostile_text,
)
def test_hostile_paths(site, pattern, language, slug, tail):
    name, kwargs = pattern
    path = path_of(name, kwargs, language, quote(slug, safe="") or "x") + quote(tail)
    response = Client().get(path)
    assert_sound(response, slug + tail)


@BOUNDED
@given(pattern=st.sampled_from(PATTERNS), language=st.sampled_from(LANGUAGES), form=parameters)
def test_hostile_form_posts(site, pattern, language, form):
    name, kwargs = pattern
    path = path_of(name, kwargs, language, site.get(name, PLACEHOLDER))
    response = Client().post(path, form)
    assert_sound(response, sent_text(form))


def test_every_public_pattern_is_covered():
    names = {name for name, _kwargs in PATTERNS}
    assert {"healthz", "robots-txt", "sitemap", "home", "search", "map", "projects:project-list"} <= names
    assert not any(name.startswith("admin:") for name in names)
