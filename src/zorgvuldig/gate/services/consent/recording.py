# SPDX-License-Identifier: EUPL-1.2
"""Recording informing and consent through the gate (art4.1-art4.5).

Each function is one processing, decided and logged by :func:`~zorgvuldig.gate.processing.process`,
with its input checked before anything is decided (bad input writes nothing, not even a log
record). Recording informing or consent never needs consent itself: it is how consent gets
into the dossier. Every recording is also noted in the dossier as an annotation under its
article ("in het dossier wordt aangetekend", art4.2 and art4.3).
"""

from __future__ import annotations

import datetime
import uuid

from zorgvuldig.clients.models import Client, Relation
from zorgvuldig.consent import documents
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.core.pdf import dutch_date
from zorgvuldig.gate import validation
from zorgvuldig.gate.facts import version_of
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.gate.services.common import (
    client_or_404,
    client_processing,
    gate_service,
)
from zorgvuldig.gate.services.consent import checks
from zorgvuldig.gate.services.consent.convert import (
    consent_decisions,
    decision_view,
    informing_view,
    recipient_names,
)
from zorgvuldig.gate.services.consent.views import ConsentDecisionView, InformingView
from zorgvuldig.protocol import CATEGORIES, Category, Operation, in_force, representation
from zorgvuldig.protocol.consent import ConsentScope, ConsentState

SCOPE_ARTICLES = {ConsentScope.RECORD_REQUEST: "art4.2", ConsentScope.SHARE: "art4.3"}

SCOPE_WORDS = {
    ConsentScope.RECORD_REQUEST: "vastleggen en opvragen",
    ConsentScope.SHARE: "delen met anderen",
}

STATE_WORDS = {
    ConsentState.GIVEN: "gegeven",
    ConsentState.REFUSED: "geweigerd",
    ConsentState.WITHDRAWN: "ingetrokken",
}

ROLE_WORDS = {
    representation.CLIENT: "de cliënt",
    "legal-representative": "de wettelijk vertegenwoordiger",
    "guardian": "de voogd",
    "parent": "een ouder",
    "curator": "de curator",
    "mentor": "de mentor",
}

HOW_WORDS = {"conversation": "in een gesprek", "letter": "per brief"}


def registry_processing(
    actor: Actor, client: Client, name: str, operation: Operation, purpose, legal_basis
) -> Processing:
    """A processing of the consent registry: identification data only. Who the client is, and
    who may answer for the client, is what informing and asking consent need, before any
    consent exists (the protocol versions exempt identification from consent)."""
    return client_processing(
        actor, client.id, name, operation, (Category.IDENTIFICATION,), purpose, legal_basis
    )


@gate_service
def record_informing(
    actor: Actor,
    client_id,
    *,
    organisations,
    informed_on: datetime.date,
    how: str,
    purpose: str,
    legal_basis: str | None = None,
    note: str = "",
) -> InformingView:
    """art4.1: record that the client was told that data is recorded and may be exchanged, and
    with which organisations (named as concretely as possible)."""
    client = client_or_404(client_id)
    named = checks.organisations(organisations)
    day = checks.past_date(informed_on, "informedOn")
    method = checks.informing_method(how)
    text = validation.text(note, "note", checks.MAX_NOTE, required=False)

    def perform(decision):
        informing = Informing.objects.create(
            client=client,
            partner_id=actor.partner_id,
            informed_on=day,
            organisations=named,
            how=method,
            note=text,
            recorded_by_id=actor.employee_id,
        )
        informing = Informing.objects.select_related("recorded_by__user").get(id=informing.id)
        note_text = (
            f"Cliënt {HOW_WORDS[method]} geïnformeerd op {dutch_date(day)} "
            f"over het vastleggen en uitwisselen van gegevens, met: "
            f"{', '.join(named)}."
        )
        return Performed(
            informing_view(informing),
            subject_ids=[client.subject_id],
            annotations=[("art4.1", note_text)],
        )

    step = registry_processing(
        actor, client, "informeren-vastleggen", Operation.RECORD, purpose, legal_basis
    )
    return process(step, perform).result


