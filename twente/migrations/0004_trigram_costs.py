"""pg_trgm's similarity operators tell the planner they cost as little as comparing two
numbers (COST 1), so for a table of a few thousand rows it computes word similarity
on every row instead of asking the trigram index (partners' search for "Munster" at
2,000 partners: 8.4 against 4.3 ms). COST 100 says what they really cost. Only the
planner's estimate changes; results do not. Nothing happens on SQLite."""

from django.db import migrations

FUNCTIONS = ("similarity_op", "word_similarity_op", "word_similarity_commutator_op")


def set_cost(cost):
    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for function in FUNCTIONS:
            schema_editor.execute(f"ALTER FUNCTION {function}(text, text) COST {cost}")

    return forwards


class Migration(migrations.Migration):
    dependencies = [("twente", "0003_contacts_roles")]

    operations = [migrations.RunPython(set_cost(100), set_cost(1), elidable=False)]
