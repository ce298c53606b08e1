"""The published project list is read in each indexed sort order from its index, and the
home page's latest projects too: a page costs the same at 10,000 projects as at 10."""

import pytest
from django.db import connection, transaction

from projects.feeds import LatestProjectsFeed
from projects.filters import SORTS
from projects.models import Project
from tests.factories import FundingProgrammeFactory, ProjectFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's"),
]


def plan(queryset):
    """The plan when sorting every row is ruled out: which index gives the order."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Project._meta.db_table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    return queryset.explain()


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("newest", "project_list_newest"),
        ("oldest", "project_list_oldest"),
        ("eu_contribution", "project_list_eu"),
    ],
)
def test_each_sort_order_pages_through_its_index(sort, index):
    ProjectFactory.create_batch(5, publication_state="published")
    ordering = SORTS[sort][1]
    query_plan = plan(Project.objects.published().order_by(*ordering)[40:60])
    assert index in query_plan
    assert "Sort" not in query_plan.replace("Sort Key", "")


def test_the_latest_projects_come_from_their_index():
    ProjectFactory.create_batch(5, publication_state="published")
    query_plan = plan(Project.objects.published().order_by("-published_at", "-pk")[:3])
    assert "project_latest" in query_plan


def test_the_feed_comes_from_its_index():
    ProjectFactory.create_batch(5, publication_state="published")
    query_plan = plan(LatestProjectsFeed().items())
    assert "project_feed" in query_plan
    assert "Sort" not in query_plan.replace("Sort Key", "")


@pytest.mark.django_db(transaction=True)
def test_a_filtered_list_is_counted_from_the_covering_index():
    # Enough rows that the plan is the one of a real list: with a handful, any index
    # costs about the same and the planner's choice follows the leftovers of other tests.
    programme = FundingProgrammeFactory()
    Project.objects.bulk_create(
        Project(
            slug=f"p-{n}",
            title_nl=f"P {n}",
            publication_state="published",
            status=("running", "completed", "planned")[n % 3],
            programme=programme,
        )
        for n in range(3000)
    )
    projects = Project.objects.published().filter(status="running", programme__isnull=False)
    with connection.cursor() as cursor:
        # VACUUM marks the pages all-visible, as autovacuum does on a live database: only
        # then is reading the index alone cheaper than reading any index and the rows.
        cursor.execute(f"VACUUM ANALYZE {Project._meta.db_table}")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        # What the count reads: the ids of the matching rows.
        query_plan = projects.order_by().values("pk").explain()
    assert "Index Only Scan using project_published_eu" in query_plan
