"""The partner list is read in its order from an index in each language: a page costs
the same at 2,000 partners as at 20."""

import pytest
from django.db import connection
from django.utils import translation

from partners.models import Partner
from tests.factories import PartnerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's"),
]


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_each_language_pages_through_its_name_index(language):
    PartnerFactory.create_batch(5)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Partner._meta.db_table}")
        # Sorting every row ruled out: which index gives the order.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    with translation.override(language):
        query_plan = Partner.objects.for_list()[20:40].explain()
    assert f"partner_published_name_{language}" in query_plan
    assert "Sort" not in query_plan.replace("Sort Key", "")
