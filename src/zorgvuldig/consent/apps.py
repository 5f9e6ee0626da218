# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "zorgvuldig.consent"
    label = "consent"
    verbose_name = "Toestemming"
