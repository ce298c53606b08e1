"""Stored search vectors on PostgreSQL: kept right by the database on every write path,
and used, with the title's trigram index, by the site search and the list's text filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from partners.models import Partner
from projects.filters import ProjectFilter
from projects.models import Project
from regions.models import InnovationDistrict, Municipality
from tests.factories import PartnerFactory, ProjectFactory
from twente.search import SECTIONS, search_section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="stored vectors are PostgreSQL's"),
]

PROJECTS = next(section for section in SECTIONS if section.model is Project)


def prefer_indexes():
    """Plans as PostgreSQL makes them at scale: with a handful of test rows a sequential
    scan (or one index for the whole table) is cheaper, so both are switched off to see
    which indexes a query can combine."""
    table = Project._meta.db_table
    with connection.cursor() as cursor:
        # With nearly every row published the state index selects nothing, but on a
        # small table the planner still likes it; it goes (the test's transaction
        # rolls the DROP back) so the plan is the one seen at 10,000 projects.
        constraints = connection.introspection.get_constraints(cursor, table)
        for name, info in constraints.items():
            if info["index"] and info["columns"] == ["publication_state"]:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        cursor.execute(f"ANALYZE {table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")


def plan(queryset):
    prefer_indexes()
    return queryset.explain()


@pytest.mark.parametrize("model", [Municipality, InnovationDistrict, Partner, Project])
def test_every_searchable_table_has_a_vector_and_indexes_per_language(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, table)}
        indexes = connection.introspection.get_constraints(cursor, table)
    for language in ("nl", "en", "de"):
        assert {f"search_{language}", f"search_title_{language}"} <= columns
        assert f"{table}_fts_{language}" in indexes
        assert f"{table}_trgm_{language}" in indexes


def many_projects(title, matching=20, others=2000):
    """Enough rows that an index pays off, written in bulk (the database fills the vectors)."""
    programme = ProjectFactory().programme
    Project.objects.bulk_create(
        [
            ProjectFactory.build(
                slug=f"p-{n}",
                programme=programme,
                **({"title_en": title, "title_de": title} if n < matching else {}),
            )
            for n in range(matching + others)
        ]
    )


def test_search_uses_the_vector_and_title_indexes():
    many_projects("Energy transition")
    with translation.override("en"):
        query_plan = plan(search_section(PROJECTS, "energy", "en"))
    assert "projects_project_fts_en" in query_plan
    assert "projects_project_trgm_en" in query_plan
    assert "Seq Scan on projects_project" not in query_plan


def test_the_project_lists_text_filter_uses_the_same_indexes():
    many_projects("Wasser in Enschede", matching=3)
    prefer_indexes()
    with translation.override("de"), CaptureQueriesContext(connection) as queries:
        filtered = ProjectFilter({"q": "Wasser"}, queryset=Project.objects.published()).qs
        assert filtered.count() == 3
        assert [project.title_de for project in filtered] == ["Wasser in Enschede"] * 3
    matching, counted, listed = (query["sql"] for query in queries.captured_queries)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {matching}")
        query_plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "projects_project_fts_de" in query_plan
    assert "projects_project_trgm_de" in query_plan
    # The count and the page read the matched ids as one array, not the matches again.
    for query in (counted, listed):
        assert "search_de" not in query and '"projects_project"."id" = ANY(' in query


def test_a_text_filter_matching_nothing_lists_nothing():
    many_projects("Wasser in Enschede", matching=3)
    with translation.override("de"):
        filtered = ProjectFilter({"q": "Vulkanausbruch"}, queryset=Project.objects.published()).qs
        assert filtered.count() == 0
        assert list(filtered) == []


def titles_found(query, language="en"):
    return [project.title_en for project in search_section(PROJECTS, query, language)]


def test_every_write_path_keeps_the_vectors_right():
    """The database computes the vectors: a save, bulk_create and QuerySet.update all
    leave them matching the text, accents folded and words stemmed."""
    saved = ProjectFactory(title_en="Hydrogen valley")
    Project.objects.bulk_create([ProjectFactory.build(title_en="Bulk batteries", programme=saved.programme)])
    assert titles_found("batteries") == ["Bulk batteries"]
    Project.objects.filter(pk=saved.pk).update(title_en="Münster lighting", summary_en="Streetlights renewed")
    assert titles_found("hydrogen") == []
    assert titles_found("Munster") == ["Münster lighting"]
    assert titles_found("streetlight") == ["Münster lighting"]


def test_fallback_text_is_searched_in_the_language_without_a_translation():
    PartnerFactory(name_nl="Gemeentelijk Waterbedrijf", name_en="", name_de="", summary_nl="", summary_en="")
    partners = next(section for section in SECTIONS if section.model is Partner)
    assert [p.name_nl for p in search_section(partners, "waterbedrijf", "de")] == [
        "Gemeentelijk Waterbedrijf"
    ]
