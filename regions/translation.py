"""Translated fields of the regions app (nl, en, de).

History is registered here, after the translation options, so that the history
models are built with every language's field (see the pitfalls note in the README).
"""

from modeltranslation.translator import TranslationOptions, register

from regions.models import Cluster, InnovationDistrict, Municipality, Region, Theme
from twente.core.snapshots import register_history


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(Cluster)
class ClusterTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(Municipality)
class MunicipalityTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("nl",)


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("nl",)


@register(InnovationDistrict)
class InnovationDistrictTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("nl",)


register_history(Theme)
register_history(Cluster)
register_history(Municipality)
register_history(Region, m2m_fields=["municipalities"])
register_history(InnovationDistrict, m2m_fields=["clusters"])
