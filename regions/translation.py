"""Translated fields of the regions app (nl, en, de).

History is registered here, after the translation options, so that the history
models are built with every language's field (see the pitfalls note in the README).
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from regions.models import Cluster, InnovationDistrict, Municipality, Region, Theme


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


simple_history.register(Theme)
simple_history.register(Cluster)
simple_history.register(Municipality)
simple_history.register(Region, m2m_fields=["municipalities"])
simple_history.register(InnovationDistrict, m2m_fields=["clusters"])
