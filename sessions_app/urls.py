from django.urls import path

from sessions_app import views

app_name = "sessions_app"

urlpatterns = [
    path("<slug:event_slug>/<slug:slug>/", views.session_detail, name="session_detail"),
]
