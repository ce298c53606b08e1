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
simple_history.register(Project, m2m_fields=["themes", "municipalities"])
simple_history.register(Participation)
