from django.urls import path

from speakers_app import views

app_name = "speakers_app"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("<slug:slug>/", views.person_detail, name="person_detail"),
]
