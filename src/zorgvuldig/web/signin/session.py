# SPDX-License-Identifier: EUPL-1.2
"""A verified session (art3.2b): signed in with the password and then with the second factor.

django-otp's middleware gives ``request.user`` its ``is_verified()``; without it a session
counts as not verified, so that a missing middleware fails closed.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse


def is_verified(user) -> bool:
    """Whether the user's session has passed the second factor."""
    check = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and check is not None and check())


def to_second_factor(request):
    """Send a session that has passed only the password to the second step; a page asked
    for with GET is where it comes back to afterwards."""
    target = reverse("web:second_factor")
    if request.method == "GET":
        target = f"{target}?{urlencode({'next': request.get_full_path()})}"
    return redirect(target)
