"""Translated fields of the projects app (nl, en, de), then history (see regions)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from projects.models import FundingProgramme, Participation, Project


@register(FundingProgramme)
class FundingProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("nl",)


simple_history.register(FundingProgramme)
# The last imported source values are bookkeeping of the import, not content: a revert
# must not bring back an older file's values (the next import would misread the edits).
simple_history.register(Project, m2m_fields=["themes", "municipalities"], excluded_fields=["kohesio_source"])
simple_history.register(Participation)
