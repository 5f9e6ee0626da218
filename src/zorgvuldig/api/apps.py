from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "zorgvuldig.api"
    label = "api"
