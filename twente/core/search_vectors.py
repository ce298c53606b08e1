"""Stored full-text vectors and title indexes for search on PostgreSQL.

Each searchable table gets one `tsvector` column per language, `search_nl`,
`search_en` and `search_de`, and the accent-free displayed title beside it
(`search_title_nl`, ...), both GENERATED ALWAYS ... STORED: PostgreSQL itself computes
them on every insert and update, so the admin, imports, `bulk_create`, `QuerySet.update`
and data migrations all keep it right. It holds what a visitor reads in that language,
without accents: the title (the translation, else its fallbacks) weighted A, the
summary B, the description C and the titles in the other languages D. A GIN index
serves the full-text match, and a trigram GIN index on the stored title serves typing
errors (`<%`) and substrings (`ILIKE`); ranking reads the stored title too, so no row
is unaccented at query time.

The columns are not model fields: SQLite has no tsvector, and the portal's SQLite
search (twente.search) folds accents per row instead, which is fine at its size. The
migrations add them with `add_search_vectors()`, which does nothing on SQLite.

`unaccent()` is only STABLE (its dictionary could change), and a generated column or
an index needs an IMMUTABLE expression: `twente_unaccent()` wraps it with the
dictionary named, the usual way to index unaccented text.
"""

from django.conf import settings
from django.db import connection, migrations
from django.db.models import BooleanField, FloatField, TextField
from django.db.models.expressions import RawSQL

from twente.core.db import pk_in

SEARCH_CONFIGS = {"nl": "dutch", "en": "english", "de": "german"}
UNACCENT_FUNCTION = "twente_unaccent"


def language_chain(language):
    """The language and its fallbacks, as modeltranslation shows a missing text."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks["default"])]
    return [code for code in dict.fromkeys(chain) if code in dict(settings.LANGUAGES)]


def vector_column(language):
    return f"search_{language}"


def title_column(language):
    return f"search_title_{language}"


def _quote(name):
    return connection.ops.quote_name(name)


def _displayed(field, language):
    values = [f"NULLIF({_quote(f'{field}_{code}')}, '')" for code in language_chain(language)]
    return f"COALESCE({', '.join(values)}, '')"


def title_sql(title_field, language):
    """The accent-free title a visitor reads, stored beside the vector for the trigram index."""
    return f"{UNACCENT_FUNCTION}({_displayed(title_field, language)})"


def _vector_sql(title_field, language):
    config = f"'{SEARCH_CONFIGS[language]}'::regconfig"
    others = " || ' ' || ".join(
        f"COALESCE({_quote(f'{title_field}_{code}')}, '')"
        for code, _name in settings.LANGUAGES
        if code != language
    )
    parts = [
        (title_sql(title_field, language), "A"),
        (f"{UNACCENT_FUNCTION}({_displayed('summary', language)})", "B"),
        (f"{UNACCENT_FUNCTION}({_displayed('description', language)})", "C"),
        (f"{UNACCENT_FUNCTION}({others})", "D"),
    ]
    return " || ".join(f"setweight(to_tsvector({config}, {text}), '{weight}')" for text, weight in parts)


def _index_name(table, kind, language):
    return f"{table}_{kind}_{language}"[:63]


def _create_unaccent_function(cursor):
    cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    cursor.execute(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'"
    )
    schema = _quote(cursor.fetchone()[0])
    cursor.execute(
        f"CREATE OR REPLACE FUNCTION {UNACCENT_FUNCTION}(text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
        f"AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"
    )


def add_search_vectors(app_label, model_name, title_field):
    """A migration operation: the vector columns and both indexes of one model (PostgreSQL)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = apps.get_model(app_label, model_name)._meta.db_table
        with schema_editor.connection.cursor() as cursor:
            _create_unaccent_function(cursor)
            for language in SEARCH_CONFIGS:
                column = vector_column(language)
                cursor.execute(
                    f"ALTER TABLE {_quote(table)} ADD COLUMN {_quote(column)} tsvector "
                    f"GENERATED ALWAYS AS ({_vector_sql(title_field, language)}) STORED"
                )
                title = title_column(language)
                cursor.execute(
                    f"ALTER TABLE {_quote(table)} ADD COLUMN {_quote(title)} text "
                    f"GENERATED ALWAYS AS ({title_sql(title_field, language)}) STORED"
                )
                cursor.execute(
                    f"CREATE INDEX {_quote(_index_name(table, 'fts', language))} "
                    f"ON {_quote(table)} USING gin ({_quote(column)})"
                )
                cursor.execute(
                    f"CREATE INDEX {_quote(_index_name(table, 'trgm', language))} "
                    f"ON {_quote(table)} USING gin ({_quote(title)} gin_trgm_ops)"
                )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = apps.get_model(app_label, model_name)._meta.db_table
        with schema_editor.connection.cursor() as cursor:
            for language in SEARCH_CONFIGS:
                cursor.execute(f"DROP INDEX IF EXISTS {_quote(_index_name(table, 'trgm', language))}")
                cursor.execute(
                    f"ALTER TABLE {_quote(table)} DROP COLUMN IF EXISTS {_quote(vector_column(language))}"
                )

    return migrations.RunPython(forwards, backwards, elidable=False)


