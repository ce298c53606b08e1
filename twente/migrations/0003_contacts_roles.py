"""The liaison officer's new permissions: saved contact lists, data-protection rights
(access, erasure) and reading the export and privacy logs."""

import importlib

from django.db import migrations

staff_roles = importlib.import_module("twente.migrations.0002_staff_roles")


class Migration(migrations.Migration):
    dependencies = [
        ("twente", "0002_staff_roles"),
        ("partners", "0003_contacts_export_purpose_field"),
    ]

    operations = [migrations.RunPython(staff_roles.create_roles, migrations.RunPython.noop)]
