# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "zorgvuldig.rights"
    label = "rights"
    verbose_name = "Rechten van betrokkenen"
