"""The staff roles `Liaison officer` and `Editor` with their exact permissions.

On a fresh database, permissions are created after all migrations (post_migrate), so
they are created here first for the apps the roles refer to."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from twente.core.roles import ROLES, sync_role_groups

APPS = ("auth", "contenttypes", "regions", "partners", "projects")


def create_roles(apps, schema_editor):
    for label in APPS:
        app_config = apps.get_app_config(label)
        # The migration's app configs have no models module; create_permissions needs one.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("twente", "0001_postgres_extensions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("regions", "0001_initial"),
        ("partners", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
