"""The export log's purpose moves out of the filters blob into its own field."""

from django.db import migrations


def purpose_to_field(apps, schema_editor):
    ContactExportLog = apps.get_model("partners", "ContactExportLog")
    for log in ContactExportLog.objects.filter(filters__has_key="purpose"):
        log.purpose = log.filters.pop("purpose") or "list"
        log.save(update_fields=["purpose", "filters"])


def purpose_to_filters(apps, schema_editor):
    ContactExportLog = apps.get_model("partners", "ContactExportLog")
    for log in ContactExportLog.objects.all():
        log.filters["purpose"] = log.purpose
        log.save(update_fields=["filters"])


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_contacts_consent_lists_export_entries")]

    operations = [migrations.RunPython(purpose_to_field, purpose_to_filters)]
