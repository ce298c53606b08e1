"""The shape of a text written in the portal's three languages."""

from typing import NamedTuple


class Text(NamedTuple):
    """One translated value: Dutch, English and German, all three written out."""

    nl: str
    en: str
    de: str

    @classmethod
    def same(cls, value):
        """A proper name spelt the same in every language."""
        return cls(value, value, value)
