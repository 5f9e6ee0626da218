# SPDX-License-Identifier: EUPL-1.2
"""A tampered SAML response is refused (decision 25): the SAML stack itself.

``test_digid_saml.py`` signs in through the real DigiD flow as zorgvuldig wires it (the
artifact resolved at a test identity provider) and refuses a tampered response there. This
test shows the layer under it on its own: maykin-python3-saml with the xmlsec and lxml wheels
from PyPI checks a response signed by an identity provider's key (a test key and certificate
made with ``cryptography``), refuses the same response once its BSN was changed after
signing, and refuses it against another certificate."""

from __future__ import annotations

import pytest
from onelogin.saml2.utils import OneLogin_Saml2_Utils

from tests.resident.conftest import key_pair

RESPONSE = """<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"
 xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0"
 IssueInstant="2026-12-07T10:00:00Z" Destination="https://zorgvuldig.example/digid/acs/">
 <saml:Issuer>https://test-idp.example</saml:Issuer>
 <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
 <saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-12-07T10:00:00Z">
  <saml:Issuer>https://test-idp.example</saml:Issuer>
  <saml:Subject><saml:NameID>s00000000:{bsn}</saml:NameID></saml:Subject>
 </saml:Assertion>
</samlp:Response>"""


def test_a_saml_response_altered_after_signing_is_refused():
    key, cert = key_pair("test-idp")
    signed = OneLogin_Saml2_Utils.add_sign(RESPONSE.format(bsn="111222333"), key, cert)
    signed = signed.decode() if isinstance(signed, bytes) else signed
    assert OneLogin_Saml2_Utils.validate_sign(signed, cert, raise_exceptions=True)
    tampered = signed.replace("s00000000:111222333", "s00000000:999999990")
    assert tampered != signed
    with pytest.raises(Exception, match=r"(?i)signature|digest|reference"):
        OneLogin_Saml2_Utils.validate_sign(tampered, cert, raise_exceptions=True)
    # signed by another key than the IdP's: refused too
    _, stranger = key_pair("test-idp")
    with pytest.raises(Exception):  # noqa: B017 (xmlsec's own error type)
        OneLogin_Saml2_Utils.validate_sign(signed, stranger, raise_exceptions=True)
