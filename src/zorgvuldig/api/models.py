# SPDX-License-Identifier: EUPL-1.2
"""Per-application API tokens, stored hashed, each bound to a partner and an identity."""

from __future__ import annotations

import datetime
import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.api import scopes as api_scopes

TOKEN_PREFIX = "zv_"  # noqa: S105 (a prefix, not a secret)  # nosec B105


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A token for one application of a partner, acting as an employee or a service.

    Only the SHA-256 of the token is kept; the token itself is shown once, when made. It may
    be used only for its scopes (:mod:`.scopes`) and until it expires or is revoked.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("application"), max_length=200)
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="api_tokens"
    )
    employee = models.ForeignKey(
        "partners.Employee",
        on_delete=models.PROTECT,
        related_name="api_tokens",
        null=True,
        blank=True,
    )
    service = models.CharField(_("service identity"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    scopes = models.JSONField(_("scopes"), default=list)
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(employee__isnull=False) & Q(service=""))
                | (Q(employee__isnull=True) & ~Q(service="")),
                name="token_acts_as_employee_or_service",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"

    @classmethod
    def issue(
        cls,
        *,
        name: str,
        partner,
        scopes,
        employee=None,
        service: str = "",
        days: int | None = None,
    ) -> tuple[ApiToken, str]:
        """Make a token for ``scopes`` (ValueError for one that does not exist), valid for
        ``days`` (default ``ZORGVULDIG_API_TOKEN_DAYS``, at most ``..._MAX_DAYS``); returns
        the record and the token, which is not stored."""
        days = settings.ZORGVULDIG_API_TOKEN_DAYS if days is None else days
        most = settings.ZORGVULDIG_API_TOKEN_MAX_DAYS
        if not 1 <= days <= most:
            raise ValueError(f"Een token geldt 1 tot {most} dagen, niet {days}.")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = cls.objects.create(
            name=name,
            partner=partner,
            employee=employee,
            service=service,
            token_hash=hash_token(token),
            scopes=api_scopes.checked(scopes),
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
        return record, token
