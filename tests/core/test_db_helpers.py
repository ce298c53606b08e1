"""Database helpers: several aggregates in one query, many ids as one condition."""

import pytest
from django.db.models import Count, Max

from partners.models import Partner
from projects.models import Project
from tests.factories import ContactFactory, ParticipationFactory, PartnerFactory, ProjectFactory
from twente.core.db import aggregate_each, count_of, pk_in
from twente.core.models import PublicationState

pytestmark = pytest.mark.django_db


def test_aggregate_each_answers_every_label_in_one_query(django_assert_num_queries):
    ProjectFactory.create_batch(3)
    ProjectFactory(publication_state=PublicationState.DRAFT)
    partner = PartnerFactory()
    querysets = {
        "projects": Project.objects.published(),
        "partners": Partner.objects.published(),
        "none": Project.objects.published().filter(slug="no-such-project"),
    }
    with django_assert_num_queries(1):
        counts = aggregate_each(querysets, Count("pk"))
    assert counts == {"projects": 3, "partners": 1, "none": 0}
    with django_assert_num_queries(1):
        latest = aggregate_each(
            {"partners": Partner.objects.published(), "none": querysets["none"]}, Max("updated_at")
        )
    assert latest == {"partners": partner.updated_at, "none": None}
    assert aggregate_each({}, Count("pk")) == {}


def test_pk_in_selects_exactly_the_given_rows():
    projects = ProjectFactory.create_batch(4)
    wanted = [projects[0].pk, projects[2].pk]
    assert sorted(Project.objects.filter(pk_in(Project, wanted)).values_list("pk", flat=True)) == wanted
    assert not Project.objects.filter(pk_in(Project, [])).exists()


def test_count_of_counts_each_relation_apart_without_joining_them(django_assert_num_queries):
    busy = PartnerFactory(slug="busy")
    ParticipationFactory.create_batch(2, partner=busy)
    ContactFactory.create_batch(3, partner=busy)
    PartnerFactory(slug="quiet")
    queryset = Partner.objects.annotate(
        project_count=count_of(Partner, "participations"), contact_count=count_of(Partner, "contacts")
    ).order_by("slug")
    with django_assert_num_queries(1):
        assert list(queryset.values_list("slug", "project_count", "contact_count")) == [
            ("busy", 2, 3),
            ("quiet", 0, 0),
        ]
    # Counting the annotated rows leaves the subqueries out.
    with django_assert_num_queries(1) as captured:
        assert queryset.count() == 2
    assert "participation" not in captured.captured_queries[0]["sql"]
