"""The map groups its projects per grid cell from the index of the cells' expressions:
no cell is computed per project and nothing is sorted, at 10 projects as at 10,000."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Project
from tests.factories import ProjectFactory
from twente.map import project_cells

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's"),
]


def test_the_grid_cells_are_read_in_order_from_their_index():
    for index in range(5):
        ProjectFactory(latitude=Decimal("52.2") + Decimal(index) / 10, longitude=Decimal("6.8"))
    with CaptureQueriesContext(connection) as queries:
        cells = project_cells()
    assert sum(cell["count"] for cell in cells) == 5
    grouping = queries.captured_queries[0]["sql"]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Project._meta.db_table}")
        # With a handful of rows a scan of the table costs the same: rule it out, and
        # sorting, to see which index gives the cells in order.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {grouping}")
        query_plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using project_published_map_cells" in query_plan
    assert "Sort" not in query_plan.replace("Sort Key", "")
