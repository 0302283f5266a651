"""Root URL configuration: public pages, analyst pages, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("conference.api.urls")),
    path("nyckeltal/", include("conference.analysis.urls")),
    path("personer/", include("speakers_app.urls")),
    path("evenemang/", include("sessions_app.urls")),
    path("", include("conference.public_urls")),
]
