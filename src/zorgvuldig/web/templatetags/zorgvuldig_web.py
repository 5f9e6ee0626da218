# SPDX-License-Identifier: EUPL-1.2
"""Template filters and tags of the web pages."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from zorgvuldig.partners.models import RoleAccess, access_of
from zorgvuldig.protocol.decision import article_label
from zorgvuldig.web import labels

register = template.Library()

_CAPABILITIES = frozenset(RoleAccess.__dataclass_fields__)


@register.filter
def can(employee, capability: str) -> bool:
    """``{% if request.employee|can:"reads_registers" %}``: whether the employee's role has
    this capability of ``ROLE_ACCESS`` (decision 22); no employee has none."""
    if capability not in _CAPABILITIES:
        raise template.TemplateSyntaxError(f"unknown capability {capability!r}")
    return bool(getattr(access_of(getattr(employee, "role", None)), capability))


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


@dataclass(frozen=True)
class Column:
    """A column of a table head: its label, numeric (aligned right) or visually hidden."""

    label: str
    numeric: bool = False
    hidden: bool = False


@register.inclusion_tag("web/includes/table_head.html")
def table_head(*labels, numeric: str = "", hidden: str = "") -> dict:
    """``{% table_head _("When") _("Who") %}``: the head of a Utrecht table, a column a label
    (an empty label is left out). ``numeric=_("Version")``: the column(s) of that label are
    numeric; ``hidden=_("Actions")``: a last column whose label only a screen reader reads."""
    columns = [
        Column(label, numeric=bool(numeric) and label == numeric) for label in labels if label
    ]
    if hidden:
        columns.append(Column(hidden, hidden=True))
    return {"columns": columns}
