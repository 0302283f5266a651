from django.urls import path

from conference.analysis import views

app_name = "analysis"

urlpatterns = [
    path("", views.key_figure_list, name="key_figure_list"),
    path("<int:pk>/", views.key_figure_detail, name="key_figure_detail"),
    path("jamfor/", views.comparison, name="comparison"),
    path(
        "jamfor/export/<slug:export_format>/",
        views.comparison_export,
        name="comparison_export",
    ),
    path(
        "export/<slug:export_format>/",
        views.key_figure_export,
        name="key_figure_export",
    ),
]
