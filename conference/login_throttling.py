"""django-axes, the login throttling, under a Swedish name in the admin.

Its models' names come from locale/sv; its app's name is not translatable, so the
setting INSTALLED_APPS names this configuration instead of "axes". It lives apart
from apps.py, where a second configuration would stop Django choosing ConferenceConfig.
"""

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class LoginThrottlingConfig(AxesConfig):
    verbose_name = _("Inloggningsspärr")
