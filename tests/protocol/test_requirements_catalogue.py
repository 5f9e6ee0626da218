# SPDX-License-Identifier: EUPL-1.2
"""The requirement catalogue (docs/requirements.md) and the ids that code and tests cite.

Every id the code cites is in the catalogue, and every requirement of the catalogue is proven
by a test whose name starts with its id, or is listed below as not enforced yet."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "docs" / "requirements.md"

# An id as code cites it: art4, art3.2, art3.2c, art10.1.
CITED = re.compile(r"\bart(\d+)(?:\.(\d+)([a-z])?)?\b")
# A table row of the catalogue that names a requirement.
ROW = re.compile(r"^\|\s*(art\d+(?:\.\d+[a-z]?)?|inforce)\s*\|")
# The id a test name starts with: test_art4_6_…, test_art3_2c_…, test_art10_…, test_inforce_….
TEST_NAME = re.compile(r"^\s*(?:async\s+)?def\s+test_(art(\d+)(?:_(\d+)([a-z])?)?|inforce)(?=_|\()")
SOURCES = {".py", ".toml", ".html", ".txt", ".po"}

# Requirements of the catalogue that no test proves yet: work still to do. An id leaves this
# list as soon as a test named after it lands (the last test below checks that).
NOT_YET_ENFORCED: set[str] = set()


def _id(article: str, paragraph: str | None, point: str | None) -> str:
    return f"art{article}" + (f".{paragraph}" if paragraph else "") + (point or "")


def catalogue() -> list[str]:
    """The requirement ids of the catalogue's table, in order."""
    return [
        m[1]
        for line in CATALOGUE.read_text(encoding="utf-8").splitlines()
        if (m := ROW.match(line))
    ]


def known() -> set[str]:
    """The requirements and the articles and paragraphs they belong to (art3.2c: art3.2, art3)."""
    ids = set(catalogue())
    for requirement in list(ids):
        if match := re.fullmatch(r"(art\d+)(?:\.(\d+)[a-z]?)?", requirement):
            ids.add(match[1])
            if match[2]:
                ids.add(f"{match[1]}.{match[2]}")
    return ids


def cited_in_code() -> dict[str, set[str]]:
    """Every id cited under src/ (comments, docstrings, strings, templates), with where."""
    cited: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src").rglob("*")):
        if path.suffix in SOURCES and "__pycache__" not in path.parts:
            for match in CITED.finditer(path.read_text(encoding="utf-8")):
                cited.setdefault(_id(*match.groups()), set()).add(str(path.relative_to(ROOT)))
    return cited


def cited_by_tests() -> dict[str, set[str]]:
    """The id each test name starts with, with the tests."""
    cited: dict[str, set[str]] = {}
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := TEST_NAME.match(line):
                requirement = "inforce" if match[1] == "inforce" else _id(*match.groups()[1:])
                cited.setdefault(requirement, set()).add(str(path.relative_to(ROOT)))
    return cited


def test_the_catalogue_lists_each_requirement_once_with_the_protocol_s_citation():
    ids = catalogue()
    assert len(ids) == len(set(ids))
    assert set(ids) >= {"art1", "art2", "art3.2a", "art4.6", "art8.2", "art10.3", "inforce"}
    text = CATALOGUE.read_text(encoding="utf-8")
    assert text.startswith("> **Keep this page in step with the protocol text.**")
    assert "*Privacy protocol Sociaal Domein Regio Utrecht Zuidoost*" in text
    assert "1 January 2015" in text and "Utrechtse Heuvelrug" in text


def test_every_id_the_code_cites_is_in_the_catalogue():
    cited = cited_in_code()
    assert len(cited) > 20  # the scan finds the code's citations
    unknown = {i: sorted(where) for i, where in cited.items() if i not in known()}
    assert not unknown, unknown


def test_every_id_a_test_name_cites_is_in_the_catalogue():
    unknown = {i: sorted(where) for i, where in cited_by_tests().items() if i not in known()}
    assert not unknown, unknown


def test_every_requirement_is_proven_by_a_test_named_after_it_or_listed_as_not_yet_enforced():
    cited = cited_by_tests()
    missing = [i for i in catalogue() if i not in cited and i not in NOT_YET_ENFORCED]
    assert not missing, f"no test name starts with these ids: {missing}"


def test_the_not_yet_enforced_list_names_only_requirements_that_no_test_proves():
    cited = cited_by_tests()
    assert set(catalogue()) >= NOT_YET_ENFORCED
    proven = {i: sorted(cited[i]) for i in NOT_YET_ENFORCED if i in cited}
    assert not proven, f"tests prove these now: remove them from NOT_YET_ENFORCED: {proven}"
