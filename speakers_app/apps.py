from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakersAppConfig(AppConfig):
    name = "speakers_app"
    verbose_name = _("Personer")
