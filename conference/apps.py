from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Konferenser")

    def ready(self):
        from django.db.backends.signals import connection_created

        from conference import signals
        from conference.search import register_sqlite_functions

        signals.connect()
        # SQLite has no unaccent: the search's folding function, on every connection.
        connection_created.connect(register_sqlite_functions)
