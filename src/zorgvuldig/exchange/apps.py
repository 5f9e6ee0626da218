# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "zorgvuldig.exchange"
    label = "exchange"
    verbose_name = "Uitwisseling"
