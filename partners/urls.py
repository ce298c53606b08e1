from django.urls import path
from django.utils.translation import gettext_lazy as _

from partners import views

app_name = "partners"

urlpatterns = [
    path(_("partners/"), views.PartnerListView.as_view(), name="partner-list"),
    path(_("partners/<slug:slug>/"), views.PartnerDetailView.as_view(), name="partner-detail"),
]
