# SPDX-License-Identifier: EUPL-1.2
"""The anonymised statistics of destroyed data, as they may be published (art5.2)."""

from __future__ import annotations

from collections.abc import Mapping

from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.protocol.loader import load_all
from zorgvuldig.retention import statistics
from zorgvuldig.retention.models import AnonymisedCount
from zorgvuldig.retention.suppression import PublishedTable


def threshold() -> int:
    """The strictest threshold of the versions: the counts of every partner are pooled."""
    return max(v.retention.statistics_threshold for v in load_all().values())


@gate_service
def anonymised_statistics() -> Mapping[str, PublishedTable]:
    """Per category, how many people's data was destroyed, by domain, year, age band,
    municipality and ending; cells of fewer people than the threshold suppressed, and what
    would reveal them too."""
    rows = AnonymisedCount.objects.values_list("category", *statistics.DIMENSIONS, "people")
    return statistics.published(rows, threshold())
