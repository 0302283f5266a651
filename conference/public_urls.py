"""Public pages of the conference app: home, events, municipalities, search."""

from django.urls import path

from conference import views

app_name = "conference"

urlpatterns = [
    path("", views.home, name="home"),
    path("evenemang/<slug:slug>/", views.event_detail, name="event_detail"),
    path(
        "evenemang/<slug:slug>/kalender.ics",
        views.event_calendar_file,
        name="event_calendar",
    ),
    path("kommuner/", views.municipality_list, name="municipality_list"),
    path(
        "kommuner/<slug:slug>/", views.municipality_detail, name="municipality_detail"
    ),
    path("sok/", views.search_page, name="search"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("utskrift.css", views.print_origin, name="print_origin"),
]
