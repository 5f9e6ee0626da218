# SPDX-License-Identifier: EUPL-1.2
"""``zorgvuldig token``: make, list and revoke API tokens.

    zorgvuldig token create --employee USERNAME --name APP --scope clients:read [--scope …]
    zorgvuldig token create --partner NAME --service ID [--name APP] --scope webhooks:write
    zorgvuldig token list [--partner NAME]
    zorgvuldig token revoke ID

A token is printed once, when made (on standard output, alone on its line, for scripts); only
its SHA-256 is kept. It holds the scopes it is given (``--scope all`` for every one) and
expires after ``--days`` (default ``ZORGVULDIG_API_TOKEN_DAYS``).
"""

from __future__ import annotations

import uuid

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zorgvuldig.api.models import ApiToken
from zorgvuldig.api.scopes import SCOPES, checked
from zorgvuldig.partners.models import Employee, Partner
from zorgvuldig.partners.services import has_acknowledged


class Command(BaseCommand):
    help = "Make, list and revoke per-application API tokens."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a token and print it once.")
        create.add_argument("--name", help="The application that uses the token")
        create.add_argument(
            "--employee",
            metavar="USERNAME",
            help="Act as this employee (their partner is the token's partner)",
        )
        create.add_argument("--partner", metavar="NAME", help="The partner (by name)")
        create.add_argument(
            "--service", metavar="ID", help="Act as this service identity of --partner"
        )
        create.add_argument(
            "--scope",
            dest="scopes",
            action="append",
            metavar="AREA:ACCESS",
            help=f"What the token may do, repeatable: {', '.join(sorted(SCOPES))}, or 'all'",
        )
        create.add_argument("--days", type=int, help="Valid this many days (default: a year)")
        listing = actions.add_parser("list", help="List tokens (never the tokens themselves).")
        listing.add_argument("--partner", metavar="NAME")
        revoke = actions.add_parser("revoke", help="Revoke a token by its id.")
        revoke.add_argument("token_id", metavar="ID", help="The token's id (see `token list`)")

    def handle(self, *args, action, **options):
        return getattr(self, f"_{action}")(**options)

    def _partner(self, name: str) -> Partner:
        partner = Partner.objects.filter(name=name).first()
        if partner is None:
            raise CommandError(f"Unknown partner '{name}'.")
        return partner

    def _create(
        self,
        *,
        name=None,
        employee=None,
        partner=None,
        service=None,
        scopes=None,
        days=None,
        **options,
    ):
        try:
            scopes = checked(scopes)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if bool(employee) == bool(service):
            raise CommandError("Give either --employee USERNAME or --partner NAME --service ID.")
        if service:
            if not partner:
                raise CommandError("A service token needs --partner NAME.")
            owner = self._partner(partner)
            acting = None
            service = service.strip()
        else:
            acting = (
                Employee.objects.select_related("partner", "user")
                .filter(user__username=employee)
                .first()
            )
            if acting is None:
                raise CommandError(f"Unknown employee '{employee}'.")
            if not acting.is_active:
                raise CommandError(f"Employee '{employee}' is not active.")
            owner = acting.partner
            if partner and self._partner(partner).pk != owner.pk:
                raise CommandError(
                    f"Employee '{employee}' works for {owner.name}, not for {partner}: a token "
                    "acts only for an employee of its own partner (art3.2c)."
                )
            service = ""
        try:
            record, token = ApiToken.issue(
                name=name or service or f"{employee} (api)",
                partner=owner,
                employee=acting,
                service=service,
                scopes=scopes,
                days=days,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        who = f"employee {employee}" if acting else f"service {service}"
        self.stderr.write(
            f"Token {record.id} for '{record.name}' of {owner.name}, acting as {who}, with "
            f"{', '.join(record.scopes)}, until {record.expires_at:%Y-%m-%d}. "
            "It is shown only this once; keep it secret:"
        )
        if acting is not None and not has_acknowledged(acting):
            self.stderr.write(
                f"Note: {employee} has not acknowledged the protocol in force; the protocol "
                "refuses their processing of personal data until they do (art3.2d)."
            )
        self.stdout.write(token)

    def _list(self, *, partner=None, **options):
        tokens = ApiToken.objects.select_related("partner", "employee__user").order_by("created_at")
        if partner:
            tokens = tokens.filter(partner=self._partner(partner))
        for record in tokens:
            who = record.employee.user.username if record.employee else f"service:{record.service}"
            if record.revoked_at:
                state = f"revoked {record.revoked_at:%Y-%m-%d}"
            elif record.expires_at <= timezone.now():
                state = f"expired {record.expires_at:%Y-%m-%d}"
            else:
                state = f"active until {record.expires_at:%Y-%m-%d}"
            used = f"{record.last_used_at:%Y-%m-%d %H:%M}" if record.last_used_at else "never"
            self.stdout.write(
                f"{record.id}  {record.partner.name}  {who}  {record.name}  {state}  "
                f"last used {used}  scopes {','.join(record.scopes)}"
            )

    def _revoke(self, *, token_id, **options):
        try:
            pk = uuid.UUID(token_id)
        except ValueError:
            raise CommandError(f"'{token_id}' is not a token id.") from None
        record = ApiToken.objects.filter(pk=pk).first()
        if record is None:
            raise CommandError(f"No token {token_id}.")
        if record.revoked_at is None:
            record.revoked_at = timezone.now()
            record.save(update_fields=["revoked_at"])
        self.stdout.write(f"Token {record.id} ({record.name}) revoked at {record.revoked_at}.")
