"""Site search: one box in the header, results from every section, published items only.

PostgreSQL ranks full-text matches in the active language's configuration (title
weighted highest) and adds trigram similarity on the title for typing errors, over
vectors and a title index the database stores and keeps current
(twente.core.search_vectors), so a search costs index lookups at any size; SQLite
matches every word of the query as a substring. Both compare accent-free text, so
"Munster" finds Münster and "Osnabruck" finds Osnabrück.

What is searched is what a visitor reads in the active language: the title, summary
and description shown on the page (the translation, or its fallback when there is
none), plus the title in the other languages at the lowest weight, because people
type names as they know them.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Q, TextField, Value, When, Window
from django.db.models.expressions import Func
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from partners.models import Partner
from projects.models import Project
from regions.models import InnovationDistrict, Municipality
from twente.core.db import fold_accents
from twente.core.search_vectors import StoredSearch, language_chain

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_KIND = 20


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    model: type
    title_field: str


SECTIONS = (
    Section("municipalities", _("Municipalities"), Municipality, "name"),
    Section("partners", _("Partners"), Partner, "name"),
    Section("districts", _("Innovation districts"), InnovationDistrict, "name"),
    Section("projects", _("EU projects"), Project, "title"),
)


@dataclass
class ResultGroup:
    section: Section
    results: list
    count: int

    @property
    def shown(self):
        return len(self.results)

    @property
    def best_score(self):
        return self.results[0].score if self.results else 0.0


def clean_query(raw):
    """The query as searched, and a notice for the visitor when it had to be changed.

    Control characters (PostgreSQL refuses NUL bytes) and runs of white space go; a
    query longer than MAX_QUERY_LENGTH characters is cut at that length.
    """
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw or "")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        shortened = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] if " " in text[:MAX_QUERY_LENGTH] else ""
        shortened = shortened or text[:MAX_QUERY_LENGTH]
        notice = gettext("Your search was too long, so only its first %(limit)s characters were used.") % {
            "limit": MAX_QUERY_LENGTH
        }
        return shortened, notice
    return text, None


def _shown_fields(section):
    return [
        f"{field}{suffix}"
        for field in (section.title_field, "summary")
        for suffix in ("", *(f"_{code}" for code, _name in settings.LANGUAGES))
    ]


def _displayed(field, language):
    """The text a visitor reads: the active language's value, else its fallbacks'."""
    values = [NullIf(F(f"{field}_{code}"), Value("")) for code in language_chain(language)]
    return Coalesce(*values, Value(""), output_field=TextField())


def _unaccent(expression):
    return Func(expression, function="unaccent", output_field=TextField())


def _other_titles(section, language):
    return [F(f"{section.title_field}_{code}") for code, _name in settings.LANGUAGES if code != language]


def _postgres_search(queryset, section, query, language):
    """Over the stored, indexed vectors and title of the active language."""
    stored = StoredSearch(section.model, section.title_field, query, language)
    return (
        queryset.filter(stored.matches())
        .annotate(
            search_title=stored.title_expression(),
            score=ExpressionWrapper(
                # Whole-title similarity: "Münster" itself before "University of Münster".
                stored.rank() + stored.word_similarity() + stored.similarity(),
                output_field=FloatField(),
            ),
        )
        .order_by("-score", "search_title")
    )


def _simple_search(queryset, section, query, language):
    """Every word must occur (accents ignored) in one of the searched texts."""
    texts = {
        "search_title": _unaccent(_displayed(section.title_field, language)),
        "search_summary": _unaccent(_displayed("summary", language)),
        "search_description": _unaccent(_displayed("description", language)),
    }
    for index, field in enumerate(_other_titles(section, language)):
        texts[f"search_other_{index}"] = _unaccent(field)
    terms = re.findall(r"\w+", query)[:MAX_TERMS]
    if not terms:
        return queryset.none()
    condition = Q()
    for term in terms:
        condition &= Q.create([(f"{name}__icontains", term) for name in texts], connector=Q.OR)
    return (
        queryset.annotate(**texts)
        .filter(condition)
        .annotate(
            score=Case(
                When(search_title__iexact=query, then=Value(3.0)),
                When(search_title__istartswith=query, then=Value(2.0)),
                When(search_title__icontains=query, then=Value(1.0)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        )
        .order_by("-score", "search_title")
    )


def search_section(section, query, language=None):
    """Published items of one section matching the query, best first; each item carries
    `total`, the number of all matches (one query, whatever the number of results)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    folded = fold_accents(query)
    # Only what a result shows: every match is ranked, and carrying the descriptions of
    # each through the ranking cost a third of the query (energy at 10,000 projects).
    queryset = section.model.objects.published().only("slug", *_shown_fields(section))
    if connection.vendor == "postgresql":
        queryset = _postgres_search(queryset, section, folded, language)
    else:
        queryset = _simple_search(queryset, section, folded, language)
    return queryset.annotate(total=Window(Count("pk")))


def search_portal(query, language=None):
    """Results grouped by section; one database query per section, none for an empty query."""
    if not query:
        return []
    groups = []
    for section in SECTIONS:
        results = list(search_section(section, query, language)[:RESULTS_PER_KIND])
        groups.append(ResultGroup(section, results, results[0].total if results else 0))
    return groups


class SearchView(TemplateView):
    template_name = "twente/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query, notice = clean_query(self.request.GET.get("q", ""))
        groups = search_portal(query)
        context.update(
            search_query=query,
            query_notice=notice,
            groups=groups,
            # Sections with the best match first: "Munster" shows the partner Münster
            # before municipalities whose description mentions it.
            found_groups=sorted((g for g in groups if g.count), key=lambda g: -g.best_score),
            total_count=sum(group.count for group in groups),
        )
        return context
