# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path

from zorgvuldig.api.urls import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("zorgvuldig.web.urls")),
]
