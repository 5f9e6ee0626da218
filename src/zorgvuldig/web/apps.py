# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "zorgvuldig.web"
    label = "web"

    def ready(self):
        from axes.signals import user_locked_out

        from zorgvuldig.web.signin.lockout import log_lockout

        # art3.2b: a lockout is logged, naming the username only
        user_locked_out.connect(log_lockout, dispatch_uid="zorgvuldig.web.signin.lockout")
