from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twente.core.roles import ROLES, grant_role, revoke_role


class Command(BaseCommand):
    help = (
        'Give a staff member a role ("Liaison officer" or "Editor"): makes them staff '
        "and puts them in that group only. With --remove, takes the role away."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=ROLES)
        parser.add_argument("--remove", action="store_true", help="take the role away instead")

    def handle(self, *args, username, role, remove, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(
                f"No user '{username}'. Create the account first, then grant the role."
            ) from None
        if remove:
            revoke_role(user=user, role=role)
            self.stdout.write(self.style.SUCCESS(f"{username} no longer has the role '{role}'."))
        else:
            grant_role(user=user, role=role)
            self.stdout.write(self.style.SUCCESS(f"{username} is now staff with the role '{role}'."))
