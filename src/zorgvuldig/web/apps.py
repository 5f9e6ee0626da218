from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "zorgvuldig.web"
    label = "web"
