# SPDX-License-Identifier: EUPL-1.2
"""Rows of the pages' long tables, made in Python with ``format_html``: the same HTML a
``{% for %}`` of the template gives, made here because a page shows fifty or a hundred of
them and the template engine spends several times as long per row (``docs/benchmarks.md``:
the dossier page under load, the resident's view). Every value is escaped by
``format_html``."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zorgvuldig.protocol.decision import article_label
from zorgvuldig.web import labels

register = template.Library()

# --- a client's processing log (art3.2a) ---------------------------------------------------

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


# --- the resident's own view (decision 25) ---------------------------------------------------

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


def _resident_row(e) -> SafeString:
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
    return format_html_join("\n", "{}", ((_resident_row(e),) for e in entries))


# --- a dossier's data items (art5.1) ------------------------------------------------------------

_ITEM_ROW = (
    '<tr class="utrecht-table__row">\n'
    '<th scope="row" class="utrecht-table__header-cell zv-row-header">{}{}{}</th>\n'
    '<td class="utrecht-table__cell zv-prewrap">{}</td>\n'
    '<td class="utrecht-table__cell">\n{}<br>\n<span class="zv-muted">{}, '
    '<time datetime="{}">{}</time></span>\n</td>\n'
    '<td class="utrecht-table__cell">{}<br><span class="zv-muted zv-nowrap">'
    '<time datetime="{}">{}</time></span></td>{}\n'
    "</tr>"
)
_VERSIONS_CELL = (
    '\n<td class="utrecht-table__cell utrecht-table__cell--numeric-column">\n'
    '<a class="utrecht-link utrecht-link--html-a" href="{}?{}">{}'
    '<span class="zv-visually-hidden">: {}</span></a>\n</td>'
)
_BADGE = (
    '<br><span class="utrecht-status-badge utrecht-status-badge--warning zv-badge" {}>{}</span>'
)


def _item_row(item, versions: bool, query: str) -> SafeString:
    current = item.current
    recorded = template_localtime(current.recorded_at)
    versions_cell = (
        format_html(
            _VERSIONS_CELL,
            reverse("web:item_history", args=[item.id]),
            query,
            ngettext("%(counter)s version", "%(counter)s versions", current.number)
            % {"counter": current.number},
            current.label,
        )
        if versions
        else ""
    )
    return format_html(
        _ITEM_ROW,
        current.label,
        format_html(_BADGE, "data-secrecy", _("Professional secrecy"))
        if item.under_professional_secrecy
        else "",
        format_html(_BADGE, "data-blocked", _("Blocked at the data subject's request"))
        if item.blocked_on
        else "",
        current.value,
        current.source,
        labels.label("method", current.method),
        date(current.obtained_on, "Y-m-d"),
        date(current.obtained_on, "DATE_FORMAT"),
        current.recorded_by,
        date(recorded, "c"),
        date(recorded, "SHORT_DATETIME_FORMAT"),
        versions_cell,
    )


@register.simple_tag
def item_rows(items, versions=False, query="") -> SafeString:
    """``{% item_rows items versions query %}``: a row per data item (its label with the
    badges of professional secrecy, art6.2, and of blocking, art9.4; the value; where it came
    from, how and when; who recorded it and when; with ``versions`` the link to its versions,
    carrying the page's ``query``)."""
    return format_html_join("\n", "{}", ((_item_row(i, versions, query),) for i in items))
