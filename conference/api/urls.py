from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from conference.api import views

app_name = "api"

router = DefaultRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("people", views.PersonViewSet, basename="person")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("key-figures", views.KeyFigureViewSet, basename="key-figure")
router.register("measures", views.MeasureViewSet, basename="measure")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.api_docs, name="docs"),
    path("docs/prova/", views.api_explorer, name="explorer"),
    path("", include(router.urls)),
]
