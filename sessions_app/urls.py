"""Public session pages: one session under its event, and the filterable session list."""

from django.urls import path

from sessions_app import views

app_name = "sessions_app"

urlpatterns = [
    path("programpunkter/", views.session_list, name="session_list"),
    path(
        "evenemang/<slug:event_slug>/<slug:slug>/",
        views.session_detail,
        name="session_detail",
    ),
]
