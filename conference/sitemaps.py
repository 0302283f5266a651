"""sitemap.xml: every public page a search engine should know about.

Each section returns a list, not a queryset: the sitemap's paginator then counts it
without a query of its own, so the page runs one query per section.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from conference.models import Event
from conference.selectors import municipality_list
from sessions_app.selectors import session_list
from speakers_app.models import Person


class StaticPagesSitemap(Sitemap):
    def items(self):
        return [
            "conference:home",
            "conference:municipality_list",
            "speakers_app:person_list",
            "sessions_app:session_list",
            "conference:accessibility",
        ]

    def location(self, item):
        return reverse(item)


class EventSitemap(Sitemap):
    def items(self):
        return list(Event.objects.public().order_by("-date", "pk"))

    def lastmod(self, event):
        return event.updated_at


class SessionSitemap(Sitemap):
    def items(self):
        return list(session_list().prefetch_related(None))

    def lastmod(self, session):
        return session.updated_at


class PersonSitemap(Sitemap):
    def items(self):
        return list(Person.objects.public().order_by("name", "pk"))

    def lastmod(self, person):
        return person.updated_at


class MunicipalitySitemap(Sitemap):
    def items(self):
        return list(municipality_list())


SITEMAPS = {
    "sidor": StaticPagesSitemap,
    "evenemang": EventSitemap,
    "programpunkter": SessionSitemap,
    "personer": PersonSitemap,
    "kommuner": MunicipalitySitemap,
}
