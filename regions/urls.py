from django.urls import path
from django.utils.translation import gettext_lazy as _

from regions import views

app_name = "regions"

urlpatterns = [
    path(_("municipalities/"), views.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        _("municipalities/<slug:slug>/"), views.MunicipalityDetailView.as_view(), name="municipality-detail"
    ),
    path(_("districts/"), views.DistrictListView.as_view(), name="district-list"),
    path(_("districts/<slug:slug>/"), views.DistrictDetailView.as_view(), name="district-detail"),
]
