from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "zorgvuldig.exchange"
    label = "exchange"
    verbose_name = "Uitwisseling"
