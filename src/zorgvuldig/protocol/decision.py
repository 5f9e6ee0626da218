"""What comes out of decide(): a decision per data category, explained by article."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from zorgvuldig.protocol.vocabulary import Category


class Obligation(StrEnum):
    """What a decision obliges the gate to do besides processing."""

    ANNOTATE_DOSSIER = "annotate-dossier"


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
    explanation: str

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
