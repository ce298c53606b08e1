from django.db import migrations

from twente.core.search_vectors import add_search_vectors


class Migration(migrations.Migration):
    """Stored search vectors per language with their GIN and trigram indexes (PostgreSQL
    only; nothing on SQLite): see twente.core.search_vectors."""

    dependencies = [
        ("regions", "0002_municipality_cbs_code"),
        ("twente", "0001_postgres_extensions"),
    ]

    operations = [
        add_search_vectors("regions", "Municipality", "name"),
        add_search_vectors("regions", "InnovationDistrict", "name"),
    ]
