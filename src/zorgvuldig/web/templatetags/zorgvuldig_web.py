# SPDX-License-Identifier: EUPL-1.2
"""Template filters and tags of the web pages."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.template.defaultfilters import date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime

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


#: The badge of a decision in the processing log: allowed is safe, partial a warning.
_DECISION_BADGE = {"allowed": "safe", "partial": "warning"}

_LOG_ROW = (
    '<tr class="utrecht-table__row" data-processing="{}">\n'
    '<td class="utrecht-table__cell zv-nowrap"><time datetime="{}">{}</time></td>\n'
    '<td class="utrecht-table__cell">\n{}<br>\n<span class="zv-muted">{}</span>\n</td>\n'
    '<td class="utrecht-table__cell">{}<br><span class="zv-muted">{}</span></td>\n'
    '<td class="utrecht-table__cell">{}</td>\n'
    '<td class="utrecht-table__cell">{}<br><span class="zv-muted">{}</span></td>\n'
    '<td class="utrecht-table__cell">\n'
    '<span class="utrecht-status-badge utrecht-status-badge--{} zv-badge">{}</span>{}\n'
    '<br><span class="zv-muted zv-nowrap">{}</span>\n</td>\n</tr>\n'
)


def _articles(articles) -> SafeString:
    return format_html_join(
        ", ", '<abbr title="{}">{}</abbr>', ((article_label(a), a) for a in articles)
    )


@register.simple_tag
def log_rows(entries) -> SafeString:
    """``{% log_rows log %}``: the rows of a processing log's table (views of the log: when,
    the processing and its operation, who, the categories, purpose and legal basis, the
    decision with its articles). The same rows a ``{% for %}`` of the template would give, made
    here because a page shows a hundred of them and the template engine spends about ten times
    as long per row."""
    rows = []
    for entry in entries:
        when = template_localtime(entry.start_time)
        status = (
            format_html(
                ' <span class="utrecht-status-badge utrecht-status-badge--error zv-badge">'
                "{}</span>",
                labels.label("status", entry.status),
            )
            if entry.status != "ok"
            else ""
        )
        rows.append(
            format_html(
                _LOG_ROW,
                entry.name,
                date(when, "c"),
                date(when, "SHORT_DATETIME_FORMAT"),
                labels.label("processing", entry.name),
                labels.label("operation", entry.operation),
                entry.actor,
                entry.partner,
                format_html_join(
                    ", ", "{}", ((labels.label("category", c),) for c in entry.categories or ())
                ),
                labels.label("purpose", entry.purpose) or "—",
                labels.label("legal_basis", entry.legal_basis) or "—",
                _DECISION_BADGE.get(entry.decision, "danger"),
                labels.label("decision", entry.decision),
                status,
                _articles(entry.articles),
            )
        )
    return format_html_join("", "{}", ((row,) for row in rows))
