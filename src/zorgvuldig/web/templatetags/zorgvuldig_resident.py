# SPDX-License-Identifier: EUPL-1.2
"""The rows of the resident's own view (decision 25), made in Python: the page shows fifty of
them and the poll sends new ones, and the template engine spends several times as long per
row (``docs/benchmarks.md``, the resident's view)."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from zorgvuldig.protocol.decision import article_label
from zorgvuldig.web import labels

register = template.Library()

_ROW = (
    '<tr class="utrecht-table__row" data-id="{}">\n'
    '  <td class="utrecht-table__cell"><time datetime="{}">{}</time></td>\n'
    '  <td class="utrecht-table__cell">{}<br><span class="zv-muted">{}</span></td>\n'
    '  <td class="utrecht-table__cell">{}: {}{}{}{}</td>\n'
    '  <td class="utrecht-table__cell">{}</td>\n'
    '  <td class="utrecht-table__cell">{}{}</td>\n'
    '  <td class="utrecht-table__cell">{}</td>\n'
    "</tr>"
)


def _day(moment) -> str:
    return date(template_localtime(moment), "j F Y") if moment else ""


def _row(e) -> SafeString:
    at = template_localtime(e.at)
    recipients = format_html("<br>{}: {}", _("To"), ", ".join(e.recipients)) if e.recipients else ""
    decision = (
        format_html("<br><strong>{}</strong>", labels.label("decision", e.decision))
        if e.decision != "allowed"
        else ""
    )
    held = ""
    if e.held_back:
        held = format_html(
            '<br><span class="zv-muted">{}</span>',
            _("Held back from this view (%(why)s) from %(since)s until %(until)s.")
            % {
                "why": labels.label("held_back", e.held_back),
                "since": _day(e.held_since),
                "until": _day(e.released_at),
            },
        )
    basis = (
        format_html(
            '<br><span class="zv-muted">{}</span>', labels.label("legal_basis", e.legal_basis)
        )
        if e.legal_basis
        else ""
    )
    return format_html(
        _ROW,
        e.id,
        date(at, "c"),
        date(at, "j F Y H:i"),
        e.partner,
        labels.label("resident_by", e.by),
        labels.label("operation", e.operation),
        labels.label("processing", e.name),
        recipients,
        decision,
        held,
        ", ".join(labels.label("category", c) for c in e.categories or ()),
        labels.label("purpose", e.purpose),
        basis,
        "; ".join(article_label(a) for a in e.articles),
    )


@register.simple_tag
def resident_rows(entries) -> SafeString:
    """``{% resident_rows log.entries %}``: a row per processing (when; the organisation and
    in what role; what it did, to whom, its decision and whether it was held back; the
    categories; the purpose and legal basis; the articles): what a ``{% for %}`` over
    ``web/resident/rows.html`` gave."""
    return format_html_join("\n", "{}", ((_row(e),) for e in entries))
