# SPDX-License-Identifier: EUPL-1.2
"""The demo employees' authenticator app (art3.2b): the one key the demo gives them, as an
app takes it (typed in, or scanned as a QR code), printed by ``zorgvuldig demo``."""

from __future__ import annotations

import base64
import io
from urllib.parse import quote, urlencode

import segno
from django.conf import settings

from zorgvuldig.demo import region


def secret() -> str:
    """The key in base32, as an app asks for it."""
    return base64.b32encode(bytes.fromhex(region.DEMO_TOTP_KEY)).decode("ascii").rstrip("=")


def otpauth_uri() -> str:
    """The app's set-up link: one account "demo" for every demo login."""
    issuer = settings.OTP_TOTP_ISSUER
    query = urlencode({"secret": secret(), "issuer": issuer, "digits": 6, "period": 30})
    return f"otpauth://totp/{quote(f'{issuer}:demo')}?{query}"


def qr_text() -> str:
    """The set-up link as a QR code drawn in text, to scan from the terminal."""
    out = io.StringIO()
    segno.make(otpauth_uri(), error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()
