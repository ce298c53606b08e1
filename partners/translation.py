"""Translated fields of the partners app (nl, en, de), then history (see regions)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from partners.models import Contact, Membership, Partner, Relationship


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("nl",)


@register(Relationship)
class RelationshipTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("job_title",)


simple_history.register(Partner)
simple_history.register(Relationship)
simple_history.register(Membership)
simple_history.register(Contact, m2m_fields=["topics"])
