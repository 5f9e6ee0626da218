# SPDX-License-Identifier: EUPL-1.2
"""A resident signed in with the DigiD mock, and the people around them (decision 25)."""

from __future__ import annotations

import datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.utils import timezone

from tests import factories
from tests.conftest import inform_and_consent, make_employee, make_partner, next_bsn
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord


def sign_in_with_digid(client, bsn: str):
    """Through the library's DigiD mock: its login view sends the browser to its mock
    identity provider, whose form sends the BSN back to the assertion consumer service."""
    start = client.get("/digid/login/", {"next": "/mijn/", "cancel": "/mijn/inloggen/"})
    assert start.status_code == 302 and "/digid-mock/inloggen/" in start.url
    form = start.url.replace("/inloggen/", "/inloggen_bsn/")
    sent = client.post(form, {"auth_bsn": bsn})
    assert sent.status_code == 302, sent.content
    return client.get(sent.url, follow=True)


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@pytest.fixture
def adult(actor):
    """Joost, 46, in Wmo support at the partner: informed, consent to record and to share
    given by himself."""
    bsn = next_bsn()
    client = services.register_client(
        actor,
        bsn=bsn,
        given_names="Joost",
        surname="Bakker",
        birth_date=datetime.date(1980, 3, 4),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )
    inform_and_consent(actor, client.id, scopes=("record-request", "share"))
    return client, bsn


@pytest.fixture
def wmo_desk(adult):
    """A second partner supporting Joost in care: a share there carries what care needs."""
    client, bsn = adult
    desk = make_partner("Wmo-loket Heuvelrug")
    services.register_client(
        actor_for(make_employee(desk, "wim")),
        bsn=bsn,
        given_names="Joost",
        surname="Bakker",
        birth_date=client.subject.birth_date,
        domain="zorg",
        legal_basis="wmo-2015",
    )
    return desk


def recorded_trace(actor, client, category="housing") -> str:
    """A data item recorded in the client's dossier: the trace of that processing."""
    factories.record(actor, client.id, category=category, value="Trap naar boven")
    return (
        LogRecord.objects.filter(
            subject_pseudonym=subject_pseudonym(client.subject.id), name="gegeven-vastleggen"
        )
        .latest("id")
        .trace_id
    )


def shared_with_veilig_thuis(actor, client, reference: str) -> str:
    """A safety signal recorded and shared with Veilig Thuis (art8.2): the share's trace."""
    signal = factories.record(actor, client.id, category="safety-signals", value="Zorg")
    services.share_items(
        actor, client.id, item_ids=[signal.id], report_reference=reference, purpose="safety"
    )
    return LogRecord.objects.filter(name="gegevens-delen").latest("id").trace_id


def key_pair(name: str) -> tuple[str, str]:
    """A private key and a self-signed certificate, as PEM (``cryptography``): a test identity
    provider's or our own service provider's, for the SAML tests."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()
