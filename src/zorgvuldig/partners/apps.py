# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "zorgvuldig.partners"
    label = "partners"
    verbose_name = "Partners en medewerkers"
