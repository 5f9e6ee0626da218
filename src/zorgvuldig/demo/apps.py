from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "zorgvuldig.demo"
    label = "demo"
