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
from typing import NamedTuple

from zorgvuldig.clients.models import Client
from zorgvuldig.consent import documents
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument, Informing
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.core.pdf import dutch_date
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, Processing, process, process_required
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
    names_in,
)
from zorgvuldig.gate.services.consent.views import ConsentDecisionView, InformingView
from zorgvuldig.gate.services.rights.representation import (
    CLIENT,
    authority_on,
    committed_version,
)
from zorgvuldig.protocol import CATEGORIES, Category, Operation, in_force
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
    CLIENT: "de cliënt",
    "legal-representative": "de wettelijk vertegenwoordiger",
    "guardian": "de voogd",
    "parent": "een ouder",
    "curator": "de curator",
    "mentor": "de mentor",
    "spouse": "de echtgenoot of partner",
    "sibling": "een meerderjarige broer of zus",
    "child": "een meerderjarig kind",
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


def _signers(
    actor: Actor, client: Client, given_by_subject_id, signed_by_subject_ids, day: datetime.date
) -> tuple[uuid.UUID, str, tuple[uuid.UUID, ...]]:
    """art10: who decides (the client, or a person recorded as related), in which role, and who
    signs with them; refused unless :func:`zorgvuldig.protocol.authority.authority` lets
    exactly these people act for the client on ``day`` (a 14-year-old signs with the
    representative; from 16 the client alone, unless judged unable)."""
    decider = str(client.subject_id)
    if given_by_subject_id not in (None, ""):
        decider = str(validation.reference(given_by_subject_id, "givenBySubjectId"))
    also = {
        str(validation.reference(s, "signedBySubjectIds")) for s in signed_by_subject_ids or ()
    } - {decider}
    found, people = authority_on(actor, client, day, committed_version(actor, day))
    if decider not in people:
        raise InvalidInput(
            {
                "givenBySubjectId": "Deze persoon is geen betrokkene bij deze cliënt; leg eerst "
                "de relatie vast (bijvoorbeeld als ouder of voogd)."
            }
        )
    if not also <= set(people):
        raise InvalidInput(
            {"signedBySubjectIds": "Wie meetekent, is de cliënt of een vastgelegde betrokkene."}
        )
    if not found.allows({decider, *also}):
        field = (
            "signedBySubjectIds"
            if any(decider in option for option in found.options)
            else "givenBySubjectId"
        )
        raise InvalidInput({field: found.explanation})
    return uuid.UUID(decider), people[decider].role, tuple(sorted(uuid.UUID(s) for s in also))


def _annotation(
    scope: ConsentScope,
    state: ConsentState,
    role: str,
    co_signers: tuple[str, ...],
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
    together = f" samen met {' en '.join(co_signers)}" if co_signers else ""
    article = "art4.5" if state is ConsentState.WITHDRAWN else SCOPE_ARTICLES[scope]
    return article, (
        f"Toestemming voor {SCOPE_WORDS[scope]} {STATE_WORDS[state]} door "
        f"{ROLE_WORDS.get(role, role)}{together} op {dutch_date(day)} ({what}{to})"
        f"{form}."
    )


class _Answer(NamedTuple):
    """What a decision about consent states in any case, checked (bad input writes nothing)."""

    client: Client
    scope: ConsentScope
    day: datetime.date
    categories: list | None
    recipients: list | None
    note: str
    form: documents.CheckedForm | None


def _answer(actor, client_id, scope, decided_on, categories, recipients, note, document):
    client = client_or_404(client_id)
    the_scope = checks.scope(scope)
    return _Answer(
        client,
        the_scope,
        checks.past_date(decided_on, "decidedOn"),
        checks.categories(categories),
        checks.recipients(recipients, the_scope, actor),
        validation.text(note, "note", checks.MAX_NOTE, required=False),
        documents.check(document) if document is not None else None,
    )


def _decide(
    actor: Actor,
    answer: _Answer,
    *,
    name: str,
    state: ConsentState,
    signers,
    purpose,
    legal_basis,
) -> ConsentDecisionView:
    """Write one decision (and its signed form) as one processing."""
    client, form = answer.client, answer.form
    subject_id, role, co_signers = signers

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
            scope=answer.scope.value,
            state=state.value,
            categories=answer.categories,
            recipients=answer.recipients,
            given_by_id=subject_id,
            given_by_role=role,
            co_signed_by=[str(s) for s in co_signers],
            form=document,
            decided_on=answer.day,
            note=answer.note,
            recorded_by_id=actor.employee_id,
        )
        created = (
            ConsentDecision.objects.select_related(
                "given_by", "recorded_by__user", "form__uploaded_by__user"
            )
            .defer("form__content")
            .get(id=created.id)
        )
        names = names_in([created])
        view = decision_view(created, names)
        note_entry = _annotation(
            answer.scope,
            state,
            role,
            view.co_signed_by,
            answer.day,
            answer.categories,
            view.recipient_names,
            document is not None,
        )
        return Performed(
            view,
            subject_ids=[client.subject_id, subject_id, *co_signers],
            annotations=[note_entry],
        )

    step = registry_processing(actor, client, name, Operation.RECORD, purpose, legal_basis)
    if actor.resident:
        # art4.5: the data subject (or whoever art10 lets act for them) withdraws in their own
        # view; a right of theirs at any time, asked of the partner by the protocol, not a
        # processing decide() judges against an employee's support (decision 25)
        return process_required(step, perform, "art4.5").result
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
    signed_by_subject_ids=(),
    document: documents.UploadedForm | None = None,
    note: str = "",
    legal_basis: str | None = None,
) -> ConsentDecisionView:
    """art4.2/art4.3: record the client's answer (given or refused) for one scope, narrowed to
    ``categories`` and (when sharing) ``recipients`` or not; with the signed form when there is
    one (art4.4: kept also when consent is refused). ``given_by_subject_id`` decides (default:
    the client) and ``signed_by_subject_ids`` sign with them, as art10 asks."""
    answer = _answer(actor, client_id, scope, decided_on, categories, recipients, note, document)
    the_state = checks.state(state, (ConsentState.GIVEN, ConsentState.REFUSED))
    signers = _signers(actor, answer.client, given_by_subject_id, signed_by_subject_ids, answer.day)
    return _decide(
        actor,
        answer,
        name="toestemming-vastleggen",
        state=the_state,
        signers=signers,
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
    signed_by_subject_ids=(),
    document: documents.UploadedForm | None = None,
    note: str = "",
    legal_basis: str | None = None,
) -> ConsentDecisionView:
    """art4.5: the client withdraws consent given before, for a whole scope or a part of it.

    A new decision with state ``withdrawn``; every earlier decision stays as it was. From
    ``decided_on`` on, the withdrawal is what is in force for what it covers. Who may withdraw
    is who may consent (art10).
    """
    answer = _answer(actor, client_id, scope, decided_on, categories, recipients, note, document)
    in_force_then = in_force.latest(
        consent_decisions(answer.client, actor.partner_id, decided_on__lte=answer.day)
    )
    given = [
        d
        for d in in_force_then
        if d.scope == answer.scope.value and d.state == ConsentState.GIVEN.value
    ]
    if not given:
        raise InvalidInput(
            {
                "scope": f"Er is geen gegeven toestemming voor "
                f"{SCOPE_WORDS[answer.scope]} om in te trekken."
            }
        )
    signers = _signers(actor, answer.client, given_by_subject_id, signed_by_subject_ids, answer.day)
    return _decide(
        actor,
        answer,
        name="toestemming-intrekken",
        state=ConsentState.WITHDRAWN,
        signers=signers,
        purpose=purpose,
        legal_basis=legal_basis,
    )
