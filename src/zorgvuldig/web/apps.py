# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "zorgvuldig.web"
    label = "web"
