# SPDX-License-Identifier: EUPL-1.2
"""Who may see the pages with personal data: a logged-in, active employee of a partner, signed
in with the second factor (art3.2b), who has acknowledged the protocol version in force
(art3.2d)."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from zorgvuldig.partners.services import actor_for, employee_of, has_acknowledged
from zorgvuldig.web.signin.session import is_verified, to_second_factor


def employee_required(view):
    """Sets ``request.employee`` and ``request.actor``; sends a session that has not passed the
    second factor to it (art3.2b), and someone who has not acknowledged the protocol to the
    acknowledgement page first (the gate would refuse them anyway).

    The pages are never cached: personal data stays out of browser and proxy caches.
    """

    @never_cache
    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # the middleware already sends such a session to the code page; asked again here
        if not is_verified(request.user):
            return to_second_factor(request)
        employee = employee_of(request.user)
        if employee is None:
            return render(request, "web/no_employee.html", status=403)
        request.employee = employee
        if not has_acknowledged(employee):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('web:acknowledge')}?{query}")
        request.actor = actor_for(employee)
        return view(request, *args, **kwargs)

    return wrapper
