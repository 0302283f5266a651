"""Create the local demo administrator once and say how to log in."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from conference.settings import VAR_DIR

PASSWORD_FILE = VAR_DIR / "admin-password.txt"


class Command(BaseCommand):
    help = (
        "Create a superuser 'admin' with a random password for local use, unless one "
        "exists, and print how to log in. The password is kept in var/admin-password.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default="admin", help="Name of the user to create."
        )

    def handle(self, *args, username, **options):
        users = get_user_model().objects
        if not users.filter(username=username).exists():
            password = secrets.token_urlsafe(12)
            users.create_superuser(username=username, email="", password=password)
            PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
            PASSWORD_FILE.write_text(password + "\n", encoding="utf-8")
        if PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text(encoding="utf-8").strip()
            self.stdout.write(f"Admin: användarnamn {username}, lösenord {password}")
        else:
            self.stdout.write(
                f"Admin: användaren {username} finns redan; byt lösenord med "
                f"'python manage.py changepassword {username}'."
            )
