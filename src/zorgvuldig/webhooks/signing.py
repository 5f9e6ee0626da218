# SPDX-License-Identifier: EUPL-1.2
"""The signature on a webhook notification: HMAC-SHA256 over the timestamp and the body.

Header ``Zorgvuldig-Signature: t=<unix seconds>,v1=<hex>``, where ``v1`` is the HMAC-SHA256,
keyed with the subscription's secret, of ``"<t>." + body``. A receiver recomputes it, compares
in constant time, and refuses a timestamp older than a few minutes (replay).
"""

from __future__ import annotations

import hashlib
import hmac

HEADER = "Zorgvuldig-Signature"
TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), b"%d." % timestamp + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(
    secret: str, header: str, body: bytes, *, now: int, tolerance: int = TOLERANCE_SECONDS
) -> bool:
    """What a receiving partner system checks: the signature fits and is recent."""
    try:
        parts = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), f"t={timestamp},v1={given}")
