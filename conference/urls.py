"""Root URL configuration: public pages, analyst pages, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

from conference.health import healthz
from conference.sitemaps import sitemap_or_index, sitemap_section
from conference.views import media_in_development, robots_txt

urlpatterns = [
    # The admin's "Läs in dokumentation" pages: the loader is reached through URLs.
    path("admin/dokumentation/", include("conference.loader.urls")),
    path("admin/", admin.site.urls),
    path("healthz/", healthz, name="healthz"),
    path("api/v1/", include("conference.api.urls")),
    path("nyckeltal/", include("conference.analysis.urls")),
    path("personer/", include("speakers_app.urls")),
    path("", include("sessions_app.urls")),
    path("", include("conference.public_urls")),
    path("sitemap.xml", sitemap_or_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("media/<path:path>", media_in_development, name="media"),
]

# 404.html and 500.html in templates/ are Django's default handlers' templates.
