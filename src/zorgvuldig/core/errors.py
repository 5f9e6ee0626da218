# SPDX-License-Identifier: EUPL-1.2
"""What the gate raises. Every error says what is wrong in words a caseworker understands."""

from __future__ import annotations

from zorgvuldig.protocol import Decision


class GateError(Exception):
    """Base class of the gate's errors."""


class InvalidInput(GateError):
    """Input that cannot be processed; ``errors`` maps field names to what is wrong."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


class WrongSecondFactor(InvalidInput):
    """A code of the second factor, asked for again by a service (breaking the glass), that
    does not verify: invalid input on ``code`` that counts towards the sign-in lockout
    (art3.2b; :mod:`zorgvuldig.core.lockout`)."""


class NotFound(GateError):
    """The thing asked for does not exist, or the actor may not know that it does."""

    def __init__(self, what: str, message: str):
        self.what = what
        super().__init__(message)


class NotAllowed(GateError):
    """The actor's role does not give this function at all; refused before anything is read."""


class ProcessingRefused(GateError):
    """The protocol refused the processing; the refusal has been logged."""

    def __init__(self, decision: Decision, trace_id: str):
        self.decision = decision
        self.trace_id = trace_id
        super().__init__(decision.explanation)


class GateBypassed(GateError):
    """Code outside the gate touched personal data (see :mod:`zorgvuldig.gate.guard`)."""
