# SPDX-License-Identifier: EUPL-1.2
"""DigiD through django-digid-eherkenning (decision 25).

**The real DigiD** (``ZORGVULDIG_DIGID``): the library's login view sends the browser with a
signed AuthnRequest to DigiD (the POST binding); DigiD returns it to the assertion consumer
service with an artifact (``SAMLart``, the HTTP-Artifact binding), which the library's SAML
client resolves with a signed SOAP ArtifactResolve at DigiD's ArtifactResolutionService and
checks: the signature with DigiD's certificate from its metadata, the InResponseTo of an
AuthnRequest this service sent, the audience, the destination, the times. Both views are thin
subclasses of the library's: they use its client with the ACS at our path and without single
logout, and the ACS gives the BSN to ``services.resident_by_bsn`` and the resident's session,
never to ``django.contrib.auth`` (the library's backend creates a Django user per BSN; a
resident is no user of ours). Any refusal (a signature that does not match, an expired
assertion, another audience, a cancelled sign-in, DigiD not configured) sends the resident to
the sign-in page with DigiD's own words (the texts the DigiD checklist asks for) and nobody
is signed in: nothing is written.

**The mock** (``ZORGVULDIG_DIGID_MOCK``, without a connection to DigiD): the library's own
mock login view sends the browser to its mock identity provider, a page where a BSN is
typed, which returns to the assertion consumer service here with that BSN.

Either way the BSN finds the data subject through the BSN index; the session then keeps who
that is, never the BSN."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from digid_eherkenning.choices import SectorType
from digid_eherkenning.forms import SAML2Form
from digid_eherkenning.models import DigidConfiguration
from digid_eherkenning.saml2.digid import DigiDClient
from digid_eherkenning.views.digid import DigiDAssertionConsumerServiceView, DigiDLoginView
from digid_eherkenning.views.metadata import MetadataView
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from onelogin.saml2.errors import OneLogin_Saml2_ValidationError

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate import services
from zorgvuldig.web.resident import session

logger = logging.getLogger(__name__)


def _next(request, parameter: str = "next") -> str:
    wanted = request.GET.get(parameter, "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("web:resident_home")


@require_GET
def mock_acs(request):
    """The mock's assertion consumer service: the BSN the mock identity provider returns.
    A missing or malformed BSN is refused with the reason, and nobody is signed in."""
    return _sign_in(request, request.GET.get("bsn", ""), _next(request))


def _sign_in(request, bsn: str, then: str):
    """The BSN DigiD vouched for: the resident's session, or (a missing or malformed BSN) the
    sign-in page with the reason, and nobody signed in."""
    try:
        resident = services.resident_by_bsn(bsn)
    except InvalidInput as error:
        detail = "; ".join(str(m) for m in error.errors.values())
        messages.error(request, _("DigiD did not sign you in: %(detail)s") % {"detail": detail})
        return redirect("web:resident_signin")
    session.sign_in(request, resident)
    return redirect(then)


# --- the real DigiD (SAML) -----------------------------------------------------------------


def enabled() -> bool:
    return settings.ZORGVULDIG_DIGID


def _failed() -> str:
    # DigiD's own words for a failed sign-in (the DigiD checklist asks for them); the same
    # msgid as the library's, so its Dutch translation applies
    return _(
        "An error occurred in the communication with DigiD. "
        "Please try again later. If this error persists, please "
        "check the website https://www.digid.nl for the latest information."
    )


def _cancelled() -> str:
    return _("You have cancelled logging in with DigiD.")


class ResidentDigiDClient(DigiDClient):
    """The library's DigiD client, its configuration from the admin (``DigidConfiguration``)
    with two changes: the assertion consumer service is ours (``web:digid_acs``; the
    library's client would look for ``digid:acs``), and no single logout (zorgvuldig routes
    none: the library's logout views find a Django user by the BSN, and the resident's
    session keeps no BSN)."""

    @property
    def conf(self) -> dict:
        if not hasattr(self, "_conf"):
            conf = DigidConfiguration.get_solo().as_dict()
            conf["acs_path"] = reverse("web:digid_acs")
            conf["slo"] = False
            self._conf = conf
        return self._conf


class DigiDLogin(DigiDLoginView):
    """The library's login view (DigiD 3.3.2, step 2): a page that posts the signed
    AuthnRequest to DigiD at once (the library's template and its static script). The
    Content Security Policy lets this page's form go to DigiD's address only."""

    def get(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        try:
            response = super().get(request, *args, **kwargs)
        except Exception:  # an unusable configuration: no certificate, no or bad metadata
            logger.exception("DigiD sign-in could not start: check the DigiD configuration")
            messages.error(request, _failed())
            return redirect("web:resident_signin")
        target = urlsplit(response.context_data["url"])
        response._csp_update = {"form-action": [f"{target.scheme}://{target.netloc}"]}
        return response

    def get_relay_state(self):
        return _next(self.request)

    def get_context_data(self, **kwargs):
        # the library's, with our client (its own builds the library's client)
        context = TemplateView.get_context_data(self, **kwargs)
        client = ResidentDigiDClient(loa=self.get_level_of_assurance())
        location, parameters = client.create_authn_request(self.request)
        initial = {"SAMLRequest": parameters["SAMLRequest"], "RelayState": self.get_relay_state()}
        context.update({"url": location, "form": SAML2Form(initial=initial)})
        return context


class DigiDAssertionConsumerService(DigiDAssertionConsumerServiceView):
    """The library's assertion consumer service (DigiD 3.3.3, step 5, and the artifact
    resolution of steps 6 and 7), without ``django.contrib.auth``: the library's client
    resolves and checks the artifact's response, as the library's backend has it do, and the
    BSN of its NameID (sector ``s00000000``) signs the resident in as the mock's ACS does.

    The library's own ``get`` hands the artifact to ``auth.authenticate``, whose DigiD
    backend creates or finds a Django user per BSN and builds the library's client itself, so
    neither can be reused as it is: this ``get`` takes the backend's two calls (``artifact_
    resolve``, ``get_nameid``) and its check of the sector, and nothing else of it."""

    def get(self, request):
        if not enabled():
            raise Http404
        artifact = request.GET.get("SAMLart", "")
        if not artifact:
            return self._refused(request, _failed())
        try:
            response = ResidentDigiDClient().artifact_resolve(request, artifact)
            name_id = response.get_nameid()
        except OneLogin_Saml2_ValidationError as error:
            if error.code == OneLogin_Saml2_ValidationError.STATUS_CODE_AUTHNFAILED:
                logger.info("DigiD sign-in cancelled or failed at DigiD")
                return self._refused(request, _cancelled())
            logger.warning("DigiD sign-in refused: %s", error)
            return self._refused(request, _failed())
        except Exception:  # a malformed artifact or answer, DigiD unreachable, a bad setup
            logger.exception("DigiD sign-in failed")
            return self._refused(request, _failed())
        sector, _sep, bsn = (name_id or "").partition(":")
        if sector != SectorType.bsn:
            logger.warning("DigiD sign-in refused: the NameID is not a BSN (sector %s)", sector)
            return self._refused(request, _failed())
        return _sign_in(request, bsn, self.get_success_url())

    def get_success_url(self):
        return _next(self.request, "RelayState")

    @staticmethod
    def _refused(request, message: str):
        messages.error(request, message)
        return redirect("web:resident_signin")


def _metadata() -> bytes:
    """The service provider's metadata, as the library's ``generate_digid_metadata`` makes
    it, from our client (the ACS at our path, the artifact binding, no single logout)."""
    client = ResidentDigiDClient()
    client.saml2_setting_kwargs = {"sp_validation_only": True}
    metadata = client.create_metadata()
    if metadata.startswith(b"<?xml"):
        return metadata
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + metadata


class DigiDMetadata(MetadataView):
    """The library's metadata view: what Logius is given to register this service (its
    certificate, entity id and assertion consumer service), signed with its key."""

    config_model = DigidConfiguration
    metadata_generator = staticmethod(_metadata)
    filename = "zorgvuldig-digid-metadata.xml"

    def get(self, request):
        if not enabled():
            raise Http404
        return super().get(request)


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
