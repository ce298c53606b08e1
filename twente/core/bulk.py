"""Bulk writes of many rows: updates, each row with its own values, in one statement
per batch, and their history records copied in the database.

Django's `bulk_update` writes `SET field = CASE WHEN pk = 1 THEN … WHEN pk = 2 THEN …`
for every field; building and compiling those expressions took most of a 50,000-row
contact import. `update_rows` sends the rows as a VALUES list instead:

    UPDATE contact SET name = v.column2, … FROM (VALUES (1, 'Anna', …), …) AS v
    WHERE contact.id = v.column1

PostgreSQL and SQLite (3.33 or newer) both understand it. Like `bulk_update`, it sends
no signals and does not run `save()`.

`record_history` writes django-simple-history's records of rows just written with one
`INSERT … SELECT` per batch, instead of a historical model instance per row and every
value sent back to the database (`bulk_history_create`): the history of a 50,000-row
import took twice as long as writing the contacts themselves."""

from django.db import connections, router


def update_rows(objs, field_names, *, batch_size=1000):
    """Write `field_names` of every instance in `objs` (all of one model)."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    meta = model._meta
    columns = [meta.pk, *(meta.get_field(name) for name in field_names)]
    # PostgreSQL types a VALUES list by its contents: cast each value to its column's
    # type. SQLite stores what it is given; a CAST there would apply type affinity
    # (a date cast to "date" becomes the number 2026).
    if connection.vendor == "postgresql":
        row = "(" + ", ".join(f"CAST(%s AS {column.db_type(connection)})" for column in columns) + ")"
    else:
        row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    table = quote(meta.db_table)
    assignments = ", ".join(
        f"{quote(column.column)} = v.column{number}" for number, column in enumerate(columns[1:], 2)
    )
    batch_size = min(batch_size, connection.ops.bulk_batch_size(columns, objs))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), batch_size):
            batch = objs[start : start + batch_size]
            params = [
                column.get_db_prep_save(getattr(obj, column.attname), connection)
                for obj in batch
                for column in columns
            ]
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row] * len(batch))}) AS v "  # noqa: S608
                f"WHERE {table}.{quote(meta.pk.column)} = v.column1",
                params,
            )


# What a history record holds beside the tracked fields, in the order `record_history`
# writes it.
HISTORY_COLUMNS = ("history_date", "history_change_reason", "history_type", "history_user")


def record_history(model, pks, *, history_type, user, reason, date, batch_size=1000):
    """One simple-history record per row of `model` in `pks`, as the rows are stored now,
    with the type ("+" or "~"), user, reason and date given; returns {pk: history id}.
    Like `bulk_history_create`, it sends no signals."""
    history = model.history.model
    connection = connections[router.db_for_write(history)]
    quote = connection.ops.quote_name
    meta = history._meta
    tracked = history.tracked_fields
    target = [meta.get_field(field.name).column for field in tracked]
    target += [meta.get_field(name).column for name in HISTORY_COLUMNS]
    source = ", ".join(quote(field.column) for field in tracked)
    row_pk = meta.get_field(model._meta.pk.name).column
    date = connection.ops.adapt_datetimefield_value(date)
    constants = [date, reason, history_type, user.pk if user else None]
    history_ids = {}
    with connection.cursor() as cursor:
        for start in range(0, len(pks), batch_size):
            batch = list(pks[start : start + batch_size])
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(column) for column in target)}) "  # noqa: S608
                f"SELECT {source}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(batch))}) "
                f"RETURNING {quote(row_pk)}, {quote(meta.pk.column)}",
                [*constants, *batch],
            )
            history_ids.update(cursor.fetchall())
    return history_ids
