# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "zorgvuldig.clients"
    label = "clients"
    verbose_name = "Cliënten en betrokkenen"
