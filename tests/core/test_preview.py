"""Staff preview of unpublished detail pages; the public never sees them."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from tests.factories import ClusterFactory, InnovationDistrictFactory, MunicipalityFactory, RegionFactory
from twente.core.models import PublicationState
from twente.core.preview import without_published_filter

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password="pw", is_staff=True)


def grant(user, codename):
    user.user_permissions.add(Permission.objects.get(codename=codename))


def url_of(item):
    return item.get_absolute_url()


@pytest.mark.parametrize("state", [PublicationState.DRAFT, PublicationState.WITHDRAWN])
def test_unpublished_municipality_is_not_found_for_the_public(client, state):
    municipality = MunicipalityFactory(publication_state=state)
    response = client.get(url_of(municipality))
    assert response.status_code == 404


def test_staff_without_permission_do_not_get_a_preview(client, staff):
    municipality = MunicipalityFactory(publication_state=PublicationState.DRAFT)
    client.force_login(staff)
    assert client.get(url_of(municipality)).status_code == 404


@pytest.mark.parametrize("codename", ["view_municipality", "change_municipality"])
@pytest.mark.parametrize("state", [PublicationState.DRAFT, PublicationState.WITHDRAWN])
def test_staff_with_permission_see_a_marked_preview(client, staff, codename, state):
    municipality = MunicipalityFactory(publication_state=state, name_nl="Concept town")
    region = RegionFactory()
    region.municipalities.add(municipality)
    grant(staff, codename)
    client.force_login(staff)
    response = client.get(url_of(municipality))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Concept town" in page
    assert 'class="preview-banner"' in page
    with translation.override("nl"):  # the item's address is the Dutch page
        assert translation.gettext("this item is not published. Only staff can see this page.") in page
    assert response.context["is_preview"] is True
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex, nofollow">' in page
    # Related items are still prefetched and shown as on the public page.
    assert region.name in page


def test_published_page_for_staff_is_not_a_preview(client, staff):
    municipality = MunicipalityFactory()
    grant(staff, "view_municipality")
    client.force_login(staff)
    response = client.get(url_of(municipality))
    assert response.context["is_preview"] is False
    assert 'class="preview-banner"' not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_public_page_has_no_preview_marks(client):
    response = client.get(url_of(MunicipalityFactory()))
    assert 'class="preview-banner"' not in response.content.decode()
    assert "X-Robots-Tag" not in response
    assert "no-store" not in response.get("Cache-Control", "")


def test_permission_on_another_model_does_not_open_a_preview(client, staff):
    district = InnovationDistrictFactory(publication_state=PublicationState.DRAFT)
    grant(staff, "view_municipality")
    client.force_login(staff)
    assert client.get(url_of(district)).status_code == 404
    grant(staff, "change_innovationdistrict")
    staff = type(staff).objects.get(pk=staff.pk)  # fresh permission cache
    client.force_login(staff)
    assert client.get(url_of(district)).status_code == 200


def test_preview_uses_the_same_queries_as_the_public_page(client, staff, django_assert_num_queries):
    """The preview runs the page's own named queryset (same prefetches), so it costs
    the same few queries whatever the state (session, user and permissions aside):
    no N+1 on clusters or projects in preview either."""
    district = InnovationDistrictFactory(slug="concept", publication_state=PublicationState.DRAFT)
    for _ in range(5):
        district.clusters.add(ClusterFactory())
    grant(staff, "view_innovationdistrict")
    client.force_login(staff)
    url = url_of(district)
    client.get(url)  # warm the session and permission lookups
    # The district page's projects are an excerpt: the newest 20 ids with their count in
    # one query, and those rows in another when there are any (here none).
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.status_code == 200
    for _ in range(20):
        district.clusters.add(ClusterFactory())
    with django_assert_num_queries(7):
        client.get(url)


def test_preview_queryset_only_lifts_the_publication_condition():
    from regions.models import Municipality

    published = MunicipalityFactory(slug="a")
    draft = MunicipalityFactory(slug="b", publication_state=PublicationState.DRAFT)
    queryset = without_published_filter(Municipality.objects.for_detail().filter(slug="b"))
    assert list(queryset) == [draft]
    assert set(without_published_filter(Municipality.objects.for_detail())) == {published, draft}
    # The original public queryset is unchanged.
    assert list(Municipality.objects.for_detail()) == [published]


def test_a_queryset_method_without_published_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    from regions.models import Municipality

    with pytest.raises(ImproperlyConfigured):
        without_published_filter(Municipality.objects.all())
