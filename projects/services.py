"""Writes of the projects app that touch several models: the Kohesio import."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from projects.kohesio import (
    DEFAULT_NUTS,
    MAX_UPLOAD_BYTES,
    RELATED_FIELDS,
    KohesioPlan,
    NewProgramme,
    build_plan,
    encode,
    read_kohesio_file,
)
from projects.models import FundingProgramme, ParticipantRole, Participation, Project
from twente.core import history_reasons
from twente.core.db import one_at_a_time
from twente.core.publishing import stored_version

# The reason every change of an import carries in the history (twente.core.history_reasons).
KOHESIO_REASON = history_reasons.register("kohesio-import", _("Kohesio import: %(detail)s"))


class KohesioImportOutdated(Exception):
    """The projects changed between the preview and the confirmation."""


def kohesio_change_reason(filename):
    """The reason every change of an import carries in the history: what and which file."""
    return history_reasons.reason(KOHESIO_REASON, filename)


@transaction.atomic
def projects_import_kohesio(
    *,
    content: bytes,
    filename: str,
    nuts=DEFAULT_NUTS,
    user=None,
    publish: bool = False,
    dry_run: bool = False,
    today: datetime.date | None = None,
    expected_fingerprint: str | None = None,
    size_limit: int | None = MAX_UPLOAD_BYTES,
) -> KohesioPlan:
    """Import a Kohesio project file in one transaction, or with `dry_run` only plan it.

    Rows of other NUTS3 regions are skipped and invalid rows left out, as the plan says.
    New projects are drafts unless `publish`. A field an editor changed since the last
    import keeps the editor's value. With `expected_fingerprint` (the admin's preview),
    a plan that differs from the one the user saw raises KohesioImportOutdated and
    writes nothing. Every project saved carries the reason "Kohesio import: <file>" in
    its history; saves go through `Model.save()`, so save signals (cache) fire.
    `size_limit` is the admin upload's; the command, reading a file on the server, lifts it."""
    table = read_kohesio_file(content, filename, limit=size_limit)
    if not dry_run:
        one_at_a_time("kohesio import")  # a second import plans from the first one's result
    plan = build_plan(table, nuts=nuts, today=today or timezone.localdate())
    if expected_fingerprint is not None and plan.fingerprint != expected_fingerprint:
        raise KohesioImportOutdated
    if dry_run:
        return plan
    reason = kohesio_change_reason(filename)
    for programme in plan.new_programmes.values():
        _create_programme(programme, user=user, reason=reason)
    for row in plan.writes:
        # A programme created just now has its key only now.
        row.source["fields"]["programme"] = encode("programme", row.programme)
        if row.status == "created":
            _create_project(row, plan, user=user, reason=reason, publish=publish)
        else:
            _update_project(row, plan, user=user, reason=reason)
    for row in plan.having("unchanged"):
        if row.project.kohesio_source != row.source:
            # Only the bookkeeping moves on (say, the source now agrees with the editor):
            # nothing a visitor or editor sees changes, so no history entry and no save.
            Project.objects.filter(pk=row.project.pk).update(kohesio_source=row.source)
    return plan


def _create_programme(programme: NewProgramme, *, user, reason):
    base = slugify(programme.code or programme.name)[:90] or "programme"
    slug, counter = base, 2
    while FundingProgramme.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    instance = FundingProgramme(
        name=programme.name, name_nl=programme.name, code=programme.code, fund=programme.fund, slug=slug
    )
    instance._history_user = user
    instance._change_reason = reason
    instance.save()
    programme.instance = instance


def _resolved(value):
    return value.instance if isinstance(value, NewProgramme) else value


def _create_project(row, plan, *, user, reason, publish):
    values = row.values
    project = Project(
        slug=row.slug,
        kohesio_id=row.kohesio_id,
        kohesio_imported_on=plan.today,
        kohesio_source=row.source,
        **{name: _resolved(value) for name, value in values.items() if name not in RELATED_FIELDS},
    )
    # The untranslated `title` column mirrors the default language, as the admin's would.
    project.title = values["title_nl"] or values["title_en"] or values["title_de"]
    if publish:
        project.mark_published()
    project._history_user = user
    project._change_reason = reason
    project.save()
    _set_related(project, values, added_participants=values["participants"])


def _update_project(row, plan, *, user, reason):
    project = row.project
    if stored_version(project, lock=True) != project.version:
        raise KohesioImportOutdated
    for name, value in row.values.items():
        if name not in RELATED_FIELDS:
            setattr(project, name, _resolved(value))
    project.kohesio_source = row.source
    if row.values:
        project.kohesio_imported_on = plan.today
    project.version += 1
    project._history_user = user
    project._change_reason = reason
    already = {participation.partner_id for participation in project.participations.all()}
    added = [partner for partner in row.values.get("participants", []) if partner.pk not in already]
    _set_related(project, row.values, added_participants=added)


def _set_related(project, values, *, added_participants):
    """Themes, places and participants, then one save: its history entry records them
    all (the m2m changes themselves would each add an entry without the reason)."""
    project.skip_history_when_saving = True
    try:
        for name in ("themes", "municipalities"):
            if name in values:
                getattr(project, name).set(values[name])
        has_lead = project.participations.filter(role=ParticipantRole.LEAD).exists()
        for partner in added_participants:
            participation = Participation(
                project=project,
                partner=partner,
                role=ParticipantRole.PARTNER if has_lead else ParticipantRole.LEAD,
            )
            participation._history_user = project._history_user
            participation._change_reason = project._change_reason
            participation.save()
            has_lead = True
    finally:
        del project.skip_history_when_saving
    project.save()
