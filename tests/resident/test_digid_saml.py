# SPDX-License-Identifier: EUPL-1.2
"""Signing in with the real DigiD flow (decision 25): SAML with the HTTP-Artifact binding,
through django-digid-eherkenning's login view and assertion consumer service as zorgvuldig
wires them (``ZORGVULDIG_DIGID``), against a test identity provider.

Nothing of the SAML path is replaced. The service provider's certificate and key and the
identity provider's are made here with ``cryptography`` (self-signed) and configured as an
administrator would: a key pair in the certificate manager tied to the DigiD configuration,
and the identity provider's metadata (its signing certificate, its SSO address and its
ArtifactResolutionService) in the configuration's metadata file. The identity provider is a
real HTTP server on 127.0.0.1 in a thread: it answers the library's SOAP ArtifactResolve
with an ArtifactResponse holding a Response whose Assertion it signed with its key
(``OneLogin_Saml2_Utils.add_sign``, xmlsec). The browser's part is the test client: it opens
the sign-in page, follows its DigiD link to the page that posts the signed AuthnRequest to
DigiD, and returns to the assertion consumer service with the artifact that the identity
provider issued for its answer to that AuthnRequest.

A response altered after signing, an expired assertion, one for another service, one signed
by another key, one without a signature and one for an AuthnRequest this service never sent
are refused: the sign-in page says so in DigiD's words, nobody is signed in, nothing is
logged and no user is made."""

from __future__ import annotations

import base64
import datetime
import hashlib
import html
import logging
import re
import secrets
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from digid_eherkenning.models import ConfigCertificate, DigidConfiguration
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils.translation import gettext
from lxml import etree
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.utils import OneLogin_Saml2_Utils
from simple_certmanager.constants import CertificateTypes
from simple_certmanager.models import Certificate

from tests.conftest import next_bsn
from tests.resident.conftest import key_pair
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.web.resident.session import KEY

pytestmark = pytest.mark.django_db

SITE = "https://mijn.zorgvuldig.example"  # the configuration's base URL
SP_ENTITY_ID = f"{SITE}/mijn/digid/"
IDP_ENTITY_ID = "https://digid-test.zorgvuldig.example/saml/idp/metadata"
SSO_URL = "https://digid-test.zorgvuldig.example/saml/idp/request_authentication"
ACS_URL = f"{SITE}/mijn/digid/acs/"
BSN_SECTOR = "s00000000"
MIDDLE = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
NS = {
    "samlp": "urn:oasis:names:tc:SAML:2.0:protocol",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
}


def _bare(cert_pem: str) -> str:
    return "".join(line for line in cert_pem.splitlines() if "CERTIFICATE" not in line)


