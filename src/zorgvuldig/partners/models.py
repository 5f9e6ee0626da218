# SPDX-License-Identifier: EUPL-1.2
"""Partners, their commitment to the protocol, employees and acknowledgements (art1, art3.2)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgvuldig.protocol import loader


class PartnerKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    PUBLIC = "public", _("Public organisation")
    PRIVATE = "private", _("Private organisation")
    INDEPENDENT = "independent", _("Independent professional")


class Partner(models.Model):
    """An organisation or independent professional that supports clients (art1).

    It is a *partner* only in the periods in which it is committed to the protocol
    (:class:`ProtocolCommitment`); outside them it is a non-partner (art7).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    oin = models.CharField(
        _("OIN"), max_length=20, blank=True, help_text=_("Organisatie-identificatienummer")
    )
    # art9.6: where a partner without a webhook subscription is told that data it received
    # was changed or deleted at a data subject's request
    privacy_email = models.EmailField(_("privacy contact e-mail"), blank=True)
    # a municipality's CBS gemeentecode (one of ZORGVULDIG_MUNICIPALITIES), as its support
    # trajectories record it: art3.2f tells it of the incidents in the support given on its
    # behalf (decision 18); empty for every other partner, and for a municipality not told apart
    municipality = models.CharField(
        _("municipality"),
        max_length=4,
        blank=True,
        default="",
        help_text=_("For a municipality: its CBS code, as in ZORGVULDIG_MUNICIPALITIES."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name

    def commitment_on(self, day: datetime.date) -> ProtocolCommitment | None:
        """The commitment in force on ``day``, if any."""
        return (
            self.commitments.filter(starts_on__lte=day)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
            .order_by("-starts_on", "-id")  # the latest start; of two, the later recorded
            .first()
        )


class ProtocolCommitment(models.Model):
    """The period in which a partner is committed to a protocol version (art1)."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="commitments")
    protocol_version = models.CharField(_("protocol version"), max_length=100)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        ordering = ["partner", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="commitment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner} – {self.protocol_version} ({self.starts_on}–{self.ends_on or ''})"

    def clean(self) -> None:
        """A partner commits to a protocol version that exists (protocol/versions/*.toml)."""
        known = loader.load_all()
        if self.protocol_version not in known:
            raise ValidationError(
                {
                    "protocol_version": _("Unknown protocol version; choose one of: %(known)s")
                    % {"known": ", ".join(sorted(known))}
                }
            )


class Role(models.TextChoices):
    """What an employee does at their partner, and so what they reach (art3.2c; decision 22).

    One role per employee: a role that includes another's work says so in :data:`ROLE_ACCESS`
    (a team lead, a director and the Veilig Thuis liaison are caseworkers too). Every rule
    about a role reads it from there, so that the roles can be enumerated in one place.
    """

    CASEWORKER = "caseworker", _("Caseworker")
    DIRECTOR = "director", _("Director (regisseur)")
    TEAM_LEAD = "team-lead", _("Team lead")
    PRIVACY_OFFICER = "privacy-officer", _("Privacy officer")
    DATA_PROTECTION_OFFICER = "data-protection-officer", _("Data protection officer (FG)")
    ADMINISTRATOR = "administrator", _("Functional administrator")
    VEILIG_THUIS_LIAISON = "veilig-thuis-liaison", _("Veilig Thuis liaison")
    INCIDENT_REPORTER = "incident-reporter", _("Incident reporter")


@dataclass(frozen=True, slots=True)
class RoleAccess:
    """What a role reaches (art3.2c). Client data only through the gate, which decides it with
    these facts; the registers and the admin by the services that keep them."""

    # the clients whose open support they are assigned to, the households they direct
    casework: bool = False
    # may be named the director (regisseur) of a household (art1)
    directs: bool = False
    # the overview of the assignments at their organisation: who supports how many, no client
    team_overview: bool = False
    # reads the registers: requests of data subjects, incidents, exceptions, retention, the
    # processing log, acknowledgements; a client's identification only, for accountability
    reads_registers: bool = False
    # handles requests, incidents and retention, and reviews emergency access; a dossier's
    # content only while handling a request of its data subject (art9, art10)
    handles_registers: bool = False
    # reaches, for safety, the clients of the partner's open Meldcode cases to handle the
    # exchange with Veilig Thuis (art8)
    meldcode: bool = False
    # may break the glass: emergency access to one client outside their assignment
    breaks_glass: bool = False
    # keeps partners, commitments, employees and their roles (the admin); no personal data
    administers: bool = False


_CASEWORK = RoleAccess(casework=True, directs=True, breaks_glass=True)

#: Every role and what it reaches: the one table the rules, the pages and the tests read.
ROLE_ACCESS: dict[Role, RoleAccess] = {
    Role.CASEWORKER: _CASEWORK,
    Role.DIRECTOR: _CASEWORK,
    Role.TEAM_LEAD: RoleAccess(casework=True, directs=True, breaks_glass=True, team_overview=True),
    Role.PRIVACY_OFFICER: RoleAccess(reads_registers=True, handles_registers=True),
    Role.DATA_PROTECTION_OFFICER: RoleAccess(reads_registers=True),
    Role.ADMINISTRATOR: RoleAccess(administers=True),
    Role.VEILIG_THUIS_LIAISON: RoleAccess(casework=True, breaks_glass=True, meldcode=True),
    Role.INCIDENT_REPORTER: RoleAccess(),
}


def access_of(role) -> RoleAccess:
    """What ``role`` reaches; an unknown role (or none) reaches nothing."""
    try:
        return ROLE_ACCESS[Role(role)]
    except ValueError:
        return RoleAccess()


def roles_that(capability: str) -> tuple[str, ...]:
    """The roles with ``capability`` (a field of :class:`RoleAccess`), for a query."""
    return tuple(r.value for r, a in ROLE_ACCESS.items() if getattr(a, capability))


class Employee(models.Model):
    """A person working for a partner, with a login (art3.2c)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="employee"
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="employees")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.partner})"

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.username


class ProtocolAcknowledgement(models.Model):
    """An employee's statement that they know and follow a protocol version (art3.2d, art3.2e)."""

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="acknowledgements"
    )
    protocol_version = models.CharField(_("protocol version"), max_length=100)
    acknowledged_at = models.DateTimeField(_("acknowledged at"))

    class Meta:
        # every acknowledgement is kept: the version may ask for one again after some months
        ordering = ["-acknowledged_at"]
