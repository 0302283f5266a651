"""The admin's pages for loading documentation, inside the admin's login."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "document_loads"

urlpatterns = [
    path("", admin.site.admin_view(views.start), name="start"),
    path(
        "<int:pk>/",
        admin.site.admin_view(views.preview),
        name="preview",
    ),
    path(
        "<int:pk>/las-in-igen/",
        admin.site.admin_view(views.load_again),
        name="load_again",
    ),
]
