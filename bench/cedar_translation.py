# SPDX-License-Identifier: EUPL-1.2
"""The same rules as decide(), written for the Cedar engine (``cedarpy``), and the
translation of a request and its facts into Cedar's entities and context.

The Cedar policies are ``bench/cedar/zorgvuldig.cedar``, schema
``bench/cedar/zorgvuldig.cedarschema``. One Cedar request per data category: principal the
employee, action the operation, resource the category. What is the same for every request
(the categories, the protocol versions' settings) is parsed once into an entity store; per
request, the conversion adds the employee (the facts about the actor, the grounds found for a
purpose, the domains of referrals waiting for it) and the client's dossier (informing, consents,
professional secrecy, blocked categories) as entities, and passes the request (purpose, law, domain,
categories, recipient and its support, referral domain, justification, the version's consent scope
for the operation and its necessity set, and for a share with a partner what the recipient needs) as
context, one context JSON shared by all categories.
"""

from __future__ import annotations

import json
from pathlib import Path

import cedarpy

from zorgvuldig.protocol import (
    Category,
    Consent,
    Facts,
    Operation,
    ProtocolVersion,
    RecipientKind,
    Request,
)
from zorgvuldig.protocol.loader import load_all
from zorgvuldig.protocol.vocabulary import DOMAINS_BY_LEGAL_BASIS

CEDAR = Path(__file__).resolve().parent / "cedar"


CONSENT_SLOTS = ("c0", "c1", "c2", "c3")


_ACTIONS = {o: {"type": "Action", "id": o.value} for o in Operation}


_RESOURCES = {c: {"type": "Category", "id": c.value} for c in Category}


_DOSSIER = {"type": "Dossier", "id": "client"}


_VERSIONS = {v.id: {"type": "Version", "id": v.id} for v in load_all().values()}


class Cedar:
    """The policies, the schema and the entities that hold for every request, parsed once."""

    def __init__(self) -> None:
        text = (CEDAR / "zorgvuldig.cedar").read_text()
        self.schema = cedarpy.Schema.from_str((CEDAR / "zorgvuldig.cedarschema").read_text())
        validation = cedarpy.validate_policies(text, self.schema)
        if not validation.validation_passed:
            raise SystemExit(
                "Cedar policies do not validate against the schema:\n"
                + "\n".join(str(e) for e in validation.errors)
            )
        self.policies = cedarpy.PolicySet.from_str(text)
        static = [
            {"uid": _RESOURCES[c], "attrs": {"name": c.value}, "parents": []} for c in Category
        ]
        static += [
            {"uid": _VERSIONS[v.id], "attrs": _version_attrs(v), "parents": []}
            for v in load_all().values()
        ]
        self.entities = cedarpy.Entities.from_json_str(json.dumps(static), self.schema)

    def decide(self, request: Request, facts: Facts, validate: bool = False) -> list:
        """Cedar's answers for the categories of the request: conversion and one batch call."""
        delta, requests = to_cedar(request, facts)
        schema = self.schema if validate else None
        entities = self.entities.with_added_json_str(delta, schema)
        return cedarpy.is_authorized_batch(requests, self.policies, entities, schema)


def _version_attrs(version: ProtocolVersion) -> dict:
    return {
        "purposes": sorted(version.purposes),
        "grounded_purposes": sorted(p for p, grounds in version.purpose_grounds.items() if grounds),
        "purpose_grounds": [
            {"purpose": p, "ground": g}
            for p, grounds in sorted(version.purpose_grounds.items())
            for g in sorted(grounds)
        ],
        "consent_exempt": sorted(version.consent_exempt),
        "written_categories": sorted(version.written_consent),
        "written_operations": [
            {"__entity": _ACTIONS[o]} for o in sorted(version.written_consent_operations)
        ],
        "informing_operations": [
            {"__entity": _ACTIONS[o]} for o in sorted(version.informing_operations)
        ],
        "exception_grounds": sorted(version.exception_grounds),
        "informing_waived_by": sorted(version.exception_grounds_without_informing),
        "veilig_thuis_categories": sorted(version.veilig_thuis_categories),
    }


