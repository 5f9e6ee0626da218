# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from zorgvuldig.api.urls import api
from zorgvuldig.web.resident import digid

urlpatterns = [
    path("api/v1/", api.urls),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("zorgvuldig.web.urls")),
]
if settings.ZORGVULDIG_DIGID_MOCK:
    # the resident's view signs in through the DigiD mock of django-digid-eherkenning
    urlpatterns += digid.mock_urlpatterns()
