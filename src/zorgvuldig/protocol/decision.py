# SPDX-License-Identifier: EUPL-1.2
"""What comes out of decide(): a decision per data category, explained by article."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from zorgvuldig.protocol.vocabulary import CATEGORIES, Category


class Obligation(StrEnum):
    """What a decision obliges the gate to do besides processing."""

    ANNOTATE_DOSSIER = "annotate-dossier"  # art4.6, art8.2: a note in the client's dossier


class Access(StrEnum):
    """What a processing's access to the client rests on (art3.2c)."""

    ASSIGNED = "assigned"  # assigned to an open support trajectory of the client
    INTAKE = "intake"  # this processing opens the trajectory
    DIRECTOR = "director"  # director (regisseur) of a household of the client
    REFERRAL = "referral"  # the client waits for intake after a referral
    MELDCODE = "meldcode"  # the Veilig Thuis liaison, for an open Meldcode case (art8)
    EMERGENCY = "emergency"  # broke the glass for this client
    REQUEST = "request"  # the privacy officer handling a request of the data subject (art9)
    OVERSIGHT = "oversight"  # privacy officer or FG, for accountability: identification only


@dataclass(frozen=True, slots=True)
class Refusal:
    """One reason a request is refused: the article, what is wrong, what would allow it."""

    article: str
    reason: str
    remedy: str

    def sentence(self) -> str:
        return f"{self.reason} ({article_label(self.article)}). {self.remedy}"


@dataclass(frozen=True, slots=True)
class CategoryOutcome:
    category: Category
    allowed: bool
    articles: tuple[str, ...]
    refusals: tuple[Refusal, ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    outcomes: tuple[CategoryOutcome, ...]
    articles: tuple[str, ...]
    obligations: tuple[Obligation, ...]
    # The dossier annotation the obligations ask for, and the article it is made under (art4.6:
    # the ground and the justification; art8.2: what Veilig Thuis received).
    annotation: str = ""
    annotation_article: str = ""
    # Refusals that are not about one category (a request without categories, art5.1).
    general_refusals: tuple[Refusal, ...] = ()
    # art3.2c: what the actor's access rests on when allowed (:data:`ACCESS_GROUNDS`): the
    # gate shows a dossier as it may be shown to whoever reaches it so.
    access: str = ""

    @property
    def allowed(self) -> bool:
        """True when every requested category is allowed."""
        return bool(self.outcomes) and all(o.allowed for o in self.outcomes)

    @property
    def allowed_categories(self) -> tuple[Category, ...]:
        return tuple(o.category for o in self.outcomes if o.allowed)

    @property
    def refused_categories(self) -> tuple[Category, ...]:
        return tuple(o.category for o in self.outcomes if not o.allowed)

    @property
    def status(self) -> str:
        """``allowed``, ``partial`` or ``refused``: the value the processing log keeps."""
        if self.allowed:
            return "allowed"
        return "partial" if self.allowed_categories else "refused"

    @property
    def explanation(self) -> str:
        """A Dutch explanation for the caseworker, with what would make a refusal allowed."""
        return explain(self)


def explain(decision: Decision) -> str:
    sentences = [r.sentence() for r in decision.general_refusals]
    refused = [o for o in decision.outcomes if not o.allowed]
    allowed = decision.allowed_categories
    by_refusal: dict[Refusal, list[Category]] = {}
    for outcome in refused:
        for refusal in outcome.refusals:
            by_refusal.setdefault(refusal, []).append(outcome.category)
    for refusal, categories in by_refusal.items():
        if len(categories) == len(decision.outcomes):
            sentences.append(refusal.sentence())
        else:
            sentences.append(f"{_labels(categories)} – {refusal.sentence()}")
    if allowed:
        cited = ", ".join(
            article_label(a)
            for a in dict.fromkeys(a for o in decision.outcomes if o.allowed for a in o.articles)
        )
        prefix = "Toegestaan" if not refused else f"Toegestaan voor {_labels(allowed)}"
        sentences.insert(0, f"{prefix} ({cited}).")
        if Obligation.ANNOTATE_DOSSIER in decision.obligations:
            sentences.insert(
                1, "Zonder toestemming verwerkt; dit wordt in het dossier aangetekend."
            )
    return " ".join(sentences)


def _labels(categories) -> str:
    return ", ".join(CATEGORIES[c] for c in categories)


def article_label(article_id: str) -> str:
    """How the protocol cites itself: ``art4.6`` -> ``art. 4 lid 6``, ``art3.2c`` -> ``art. 3 lid
    2 onder c``."""
    number = article_id.removeprefix("art")
    if "." not in number:
        return f"art. {number}"
    article, paragraph = number.split(".", 1)
    if paragraph[-1].isalpha():
        return f"art. {article} lid {paragraph[:-1]} onder {paragraph[-1]}"
    return f"art. {article} lid {paragraph}"