def _consent(consent: Consent) -> dict:
    record = {"scope": consent.scope, "state": consent.state, "written": consent.written}
    if consent.categories is not None:
        record["categories"] = list(consent.categories)
    if consent.recipients is not None:
        record["recipients"] = list(consent.recipients)
    return record


def to_cedar(request: Request, facts: Facts) -> tuple[str, list[dict]]:
    """Request and Facts in Cedar's terms: the entities of this request (the employee and the
    client's dossier) as JSON, and one authorization request per category, sharing a context.
    """
    if len(facts.consents) > len(CONSENT_SLOTS):
        raise ValueError(f"the Cedar policies read at most {len(CONSENT_SLOTS)} consents")
    employee = {
        "is_employee": facts.actor_is_employee,
        "partner_committed": facts.partner_committed,
        "acknowledged": facts.acknowledged_current_version,
        "assigned_legal_bases": list(facts.assigned_legal_bases),
        "household_director": facts.household_director,
        "privacy_officer": facts.privacy_officer,
        "referred_to": list(facts.referred_to),
        "purpose_grounds": list(facts.purpose_grounds),
    }
    if facts.opening_trajectory is not None:
        employee["opening_trajectory"] = facts.opening_trajectory
    dossier = {
        "informed": facts.informed,
        "consents": {
            slot: _consent(c) for slot, c in zip(CONSENT_SLOTS, facts.consents, strict=False)
        },
        "professional_secrecy": list(facts.professional_secrecy),
        "blocked": list(facts.blocked),
    }
    principal = {"type": "Employee", "id": request.actor_id}
    delta = json.dumps(
        [
            {"uid": principal, "attrs": employee, "parents": []},
            {"uid": _DOSSIER, "attrs": dossier, "parents": []},
        ],
        separators=(",", ":"),
    )

    context: dict = {"dossier": {"__entity": _DOSSIER}}
    purpose, basis, domain = request.purpose, request.legal_basis, request.domain
    if purpose is not None:
        context["purpose"] = purpose
    if basis is not None:
        context["legal_basis"] = basis
    if domain is not None:
        context["domain"] = domain
    context["categories"] = list(request.categories)
    if request.recipient is not None:
        context["recipient"] = request.recipient
    context["recipient_kind"] = request.recipient_kind
    context["recipient_informed"] = facts.recipient_informed
    context["recipient_support"] = list(facts.recipient_support)
    if (referral := request.referral_domain) is not None:
        context["referral_domain"] = referral
    if (justification := request.justification) is not None:
        context["justification"] = {
            "ground": justification.ground,
            "text_present": bool(justification.text.strip()),
        }
    scope, necessary = None, frozenset()
    if (version := facts.version) is not None:
        context["version"] = {"__entity": _VERSIONS[version.id]}
        scope = version.consent_scope[request.operation]
        if purpose is not None and domain is not None:
            necessary = version.necessary(purpose, domain)
        elif purpose is not None and basis is not None:
            necessary = frozenset().union(
                *(version.necessary(purpose, d) for d in DOMAINS_BY_LEGAL_BASIS[basis])
            )
        if (
            purpose is not None
            and request.operation is Operation.SHARE
            and request.recipient_kind is RecipientKind.PARTNER
        ):
            needs = frozenset().union(
                *(version.necessary(purpose, d) for d in facts.recipient_support)
            )
            if referral is not None:
                needs |= version.referral_needs(referral)
            context["recipient_needs"] = list(needs)
    context["consent_scope"] = "none" if scope is None else scope
    context["necessary"] = list(necessary)
    context_json = json.dumps(context, separators=(",", ":"))
    action = _ACTIONS[request.operation]
    return delta, [
        {
            "principal": principal,
            "action": action,
            "resource": _RESOURCES[category],
            "context": context_json,
        }
        for category in request.categories
    ]
