# The map's grid cells as an index of their expressions (regions.geo.map_cell_expressions,
# written out as they were when this migration was made). SQLite's FLOOR is a function
# that Django's connection registers, so an index on it would break the database file
# for any other client: the index is created on PostgreSQL only, while the migration
# state has it everywhere.

from django.db import migrations, models
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast, Floor

X = (Cast("longitude", models.FloatField()) - models.Value(6.15)) * models.Value(324.87309644670074)
Y = (models.Value(52.62) - Cast("latitude", models.FloatField())) * models.Value(530.7696449083395)

INDEX = models.Index(
    Floor(CombinedExpression(X, "/", models.Value(24))),
    Floor(CombinedExpression(Y, "/", models.Value(24))),
    models.OrderBy(models.F("id"), descending=True),
    condition=models.Q(
        ("publication_state", "published"),
        ("latitude__gte", 51.9),
        ("latitude__lte", 52.62),
        ("longitude__gte", 6.15),
        ("longitude__lte", 8.12),
    ),
    include=("latitude", "longitude"),
    name="project_published_map_cells",
)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("projects", "Project"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("projects", "Project"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0010_feed_index"),
        ("regions", "0005_outdated_translations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="project", index=INDEX)],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        )
    ]
