# SPDX-License-Identifier: EUPL-1.2
"""The second factor of art3.2b through django-otp: an employee's authenticator app (a TOTP
device, RFC 6238) and their recovery codes (a static device, each code good for one sign-in).

An app is set up in two steps: a device is made unconfirmed, with a random key that the page
shows as a QR code and as text; the first code from the app confirms it, and then the employee
gets ten new recovery codes, shown once. django-otp throttles each device (after a wrong code
the next attempt waits 1, 2, 4 ... seconds) and refuses a TOTP code used before.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import segno
from django.db import transaction
from django_otp import verify_token as otp_verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from zorgvuldig.web.models import IdentityProviderDevice

APP_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"
PROVIDER_NAME = "Identiteitsprovider"
RECOVERY_CODES = 10
TOTP_DIGITS = 6


@dataclass(frozen=True)
class Verification:
    """What a code did: the device it verified, or whether a device refused to try (too soon
    after a wrong code)."""

    device: Device | None
    throttled: bool = False


def has_second_factor(user) -> bool:
    """Whether the user has a confirmed app or recovery codes, so signs in with a code (the
    identity provider's device, decision 24, is not one)."""
    return any(
        model.objects.devices_for_user(user, confirmed=True).exists()
        for model in (TOTPDevice, StaticDevice)
    )


def identity_provider(user) -> Device:
    """The device that stands for the identity provider's own second factor, when it is
    trusted (decision 24): made at the first such sign-in."""
    device, _ = IdentityProviderDevice.objects.get_or_create(
        user=user, defaults={"name": PROVIDER_NAME, "confirmed": True}
    )
    return device


def normalise(code: str) -> str:
    """A code as typed: spaces and hyphens (as the page groups them) and case do not matter."""
    return "".join(code.split()).replace("-", "").lower()


def _is_app_code(code: str) -> bool:
    return len(code) == TOTP_DIGITS and code.isdigit()


def verify(user, code: str) -> Verification:
    """Check a code against the user's app (six digits) or their recovery codes (any other);
    a recovery code that verifies is used up."""
    code = normalise(code)
    model = TOTPDevice if _is_app_code(code) else StaticDevice
    throttled = False
    for device in model.objects.devices_for_user(user, confirmed=True):
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            throttled = True
            continue
        verified = otp_verify_token(user, device.persistent_id, code)
        if verified is not None:
            return Verification(verified)
    return Verification(None, throttled)


def pending_app(user) -> TOTPDevice:
    """The app being set up: an unconfirmed device with a random key, kept until it is
    confirmed so that the page shows the same key when it is opened again."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def confirm(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code; returns the user's new recovery codes, or None
    when the code is wrong."""
    code = normalise(code)
    if not _is_app_code(code):
        return None
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(code):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()
        return new_recovery_codes(device.user)


def new_recovery_codes(user) -> list[str]:
    """Ten new recovery codes for the user, in place of any they had."""
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def secret_text(device: TOTPDevice) -> str:
    """The key as an app asks for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The app's set-up link (otpauth://) as a QR code, an inline SVG without styles."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=4, light="#fff")
