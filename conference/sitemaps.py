"""sitemap.xml: every public page a search engine should know about.

While every section fits one sitemap file, /sitemap.xml is that sitemap (one query per
section). When a section has more than SITEMAP_PAGE_SIZE pages, /sitemap.xml becomes a
sitemap index (django.contrib.sitemaps.views.index) naming each section's files,
/sitemap-<section>.xml?p=N, which read one page each (a count and the page).
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap, views
from django.db.models import QuerySet
from django.urls import reverse
from django.views.decorators.http import require_safe

from conference.models import Event
from conference.selectors import municipality_list
from sessions_app.selectors import session_list
from speakers_app.models import Person

# Addresses per sitemap file (the protocol allows 50 000 and 50 MB: a person's or
# session's entry is about 200 bytes, and a smaller file is quicker to serve).
SITEMAP_PAGE_SIZE = 10_000


class PublicSitemap(Sitemap):
    """A section read from query(): a queryset for one page of a section's file, or the
    whole section as a list when /sitemap.xml found that it fits one file."""

    limit = SITEMAP_PAGE_SIZE

    def query(self) -> QuerySet:
        raise NotImplementedError

    @cached_property
    def rows(self):
        return self.query()

    def items(self):
        return self.rows

    def fits_one_file(self) -> bool:
        """Read at most one row more than a file holds (one query); keep the rows when
        they fit, so the sitemap is written without reading them again."""
        head = list(self.query()[: self.limit + 1])
        if len(head) > self.limit:
            return False
        self.rows = head
        return True

    def get_latest_lastmod(self):
        # A large section's files are named in the index without a date: the newest
        # change among all its rows would cost reading them all.
        return super().get_latest_lastmod() if isinstance(self.rows, list) else None


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

    def fits_one_file(self) -> bool:
        return True


class EventSitemap(PublicSitemap):
    def query(self):
        return Event.objects.public().order_by("-date", "pk")

    def lastmod(self, event):
        return event.updated_at


class SessionSitemap(PublicSitemap):
    def query(self):
        return session_list().prefetch_related(None)

    def lastmod(self, session):
        return session.updated_at


class PersonSitemap(PublicSitemap):
    def query(self):
        return Person.objects.public().order_by("name", "pk")

    def lastmod(self, person):
        return person.updated_at


class MunicipalitySitemap(PublicSitemap):
    def query(self):
        return municipality_list()


SITEMAPS = {
    "sidor": StaticPagesSitemap,
    "evenemang": EventSitemap,
    "programpunkter": SessionSitemap,
    "personer": PersonSitemap,
    "kommuner": MunicipalitySitemap,
}


@require_safe
def sitemap_or_index(request):
    """Answer /sitemap.xml: the sitemap itself, or an index when a section is large."""
    sections = {name: section() for name, section in SITEMAPS.items()}
    # Every section is asked (a list, not a generator): the ones that fit keep their
    # rows, which the index then counts without another query.
    if all([section.fits_one_file() for section in sections.values()]):
        return views.sitemap(request, sitemaps=sections)
    return views.index(request, sitemaps=sections, sitemap_url_name="sitemap_section")


@require_safe
def sitemap_section(request, section):
    """Answer /sitemap-<section>.xml?p=N: one file of a large section."""
    return views.sitemap(request, sitemaps=SITEMAPS, section=section)
