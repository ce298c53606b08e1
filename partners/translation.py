"""Translated fields of the partners app (nl, en, de), then history (see regions)."""

from modeltranslation.translator import TranslationOptions, register

from partners.models import Contact, Membership, Partner, Relationship
from twente.core.snapshots import register_history


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


register_history(Partner, related=["relationships", "members", "contacts"])
register_history(Relationship)
register_history(Membership)
register_history(Contact, m2m_fields=["topics"])
