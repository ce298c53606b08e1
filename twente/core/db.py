"""Database helpers shared by the portal's search.

PostgreSQL has `unaccent()` (installed by twente's first migration). SQLite does not,
so the same function is registered on every SQLite connection: queries can then use
`Func(F("name_en"), function="unaccent")` on both databases, and "Munster" finds
Münster everywhere.
"""

import unicodedata

from django.db.backends.signals import connection_created

# Letters that do not decompose into a base letter plus accents (as PostgreSQL's
# unaccent rules also spell them out).
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Œ": "OE",
        "œ": "oe",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
    }
)


def fold_accents(value):
    """Text without diacritics ("Münster" → "Munster", "Straße" → "Strasse")."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value).translate(_SPECIAL))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("unaccent", 1, fold_accents, deterministic=True)


def connect_signals():
    connection_created.connect(register_sqlite_functions, dispatch_uid="twente-sqlite-unaccent")
