"""Pages for what the gate answers instead of data: a refusal, or nothing found."""

from __future__ import annotations

from django.shortcuts import render

from zorgvuldig.gate.errors import NotFound, ProcessingRefused
from zorgvuldig.protocol.decision import article_label


def refused(request, error: ProcessingRefused, *, back_url: str = ""):
    """The protocol refused: say why, by which articles, and that the refusal is logged (403)."""
    decision = error.decision
    return render(
        request,
        "web/refused.html",
        {
            "explanation": decision.explanation,
            "articles": [(a, article_label(a)) for a in decision.articles],
            "trace_id": error.trace_id,
            "back_url": back_url,
        },
        status=403,
    )


def not_found(request, error: NotFound):
    return render(request, "web/not_found.html", {"message": str(error)}, status=404)