def _alone_from_age(actor: Actor, day: datetime.date) -> int:
    """art10.1: the age from which a client decides alone, as the partner's version sets it."""
    version = version_of(actor.partner_id, day)
    return version.representation.alone_from_age if version else representation.ALONE_FROM_AGE


def _decider(
    client: Client,
    given_by_subject_id,
    decided_on: datetime.date,
    note: str,
    alone_from_age: int = representation.ALONE_FROM_AGE,
) -> tuple[uuid.UUID, str]:
    """Who decides (the client, or a representative recorded as related) and whether they may
    (art10 as :mod:`zorgvuldig.protocol.representation` keeps it until the rights issue)."""
    subject_id, role = client.subject_id, representation.CLIENT
    if given_by_subject_id not in (None, "") and str(given_by_subject_id) != str(subject_id):
        try:
            subject_id = uuid.UUID(str(given_by_subject_id))
        except ValueError:
            raise InvalidInput(
                {"givenBySubjectId": "Geen geldige verwijzing naar een persoon."}
            ) from None
        kinds = set(
            Relation.objects.filter(subject=client.subject, related_id=subject_id).values_list(
                "kind", flat=True
            )
        )
        if not kinds:
            raise InvalidInput(
                {
                    "givenBySubjectId": "Deze persoon is geen betrokkene bij deze "
                    "cliënt; leg eerst de relatie vast (bijvoorbeeld als ouder of "
                    "voogd)."
                }
            )
        role = next((k for k in checks.REPRESENTATIVE_ORDER if k in kinds), sorted(kinds)[0])
    age = representation.age_on(client.subject.birth_date, decided_on)
    errors = representation.check(age, role, note, alone_from_age=alone_from_age)
    if errors:
        raise InvalidInput(errors)
    return subject_id, role


def _annotation(
    scope: ConsentScope,
    state: ConsentState,
    role: str,
    day: datetime.date,
    categories,
    recipient_names,
    written: bool,
) -> tuple[str, str]:
    """The dossier note of a decision (art4.2/art4.3 "wordt aangetekend", art4.5)."""
    named = ", ".join(CATEGORIES[Category(c)].lower() for c in categories or ())
    what = "alle gegevens" if categories is None else f"alleen {named}"
    to = f", met {', '.join(recipient_names)}" if recipient_names else ""
    form = "; ondertekend formulier in het dossier" if written else ""
    article = "art4.5" if state is ConsentState.WITHDRAWN else SCOPE_ARTICLES[scope]
    return article, (
        f"Toestemming voor {SCOPE_WORDS[scope]} {STATE_WORDS[state]} door "
        f"{ROLE_WORDS.get(role, role)} op {dutch_date(day)} ({what}{to})"
        f"{form}."
    )


def _decide(
    actor: Actor,
    client: Client,
    *,
    name: str,
    scope: ConsentScope,
    state: ConsentState,
    categories,
    recipients,
    given_by,
    decided_on,
    form,
    note,
    purpose,
    legal_basis,
) -> ConsentDecisionView:
    """Write one decision (and its signed form) as one processing."""
    subject_id, role = given_by

    def perform(decision):
        document = None
        if form is not None:
            document = ConsentDocument.objects.create(
                client=client,
                partner_id=actor.partner_id,
                filename=form.filename,
                content_type=form.content_type,
                size=form.size,
                sha256=form.sha256,
                content=form.content,
                uploaded_by_id=actor.employee_id,
            )
        created = ConsentDecision.objects.create(
            client=client,
            partner_id=actor.partner_id,
            scope=scope.value,
            state=state.value,
            categories=categories,
            recipients=recipients,
            given_by_id=subject_id,
            given_by_role=role,
            form=document,
            decided_on=decided_on,
            note=note,
            recorded_by_id=actor.employee_id,
        )
        created = (
            ConsentDecision.objects.select_related(
                "given_by", "recorded_by__user", "form__uploaded_by__user"
            )
            .defer("form__content")
            .get(id=created.id)
        )
        names = recipient_names([created])
        view = decision_view(created, names)
        note_entry = _annotation(
            scope, state, role, decided_on, categories, view.recipient_names, document is not None
        )
        return Performed(
            view, subject_ids=[client.subject_id, subject_id], annotations=[note_entry]
        )

    step = registry_processing(actor, client, name, Operation.RECORD, purpose, legal_basis)
    return process(step, perform).result


