"""Translated fields of the projects app (nl, en, de), then history (see regions)."""

from modeltranslation.translator import TranslationOptions, register

from projects.models import FundingProgramme, Participation, Project
from twente.core.snapshots import register_history


@register(FundingProgramme)
class FundingProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("nl",)


register_history(FundingProgramme)
# The last imported source values are bookkeeping of the import, not content: a revert
# must not bring back an older file's values (the next import would misread the edits).
register_history(
    Project,
    m2m_fields=["themes", "municipalities"],
    related=["participations"],
    excluded_fields=["kohesio_source"],
)
register_history(Participation)
