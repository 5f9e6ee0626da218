# SPDX-License-Identifier: EUPL-1.2
"""The resident's part of the session: the data subject DigiD vouched for (their id, or
nothing when zorgvuldig knows nothing about the BSN), when they signed in and when they last
asked something. It ends after ``ZORGVULDIG_RESIDENT_IDLE_MINUTES`` without a request and at
the latest ``ZORGVULDIG_RESIDENT_MAX_MINUTES`` after the sign-in; the BSN is never kept."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

KEY = "zorgvuldig_resident"


@dataclass(frozen=True, slots=True)
class SignedIn:
    subject_id: str  # "" when nothing is known about the resident (art9.1)
    name: str
    bsn_ending: str
    since: float


def sign_in(request, resident) -> None:
    """Start the resident's session: a new session key (no fixation), nothing else kept."""
    request.session.flush()
    now = time.time()
    request.session[KEY] = {
        "subject": str(resident.subject_id) if resident.subject_id else "",
        "name": resident.name,
        "bsn_ending": resident.bsn_ending,
        "since": now,
        "seen": now,
    }


def sign_out(request) -> None:
    request.session.flush()


class Expired(Exception):
    """The resident's session ran out; it has been ended."""


def current(request) -> SignedIn | None:
    """Who is signed in, moving the idle end on; :class:`Expired` if it ran out."""
    found = request.session.get(KEY)
    if not isinstance(found, dict):
        return None
    now = time.time()
    idle = 60 * settings.ZORGVULDIG_RESIDENT_IDLE_MINUTES
    longest = 60 * settings.ZORGVULDIG_RESIDENT_MAX_MINUTES
    if now - found.get("seen", 0) > idle or now - found.get("since", 0) > longest:
        request.session.flush()
        raise Expired
    found["seen"] = now
    request.session[KEY] = found
    return SignedIn(found["subject"], found["name"], found["bsn_ending"], found["since"])


def resident_required(json: bool = False):
    """A page of the resident's view: to the sign-in page (or a JSON 401) when nobody is
    signed in, saying so when the session ran out."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                resident = current(request)
                expired = False
            except Expired:
                resident, expired = None, True
            if resident is None:
                message = (
                    _("Your session has ended; sign in with DigiD again.")
                    if expired
                    else _("Sign in with DigiD to see your data.")
                )
                if json:
                    return JsonResponse({"status": 401, "detail": message}, status=401)
                messages.warning(request, message)
                return redirect("web:resident_signin")
            request.resident = resident
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