def _instant(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _signed(xml: str, key: str, cert: str) -> str:
    """``xml`` with an enveloped signature by ``key`` over its root element."""
    signed = OneLogin_Saml2_Utils.add_sign(
        xml,
        key,
        cert,
        sign_algorithm=OneLogin_Saml2_Constants.RSA_SHA256,
        digest_algorithm=OneLogin_Saml2_Constants.SHA256,
    )
    signed = signed.decode() if isinstance(signed, bytes) else signed
    return re.sub(r"^<\?xml[^>]*\?>\s*", "", signed)


class IdentityProvider:
    """A test DigiD: the answers it gives for the artifacts it issued, and its
    ArtifactResolutionService, a real HTTP server on 127.0.0.1."""

    def __init__(self):
        self.key, self.cert = key_pair("digid-test-idp")
        self.answers: dict[str, str] = {}
        self.resolves: list[bytes] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                provider.resolves.append(body)
                reply = provider.resolve(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.ars_url = f"http://127.0.0.1:{self.server.server_port}/saml/idp/resolve_artifact"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def metadata(self) -> str:
        cert = _bare(self.cert)
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
 xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{IDP_ENTITY_ID}">
 <md:IDPSSODescriptor WantAuthnRequestsSigned="true"
  protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
  <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>
   <ds:X509Certificate>{cert}</ds:X509Certificate>
  </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
  <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP"
   Location="{self.ars_url}" index="0"/>
  <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
   Location="{SSO_URL}"/>
  <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
   Location="{SSO_URL}"/>
 </md:IDPSSODescriptor>
</md:EntityDescriptor>"""

    def response(
        self,
        *,
        in_response_to: str,
        bsn: str,
        audience: str = SP_ENTITY_ID,
        valid_for: datetime.timedelta = datetime.timedelta(minutes=5),
        signer: tuple[str, str] | None = None,
        signed: bool = True,
    ) -> str:
        """A Response to the AuthnRequest ``in_response_to`` whose Assertion names ``bsn``,
        signed by this identity provider's key (or ``signer``'s)."""
        now = datetime.datetime.now(datetime.UTC)
        until = _instant(now + valid_for)
        before = _instant(
            now - datetime.timedelta(minutes=1) + min(valid_for, datetime.timedelta())
        )
        assertion = f"""<saml:Assertion xmlns:saml="{NS["saml"]}" ID="_{uuid.uuid4().hex}"
 Version="2.0" IssueInstant="{_instant(now)}"><saml:Issuer>{IDP_ENTITY_ID}</saml:Issuer>
<saml:Subject><saml:NameID>{BSN_SECTOR}:{bsn}</saml:NameID>
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
<saml:SubjectConfirmationData InResponseTo="{in_response_to}" Recipient="{ACS_URL}"
 NotOnOrAfter="{until}"/></saml:SubjectConfirmation></saml:Subject>
<saml:Conditions NotBefore="{before}" NotOnOrAfter="{until}"><saml:AudienceRestriction>
<saml:Audience>{audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>
<saml:AuthnStatement AuthnInstant="{_instant(now)}" SessionIndex="_{uuid.uuid4().hex}">
<saml:AuthnContext><saml:AuthnContextClassRef>{MIDDLE}</saml:AuthnContextClassRef>
</saml:AuthnContext></saml:AuthnStatement></saml:Assertion>"""
        if signed:
            key, cert = signer or (self.key, self.cert)
            assertion = _signed(assertion, key, cert)
        return f"""<samlp:Response xmlns:samlp="{NS["samlp"]}" xmlns:saml="{NS["saml"]}"
 ID="_{uuid.uuid4().hex}" Version="2.0" IssueInstant="{_instant(now)}"
 Destination="{ACS_URL}" InResponseTo="{in_response_to}">
<saml:Issuer>{IDP_ENTITY_ID}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
{assertion}</samlp:Response>"""

    def issue(self, answer: str) -> str:
        """The artifact for ``answer`` (SAMLBind 3.6.4: type 4, the endpoint's index, the SHA-1
        of this identity provider's entity id and a message handle)."""
        artifact = (
            b"\x00\x04\x00\x00"
            + hashlib.sha1(IDP_ENTITY_ID.encode()).digest()  # noqa: S324 (the format's own)
            + secrets.token_bytes(20)
        )
        encoded = base64.b64encode(artifact).decode()
        self.answers[encoded] = answer
        return encoded

    def resolve(self, body: bytes) -> str:
        """The ArtifactResponse to an ArtifactResolve: the answer issued for its artifact."""
        request = etree.fromstring(body)
        resolve = request.find(".//samlp:ArtifactResolve", NS)
        artifact = resolve.findtext("samlp:Artifact", namespaces=NS)
        now = _instant(datetime.datetime.now(datetime.UTC))
        return f"""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
<soapenv:Body><samlp:ArtifactResponse xmlns:samlp="{NS["samlp"]}" xmlns:saml="{NS["saml"]}"
 ID="_{uuid.uuid4().hex}" Version="2.0" IssueInstant="{now}" InResponseTo="{resolve.get("ID")}">
<saml:Issuer>{IDP_ENTITY_ID}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
{self.answers.pop(artifact)}</samlp:ArtifactResponse></soapenv:Body></soapenv:Envelope>"""


@pytest.fixture
def idp():
    provider = IdentityProvider()
    provider.thread.start()
    yield provider
    provider.server.shutdown()
    provider.server.server_close()


@pytest.fixture
def service_provider():
    """zorgvuldig's own key pair (signing the AuthnRequest and the ArtifactResolve)."""
    return key_pair("zorgvuldig-test-sp")


@pytest.fixture
def digid(settings, tmp_path, idp, service_provider):
    """DigiD configured as an administrator does it in the admin: the key pair in the
    certificate manager, tied to the DigiD configuration, and DigiD's metadata."""
    settings.ZORGVULDIG_DIGID = True
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    key, cert = service_provider
    pair = Certificate(label="zorgvuldig DigiD (test)", type=CertificateTypes.key_pair)
    pair.public_certificate.save("sp.crt", ContentFile(cert.encode()), save=False)
    pair.private_key.save("sp.key", ContentFile(key.encode()), save=False)
    pair.save()
    ConfigCertificate.objects.create(
        config_type=DigidConfiguration._as_config_type(), certificate=pair
    )
    config = DigidConfiguration.get_solo()
    config.base_url = SITE
    config.entity_id = SP_ENTITY_ID
    config.service_name = "zorgvuldig: Mijn gegevens"
    config.service_description = "Wat organisaties in het sociaal domein met uw gegevens doen"
    config.idp_service_entity_id = IDP_ENTITY_ID
    config.idp_metadata_file.save("digid.xml", ContentFile(idp.metadata().encode()), save=False)
    config.want_assertions_signed = True
    config.signature_algorithm = OneLogin_Saml2_Constants.RSA_SHA256
    config.digest_algorithm = OneLogin_Saml2_Constants.SHA256
    config.save()
    return config


@pytest.fixture
def reasons():
    """Why the assertion consumer service refused, as it logs it (for the administrator; the
    resident reads DigiD's words only)."""
    said: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            said.append(record.getMessage())

    logger = logging.getLogger("zorgvuldig.web.resident.digid")
    handler = Keep(logging.INFO)
    logger.addHandler(handler)
    yield said
    logger.removeHandler(handler)


def start_sign_in(client, service_provider) -> tuple[str, str]:
    """The browser's way to DigiD: the sign-in page's DigiD link, then the page that posts
    the signed AuthnRequest to DigiD. The AuthnRequest's id and the RelayState."""
    page = client.get("/mijn/inloggen/").content.decode()
    link = html.unescape(re.search(r'href="([^"]+)" data-testid="digid"', page).group(1))
    assert link.startswith("/mijn/digid/?")
    start = client.get(link)
    assert start.status_code == 200
    text = start.content.decode()
    assert f'action="{SSO_URL}"' in text
    # the Content Security Policy lets this page's form go to DigiD, and nowhere else
    assert (
        "form-action 'self' https://digid-test.zorgvuldig.example"
        in start["Content-Security-Policy"]
    )
    fields = dict(re.findall(r'name="(SAMLRequest|RelayState)" value="([^"]*)"', text))
    request = base64.b64decode(html.unescape(fields["SAMLRequest"]))
    # signed with zorgvuldig's key: what DigiD checks against the metadata it was given
    assert OneLogin_Saml2_Utils.validate_sign(
        request,
        service_provider[1],
        xpath="/samlp:AuthnRequest/ds:Signature",
        raise_exceptions=True,
    )
    authn = etree.fromstring(request)
    assert authn.get("AssertionConsumerServiceURL") == ACS_URL
    return authn.get("ID"), html.unescape(fields["RelayState"])


def return_from_digid(client, artifact: str, relay_state: str):
    return client.get(
        "/mijn/digid/acs/", {"SAMLart": artifact, "RelayState": relay_state}, follow=True
    )


def refused(answer) -> bool:
    """The sign-in page with DigiD's words for a failed sign-in (in Dutch, the page's
    language, by the library's translation), and nobody signed in."""
    words = gettext(
        "An error occurred in the communication with DigiD. "
        "Please try again later. If this error persists, please "
        "check the website https://www.digid.nl for the latest information."
    )
    return (
        answer.redirect_chain[-1][0] == "/mijn/inloggen/"
        and words in html.unescape(answer.content.decode())
        and words.startswith("Er is een fout opgetreden in de communicatie met DigiD.")
        and KEY not in answer.wsgi_request.session
    )


def test_art9_1_a_resident_signs_in_with_digid_saml_and_sees_their_view(
    client, adult, digid, idp, service_provider
):
    joost, bsn = adult
    users = get_user_model().objects.count()
    request_id, relay_state = start_sign_in(client, service_provider)
    assert relay_state == "/mijn/"
    artifact = idp.issue(idp.response(in_response_to=request_id, bsn=bsn))
    page = return_from_digid(client, artifact, relay_state)
    assert page.redirect_chain[0] == ("/mijn/", 302)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="signed-in"' in text and "Joost Bakker" in text
    assert client.session[KEY]["subject"] == str(joost.subject.id)
    assert bsn not in str(dict(client.session))  # the session keeps who, never the BSN
    assert get_user_model().objects.count() == users  # a resident is no user
    # the artifact was resolved at the identity provider, signed with zorgvuldig's key
    (resolve,) = idp.resolves
    assert b"ArtifactResolve" in resolve and artifact.encode() in resolve
    assert OneLogin_Saml2_Utils.validate_sign(
        resolve, service_provider[1], xpath="//ds:Signature", raise_exceptions=True
    )


def test_a_tampered_saml_response_signs_nobody_in(
    client, adult, digid, idp, service_provider, reasons
):
    """Someone signs in with their own DigiD and changes the BSN in the signed assertion into
    Joost's on its way: the signature no longer matches."""
    _, bsn = adult
    request_id, relay_state = start_sign_in(client, service_provider)
    answer = idp.response(in_response_to=request_id, bsn=next_bsn())
    tampered = re.sub(rf"{BSN_SECTOR}:\d+", f"{BSN_SECTOR}:{bsn}", answer)
    assert tampered != answer and f"{BSN_SECTOR}:{bsn}" in tampered
    records, users = LogRecord.objects.count(), get_user_model().objects.count()
    refusal = return_from_digid(client, idp.issue(tampered), relay_state)
    assert refused(refusal)
    assert idp.resolves  # resolved at DigiD, and refused after that
    assert reasons == [
        "DigiD sign-in refused: The Response could not be validated due to the following "
        "error: Signature validation failed. SAML Response rejected"
    ]
    assert LogRecord.objects.count() == records
    assert get_user_model().objects.count() == users
    assert client.get("/mijn/").status_code == 302


def test_an_expired_saml_assertion_signs_nobody_in(
    client, adult, digid, idp, service_provider, reasons
):
    _, bsn = adult
    request_id, relay_state = start_sign_in(client, service_provider)
    expired = idp.response(
        in_response_to=request_id, bsn=bsn, valid_for=-datetime.timedelta(hours=1)
    )
    records = LogRecord.objects.count()
    assert refused(return_from_digid(client, idp.issue(expired), relay_state))
    assert len(reasons) == 1 and "expired" in reasons[0]
    assert LogRecord.objects.count() == records
    assert client.get("/mijn/").status_code == 302


@pytest.mark.parametrize(
    ("wrong", "reason"),
    [
        ("another audience", "is not a valid audience"),
        ("another key", "Signature validation failed"),
        ("no signature", "The Assertion of the Response is not signed"),
        ("another request", "The InResponseTo of the Response: _never-sent"),
    ],
)
def test_a_saml_response_digid_did_not_give_for_this_sign_in_signs_nobody_in(
    client, adult, digid, idp, service_provider, reasons, wrong, reason
):
    _, bsn = adult
    request_id, relay_state = start_sign_in(client, service_provider)
    answer = {
        "another audience": lambda: idp.response(
            in_response_to=request_id, bsn=bsn, audience="https://elders.example/digid/"
        ),
        "another key": lambda: idp.response(
            in_response_to=request_id, bsn=bsn, signer=key_pair("not-digid")
        ),
        "no signature": lambda: idp.response(in_response_to=request_id, bsn=bsn, signed=False),
        "another request": lambda: idp.response(in_response_to="_never-sent", bsn=bsn),
    }[wrong]()
    records = LogRecord.objects.count()
    assert refused(return_from_digid(client, idp.issue(answer), relay_state))
    assert len(reasons) == 1 and reason in reasons[0]
    assert LogRecord.objects.count() == records


def test_an_artifact_that_is_not_digids_signs_nobody_in(client, digid, idp, service_provider):
    start_sign_in(client, service_provider)
    records = LogRecord.objects.count()
    for artifact in ("", "not-an-artifact", base64.b64encode(b"\x00\x04" + bytes(42)).decode()):
        assert refused(return_from_digid(client, artifact, "/mijn/"))
    assert not idp.resolves and LogRecord.objects.count() == records


def test_a_cancelled_digid_sign_in_says_so(client, digid, idp, service_provider):
    request_id, relay_state = start_sign_in(client, service_provider)
    answer = idp.response(in_response_to=request_id, bsn=next_bsn())
    cancelled = re.sub(
        r'<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>',
        '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder">'
        '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/>'
        "</samlp:StatusCode>",
        answer,
        count=1,
    )
    refusal = return_from_digid(client, idp.issue(cancelled), relay_state)
    assert refusal.redirect_chain[-1][0] == "/mijn/inloggen/"
    assert "U heeft het inloggen met DigiD geannuleerd." in html.unescape(refusal.content.decode())
    assert KEY not in client.session


def test_without_zorgvuldig_digid_the_saml_pages_do_not_exist(client, settings):
    settings.ZORGVULDIG_DIGID = False
    assert client.get("/mijn/digid/").status_code == 404
    assert client.get("/mijn/digid/acs/", {"SAMLart": "x"}).status_code == 404
    assert client.get("/mijn/digid/metadata/").status_code == 404


def test_digid_not_configured_is_a_clear_refusal(client, settings):
    """``ZORGVULDIG_DIGID`` on, but no certificate or metadata in the admin yet."""
    settings.ZORGVULDIG_DIGID = True
    answer = client.get("/mijn/digid/", {"next": "/mijn/"}, follow=True)
    assert refused(answer)


def test_the_service_providers_metadata_for_logius(client, digid, service_provider):
    """What Logius is given to register the service: the artifact binding at our ACS, our
    certificate, signed with our key."""
    answer = client.get("/mijn/digid/metadata/")
    assert answer.status_code == 200 and answer["Content-Type"] == "text/xml"
    metadata = answer.content
    tree = etree.fromstring(metadata)
    md = {"md": "urn:oasis:names:tc:SAML:2.0:metadata", **NS}
    assert tree.get("entityID") == SP_ENTITY_ID
    (acs,) = tree.findall(".//md:AssertionConsumerService", md)
    assert acs.get("Location") == ACS_URL
    assert acs.get("Binding") == "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"
    assert not tree.findall(".//md:SingleLogoutService", md)
    assert _bare(service_provider[1]) in metadata.decode().replace("\n", "")
    assert OneLogin_Saml2_Utils.validate_sign(
        metadata,
        service_provider[1],
        xpath="/md:EntityDescriptor/ds:Signature",
        raise_exceptions=True,
    )
