# SPDX-License-Identifier: EUPL-1.2
"""DigiD through django-digid-eherkenning (decision 25). Without a connection to DigiD the
library's own mock stands in (``ZORGVULDIG_DIGID_MOCK``): its login view sends the browser to
its mock identity provider, a page where a BSN is typed, which returns to the assertion
consumer service here with that BSN. The BSN finds the data subject through the BSN index;
the session then keeps who that is, never the BSN."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import services
from zorgvuldig.web.resident import session


def _next(request) -> str:
    wanted = request.GET.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("web:resident_home")


@require_GET
def mock_acs(request):
    """The mock's assertion consumer service: the BSN the mock identity provider returns.
    A missing or malformed BSN is refused with the reason, and nobody is signed in."""
    try:
        resident = services.resident_by_bsn(request.GET.get("bsn", ""))
    except InvalidInput as error:
        detail = "; ".join(str(m) for m in error.errors.values())
        messages.error(request, _("DigiD did not sign you in: %(detail)s") % {"detail": detail})
        return redirect("web:resident_signin")
    session.sign_in(request, resident)
    return redirect(_next(request))


def mock_urlpatterns() -> list:
    """``/digid/`` (namespace ``digid``, which the library's mock login view sends back to)
    and the mock identity provider under ``/digid-mock/``."""
    from digid_eherkenning.mock.views.digid import DigiDLoginMockView

    digid = (
        [
            path("login/", DigiDLoginMockView.as_view(), name="login"),
            path("acs/", mock_acs, name="acs"),
        ],
        "digid",
    )
    return [
        path("digid/", include(digid)),
        path("digid-mock/", include("digid_eherkenning.mock.idp.digid_urls")),
    ]
