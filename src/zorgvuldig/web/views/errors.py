# SPDX-License-Identifier: EUPL-1.2
"""Pages for what the gate answers instead of data: a refusal, a function the employee does not
have, or nothing found."""

from __future__ import annotations

from django.shortcuts import render

from zorgvuldig.core.errors import NotAllowed, NotFound, ProcessingRefused
from zorgvuldig.protocol.decision import article_label

#: The articles of informing and consent: a refusal under them can be lifted by consent, or
#: overridden under art4.6 with a justification.
CONSENT_ARTICLES = frozenset({"art4.1", "art4.2", "art4.3", "art4.4", "art4.5"})


def refused(
    request,
    error: ProcessingRefused,
    *,
    back_url: str = "",
    consent_url: str = "",
    form_url: str = "",
    glass_url: str = "",
):
    """The protocol refused: say why, by which articles, and that the refusal is logged (403).

    When the refusal is that the employee is not assigned to the client (art3.2c), the page
    offers to break the glass (``glass_url``, decision 23), for a role that may.

    When consent is what is missing, the page points to the consent panel (``consent_url``)
    and, on a form that has it, to the fieldset for processing without consent (``form_url``).
    """
    decision = error.decision
    consent_missing = bool(CONSENT_ARTICLES.intersection(decision.articles))
    return render(
        request,
        "web/refused.html",
        {
            "explanation": decision.explanation,
            "articles": [(a, article_label(a)) for a in decision.articles],
            "trace_id": error.trace_id,
            "back_url": back_url,
            "consent_missing": consent_missing,
            "consent_url": consent_url if consent_missing else "",
            "form_url": form_url if consent_missing else "",
            "glass_url": glass_url if "art3.2c" in decision.articles else "",
        },
        status=403,
    )


def not_found(request, error: NotFound):
    return render(request, "web/not_found.html", {"message": str(error)}, status=404)


def not_allowed(request, error: NotAllowed, *, back_url: str = ""):
    """The gate refused before anything was read: the employee does not have this function
    (e.g. only a household's director keeps its plan). The gate's own words, 403."""
    return render(
        request, "web/not_allowed.html", {"message": str(error), "back_url": back_url}, status=403
    )