def _raw(sql, params, field):
    # Identifiers come from model metadata, quoted; the visitor's text only as parameters.
    return RawSQL(sql, params, output_field=field)  # noqa: S611


class StoredSearch:
    """SQL pieces of a search over one model's stored vectors in one language."""

    def __init__(self, model, title_field, query, language):
        self.model = model
        self.table = model._meta.db_table
        self.pk = _quote(model._meta.pk.column)
        self.config = SEARCH_CONFIGS.get(language, "simple")
        self.vector = f"{_quote(self.table)}.{_quote(vector_column(language))}"
        self.title = f"{_quote(self.table)}.{_quote(title_column(language))}"
        self.query = query
        self._tsquery = "websearch_to_tsquery(%s::regconfig, %s)"

    def title_expression(self):
        return _raw(self.title, [], TextField())

    def _matching_selects(self, typos):
        like = "%" + self.query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        title_arm = f"{self.title} ILIKE %s"
        params = [self.config, self.query, like]
        if typos:
            # One arm over the title's trigram index: PostgreSQL ORs the two index scans
            # and reads each matching row once ("Munster": 6 against 9 ms for two arms).
            title_arm += f" OR %s <%% {self.title}"
            params.append(self.query)
        arms = [f"{self.vector} @@ {self._tsquery}", title_arm]
        # Identifiers from model metadata, quoted; the visitor's text only as parameters.
        selects = " UNION ALL ".join(
            f"SELECT {self.pk} FROM {_quote(self.table)} WHERE {arm}"  # noqa: S608
            for arm in arms
        )
        return selects, params

    def matches(self, *, typos=True):
        """The indexed condition: a full-text match, a title within typing distance (the
        `<%` operator: pg_trgm's word_similarity_threshold, 0.6) or containing the query.

        The full-text match and the title are two indexed subselects, joined by UNION
        ALL: written as one OR, PostgreSQL reads every row instead, because it underrates
        the cost of computing word similarity per row (at 10,000 projects: 126 ms
        against 36 ms this way).
        The ids are gathered into an array first (`= ANY(ARRAY(...))`): as `IN (...)`
        the planner may join them to a page of the list by comparing every pair (a text
        filter's first page: 29 against 7 ms)."""
        selects, params = self._matching_selects(typos)
        return _raw(f"{_quote(self.table)}.{self.pk} = ANY(ARRAY({selects}))", params, BooleanField())

    def matches_by_id(self, *, typos=True):
        """The condition of `matches`, with the matching ids read first (one query) and
        passed on as one array parameter. A paged list counts its rows and then reads a page: with
        `matches` each reads the matches again, and the planner, not knowing how many
        there are, sorts every matching row in full to find the page (a text filter with
        2,400 matches at 10,000 projects: 19 ms of SQL, against 12 ms this way)."""
        selects, params = self._matching_selects(typos)
        with connection.cursor() as cursor:
            cursor.execute(selects, params)
            ids = sorted({row[0] for row in cursor.fetchall()})  # an id matching twice once
        return pk_in(self.model, ids)

    def rank(self):
        return _raw(f"ts_rank({self.vector}, {self._tsquery})", [self.config, self.query], FloatField())

    def word_similarity(self):
        return _raw(f"word_similarity(%s, {self.title})", [self.query], FloatField())

    def similarity(self):
        return _raw(f"similarity({self.title}, %s)", [self.query], FloatField())
