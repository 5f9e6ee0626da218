# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "zorgvuldig.incidents"
    label = "incidents"
    verbose_name = "Incidenten en datalekken"