@gate_service
def record_consent(
    actor: Actor,
    client_id,
    *,
    scope: str,
    state: str,
    decided_on: datetime.date,
    purpose: str,
    categories=None,
    recipients=None,
    given_by_subject_id=None,
    document: documents.UploadedForm | None = None,
    note: str = "",
    legal_basis: str | None = None,
) -> ConsentDecisionView:
    """art4.2/art4.3: record the client's answer (given or refused) for one scope, narrowed to
    ``categories`` and (when sharing) ``recipients`` or not; with the signed form when there is
    one (art4.4: kept also when consent is refused)."""
    client = client_or_404(client_id)
    the_scope = checks.scope(scope)
    the_state = checks.state(state, (ConsentState.GIVEN, ConsentState.REFUSED))
    day = checks.past_date(decided_on, "decidedOn")
    cats = checks.categories(categories)
    to = checks.recipients(recipients, the_scope, actor)
    text = validation.text(note, "note", checks.MAX_NOTE, required=False)
    given_by = _decider(client, given_by_subject_id, day, text, _alone_from_age(actor, day))
    form = documents.check(document) if document is not None else None
    return _decide(
        actor,
        client,
        name="toestemming-vastleggen",
        scope=the_scope,
        state=the_state,
        categories=cats,
        recipients=to,
        given_by=given_by,
        decided_on=day,
        form=form,
        note=text,
        purpose=purpose,
        legal_basis=legal_basis,
    )


@gate_service
def withdraw_consent(
    actor: Actor,
    client_id,
    *,
    scope: str,
    decided_on: datetime.date,
    purpose: str,
    categories=None,
    recipients=None,
    given_by_subject_id=None,
    document: documents.UploadedForm | None = None,
    note: str = "",
    legal_basis: str | None = None,
) -> ConsentDecisionView:
    """art4.5: the client withdraws consent given before, for a whole scope or a part of it.

    A new decision with state ``withdrawn``; every earlier decision stays as it was. From
    ``decided_on`` on, the withdrawal is what is in force for what it covers.
    """
    client = client_or_404(client_id)
    the_scope = checks.scope(scope)
    day = checks.past_date(decided_on, "decidedOn")
    cats = checks.categories(categories)
    to = checks.recipients(recipients, the_scope, actor)
    text = validation.text(note, "note", checks.MAX_NOTE, required=False)
    in_force_then = in_force.latest(
        consent_decisions(client, actor.partner_id, decided_on__lte=day)
    )
    given = [
        d
        for d in in_force_then
        if d.scope == the_scope.value and d.state == ConsentState.GIVEN.value
    ]
    if not given:
        raise InvalidInput(
            {
                "scope": f"Er is geen gegeven toestemming voor "
                f"{SCOPE_WORDS[the_scope]} om in te trekken."
            }
        )
    given_by = _decider(client, given_by_subject_id, day, text, _alone_from_age(actor, day))
    form = documents.check(document) if document is not None else None
    return _decide(
        actor,
        client,
        name="toestemming-intrekken",
        scope=the_scope,
        state=ConsentState.WITHDRAWN,
        categories=cats,
        recipients=to,
        given_by=given_by,
        decided_on=day,
        form=form,
        note=text,
        purpose=purpose,
        legal_basis=legal_basis,
    )
