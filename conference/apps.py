from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Konferenser")

    def ready(self):
        from django.db.models import Field

        from conference import signals
        from conference.lookups import AnyOf

        signals.connect()
        Field.register_lookup(AnyOf)
