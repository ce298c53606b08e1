"""Staff roles: the exact permissions of each group, and granting a role to a person.

The data migration `twente.0002_staff_roles` creates the groups from `ROLE_PERMISSIONS`;
`grant_role` (the management command and the user admin action) puts people in them,
so nobody needs a superuser account for daily work. Superusers are for administrators.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

LIAISON_OFFICER = "Liaison officer"
EDITOR = "Editor"
ROLES = (LIAISON_OFFICER, EDITOR)

CRUD = ("add", "change", "delete", "view")

# Every public content model and its vocabularies: what an editor maintains.
PUBLIC_CONTENT_MODELS = {
    "regions": ("municipality", "region", "innovationdistrict", "cluster", "theme"),
    "partners": ("partner", "relationship", "membership"),
    "projects": ("project", "fundingprogramme", "participation"),
}


def _crud(app_label, model_names):
    return {f"{app_label}.{action}_{model}" for model in model_names for action in CRUD}


EDITOR_PERMISSIONS = frozenset().union(
    *(_crud(app_label, models) for app_label, models in PUBLIC_CONTENT_MODELS.items())
)

# The liaison officer keeps the contact persons and the saved contact lists, exports
# and imports them, exercises the data-protection rights (access, erasure), and reads
# the export log (their own exports; administrators see all) and the privacy log.
LIAISON_OFFICER_PERMISSIONS = (
    EDITOR_PERMISSIONS
    | _crud("partners", ("contact", "contactlist"))
    | {
        "partners.export_contacts",
        "partners.import_contacts",
        "partners.access_contact_data",
        "partners.erase_contacts",
        "partners.view_contactexportlog",
        "partners.view_contactprivacylog",
    }
)

ROLE_PERMISSIONS = {
    EDITOR: EDITOR_PERMISSIONS,
    LIAISON_OFFICER: LIAISON_OFFICER_PERMISSIONS,
}


def sync_role_groups(group_model=Group, permission_model=Permission):
    """Create or update both groups with exactly their permissions (nothing more).

    Takes the models as arguments so that a migration can pass its historical ones."""
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=role)
        wanted = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".")
            wanted.append(permission_model.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


class UnknownRole(ValueError):
    pass


@transaction.atomic
def grant_role(*, user, role):
    """Make `user` staff with exactly `role` (a person holds one role at a time)."""
    if role not in ROLES:
        raise UnknownRole(role)
    group = Group.objects.filter(name=role).first()
    if group is None:
        # The migration made the groups; recreate them if they were removed (or a test
        # database was flushed), always with exactly their permissions.
        sync_role_groups()
        group = Group.objects.get(name=role)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(pk=group.pk))
    user.groups.add(group)
    return user


@transaction.atomic
def revoke_role(*, user, role):
    """Take `role` away; with no role left (and not a superuser) the person is no longer staff."""
    if role not in ROLES:
        raise UnknownRole(role)
    user.groups.remove(*Group.objects.filter(name=role))
    if not user.is_superuser and not user.groups.filter(name__in=ROLES).exists():
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    return user
