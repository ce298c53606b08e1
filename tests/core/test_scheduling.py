"""Scheduled publishing: `publish_scheduled` publishes and withdraws at the set times,
records it in the history, and a second run changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from projects.models import Project
from tests.factories import PartnerFactory, ProjectFactory
from tests.staff import form_data, in_english, staff_member
from twente.core.models import PublicationState
from twente.core.roles import EDITOR
from twente.core.scheduling import scheduled_items_run

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def run():
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def test_a_due_draft_is_published_and_a_due_withdrawal_carried_out_once(caplog):
    now = timezone.now()
    draft = ProjectFactory(publication_state=PublicationState.DRAFT, publish_at=now - HOUR)
    later = ProjectFactory(publication_state=PublicationState.DRAFT, publish_at=now + HOUR)
    live = PartnerFactory(publication_state=PublicationState.PUBLISHED, withdraw_at=now - HOUR)

    with caplog.at_level("INFO", logger="twente.core.scheduling"):
        assert run().strip() == "Published 1, withdrew 1."
    draft.refresh_from_db()
    later.refresh_from_db()
    live.refresh_from_db()
    assert draft.is_published and draft.published_at is not None and draft.publish_at is None
    assert later.publication_state == PublicationState.DRAFT and later.publish_at is not None
    assert live.publication_state == PublicationState.WITHDRAWN and live.withdraw_at is None
    assert draft.history.first().history_change_reason == "scheduled-published"
    assert live.history.first().history_change_reason == "scheduled-withdrawn"
    assert any(str(draft) in message for message in caplog.messages)

    versions = (draft.version, live.version, draft.history.count())
    assert run().strip() == "Published 0, withdrew 0."
    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.version, live.version, draft.history.count()) == versions


def test_publish_then_withdraw_in_one_window_ends_withdrawn():
    now = timezone.now()
    item = ProjectFactory(
        publication_state=PublicationState.DRAFT, publish_at=now - 2 * HOUR, withdraw_at=now - HOUR
    )
    assert scheduled_items_run(now=now) == (1, 1)
    item.refresh_from_db()
    assert item.publication_state == PublicationState.WITHDRAWN and item.published_at is not None


def test_the_admin_sets_shows_and_filters_the_schedule(client):
    in_english(client).force_login(staff_member(EDITOR))
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = client.get(url)
    response = client.post(url, form_data(page, publish_at_0="2030-05-01", publish_at_1="09:00:00"))
    assert response.status_code == 302, response.context and response.context["errors"]
    project.refresh_from_db()
    assert timezone.localtime(project.publish_at).hour == 9

    listing = client.get(reverse("admin:projects_project_changelist") + "?scheduled=publish")
    assert list(listing.context["cl"].result_list) == [project]
    assert "publish May 1, 2030, 9 a.m." in listing.content.decode()
    index = client.get(reverse("admin:index")).content.decode()
    assert "Projects scheduled to be published or withdrawn: 1" in index


def test_withdrawing_before_publishing_is_refused_at_the_field(client):
    in_english(client).force_login(staff_member(EDITOR))
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = client.get(url)
    response = client.post(
        url,
        form_data(
            page,
            publish_at_0="2030-05-01",
            publish_at_1="09:00:00",
            withdraw_at_0="2030-04-01",
            withdraw_at_1="09:00:00",
        ),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["withdraw_at"]
    assert Project.objects.get(pk=project.pk).publish_at is None
