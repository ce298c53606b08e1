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
register_history(Project, m2m_fields=["themes", "municipalities"], related=["participations"])
register_history(Participation)
