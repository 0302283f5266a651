from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Konferenser")

    def ready(self):
        from conference import signals

        signals.connect()
