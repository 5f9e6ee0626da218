# SPDX-License-Identifier: EUPL-1.2
"""Template filters of the web pages."""

from __future__ import annotations

from django import template

from zorgvuldig.protocol.decision import article_label
from zorgvuldig.web import labels

register = template.Library()


@register.filter
def label(code, kind: str) -> str:
    """``{{ item.category|label:"category" }}``: the translated label of a vocabulary code."""
    return labels.label(kind, code)


@register.filter
def labels_of(codes, kind: str) -> list[str]:
    """The labels of several codes (``{{ entry.categories|labels_of:"category"|join:", " }}``)."""
    return [labels.label(kind, code) for code in codes or ()]


@register.filter
def article(article_id: str) -> str:
    """``art3.2c`` as the protocol cites it: ``art. 3 lid 2 onder c``."""
    return article_label(article_id)
