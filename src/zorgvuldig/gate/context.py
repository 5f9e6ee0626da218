# SPDX-License-Identifier: EUPL-1.2
"""Whether code runs inside the gate (see :mod:`.guard`)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

_inside_gate: contextvars.ContextVar[bool] = contextvars.ContextVar("inside_gate", default=False)


def inside_gate() -> bool:
    return _inside_gate.get()


@contextlib.contextmanager
def gate_open() -> Iterator[None]:
    """Mark the code in this block as running inside the gate (see :mod:`.guard`)."""
    token = _inside_gate.set(True)
    try:
        yield
    finally:
        _inside_gate.reset(token)
