from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Accent-insensitive, typo-tolerant search on PostgreSQL ("Munster" finds Münster).
    On SQLite these operations do nothing."""

    dependencies = []

    operations = [UnaccentExtension(), TrigramExtension()]
