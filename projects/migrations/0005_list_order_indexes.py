# The project list's sort orders as partial indexes. SQLite cannot index NULLS LAST, and
# the development database is small enough to sort: the indexes are created on
# PostgreSQL only, while the migration state has them everywhere.

from django.db import migrations, models

INDEXES = [
    models.Index(
        models.OrderBy(models.F("start_date"), descending=True, nulls_last=True),
        models.F("slug"),
        condition=models.Q(("publication_state", "published")),
        name="project_list_newest",
    ),
    models.Index(
        models.OrderBy(models.F("start_date"), nulls_last=True),
        models.F("slug"),
        condition=models.Q(("publication_state", "published")),
        name="project_list_oldest",
    ),
    models.Index(
        models.OrderBy(models.F("eu_contribution"), descending=True, nulls_last=True),
        models.F("slug"),
        condition=models.Q(("publication_state", "published")),
        name="project_list_eu",
    ),
    models.Index(
        models.OrderBy(models.F("published_at"), descending=True),
        models.OrderBy(models.F("id"), descending=True),
        condition=models.Q(("publication_state", "published")),
        name="project_latest",
    ),
]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    project = apps.get_model("projects", "Project")
    for index in INDEXES:
        schema_editor.add_index(project, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    project = apps.get_model("projects", "Project")
    for index in INDEXES:
        schema_editor.remove_index(project, index)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_merge_parallel_work"),
        ("regions", "0004_merge_parallel_work"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="project", index=index) for index in INDEXES],
            database_operations=[migrations.RunPython(add_indexes, remove_indexes)],
        )
    ]
