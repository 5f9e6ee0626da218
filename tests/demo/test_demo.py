# SPDX-License-Identifier: EUPL-1.2
"""The demo region: loaded through the gate, idempotent, and scalable for benchmarks."""

from __future__ import annotations

import base64
import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from zorgvuldig.demo import region
from zorgvuldig.demo.region import DEMO_PASSWORD
from zorgvuldig.processing_log.verify import verify

pytestmark = pytest.mark.django_db

COUNTED = [
    "partners.Partner",
    "partners.Employee",
    "partners.ProtocolAcknowledgement",
    "clients.Subject",
    "clients.Client",
    "clients.SupportTrajectory",
    "clients.Household",
    "dossier.DataItem",
    "dossier.DataItemVersion",
    "processing_log.LogRecord",
    "consent.ConsentDecision",
    "exchange.Disclosure",
    "exchange.NonPartner",
    "exchange.NonPartnerAddress",
    "exchange.SafetyCase",
    "exchange.SafetyCaseStep",
    "dossier.Annotation",
]


def counts() -> dict[str, int]:
    return {name: apps.get_model(name).objects.count() for name in COUNTED}


def demo(*args) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing():
    first = demo()
    loaded = counts()
    assert loaded["clients.Client"] == 9 and loaded["partners.Partner"] == 7
    assert loaded["clients.Household"] == 1
    # the exchanges (demo/exchanges.py): shares, referrals, a pull, a non-partner, Veilig Thuis
    # (10: what a recipient's own support does not need stays behind, art5.1)
    assert loaded["exchange.Disclosure"] == 10 and loaded["exchange.NonPartner"] == 2
    assert loaded["exchange.NonPartnerAddress"] == 1
    assert loaded["exchange.SafetyCase"] == 1 and loaded["exchange.SafetyCaseStep"] == 5
    assert loaded["processing_log.LogRecord"] > 0  # the demo went through the gate
    second = demo()
    assert counts() == loaded
    assert verify().ok
    assert "niets veranderd" in second
    assert DEMO_PASSWORD in first and "fatima" in first


def test_clients_option_generates_a_region_of_any_size():
    demo("--clients", "12")
    assert counts()["clients.Client"] == 21
    demo("--clients", "12")
    assert counts()["clients.Client"] == 21
    demo("--clients", "15")
    assert counts()["clients.Client"] == 24


def test_demo_logins_work_with_the_printed_key(client):
    """A person signs in as the printed demo login: the password, then the code of an app set
    up with the printed key (art3.2b)."""
    out = demo()
    secret = re.search(r"sleutel:\s+((?:[A-Z2-7]{4} ?)+)", out).group(1).replace(" ", "")
    assert f"secret={secret}" in out  # the same key as a link, which the QR code holds
    response = client.post("/inloggen/", {"username": "fatima", "password": DEMO_PASSWORD})
    code = f"{totp(base64.b32decode(secret)):06d}"
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_art3_2b_the_demo_key_is_for_the_users_the_demo_makes_only(django_user_model):
    """A login that was there before the demo keeps its own second factor (or none)."""
    django_user_model.objects.create_user(username="fatima", password="een-eigen-wachtwoord")
    demo()
    with_key = set(
        TOTPDevice.objects.filter(key=region.DEMO_TOTP_KEY).values_list("user__username", flat=True)
    )
    made = {username for username, *_ in region.EMPLOYEES} - {"fatima"}
    assert with_key == made - {region.DEMO_WITHOUT_APP}
    assert not TOTPDevice.objects.filter(user__username__in=["fatima", "noor"]).exists()


def test_art9_1_the_printed_residents_sign_in_to_their_own_view(client):
    """Each BSN the demo prints signs in through the DigiD mock and sees their own view (whose
    other views a representative sees is art10's, tested with the resident's view)."""
    out = demo()
    printed = re.findall(
        r"^  (\d{9})  (.+?)(?:  \(wettelijk vertegenwoordiger van (\w+):.*)?$", out, re.M
    )
    assert len(printed) == len(region.CLIENTS) + len(region.REPRESENTATIVES)
    assert {r for _bsn, _name, r in printed if r} == {given for given, _s in region.REPRESENTATIVES}
    for bsn, name, _represents in printed:
        client.post("/mijn/uitloggen/")
        start = client.get("/digid/login/", {"next": "/mijn/", "cancel": "/mijn/inloggen/"})
        sent = client.post(start.url.replace("/inloggen/", "/inloggen_bsn/"), {"auth_bsn": bsn})
        signed_in = client.get(sent.url)
        assert signed_in.status_code == 302 and signed_in.url.endswith("/mijn/"), name
        page = client.get("/mijn/").content.decode()
        assert name in page, name
