# SPDX-License-Identifier: EUPL-1.2
"""Every processing the gate logs has a label the pages show (the log is read by people)."""

from __future__ import annotations

import re
from pathlib import Path

from zorgvuldig.web import labels

SERVICES = Path(__file__).resolve().parents[2] / "src" / "zorgvuldig" / "gate" / "services"
# a processing is named either positionally before its operation, or as name="..."
NAMED = re.compile(r'"([a-z]+(?:-[a-z]+)+)",\s*Operation\.|name="([a-z]+(?:-[a-z]+)+)"')


def processing_names() -> set[str]:
    names = set()
    for source in SERVICES.glob("**/*.py"):
        for positional, keyword in NAMED.findall(source.read_text()):
            names.add(positional or keyword)
    return names


def test_every_processing_of_the_gate_has_a_label():
    names = processing_names()
    assert {"gegevens-delen", "ontvangen-gegevens-inzien", "client-zoeken"} <= names
    assert sorted(n for n in names if n not in labels.PROCESSINGS) == []
