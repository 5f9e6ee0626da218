# SPDX-License-Identifier: EUPL-1.2
"""The repository stands on its own (a clone needs nothing beside it) and says its licence."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SPDX = "# SPDX-License-Identifier: EUPL-1.2"
# Built from parts, so that this file does not name what it looks for.
OUTSIDE = ("../" + "shared", "shared/" + "PROTOCOL", "shared/" + "adr", "shared/" + "DESIGN")


def tracked() -> list[Path]:
    git = shutil.which("git")
    assert git, "the tests of the repository need git"
    listing = subprocess.run(
        [git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout
    return [ROOT / name for name in listing.split("\0") if name]


def test_no_tracked_file_refers_to_a_directory_beside_the_checkout():
    files = tracked()
    assert ROOT / "README.md" in files
    found = {}
    for path in files:
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            if hits := [needle for needle in OUTSIDE if needle in text]:
                found[str(path.relative_to(ROOT))] = hits
    assert not found, found


def _licence_line(path: Path) -> str | None:
    """The line that must carry the licence: the first, or the second after a shebang."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = 1 if lines and lines[0].startswith("#!") else 0
    return lines[at] if len(lines) > at else None


def test_every_python_file_and_script_says_its_licence_on_its_first_line():
    """Every Python file under src/, tests/ and bench/ (tracked or new) and every script."""
    files = [
        path
        for top in ("src", "tests", "bench")
        for path in sorted((ROOT / top).rglob("*.py"))
        if "__pycache__" not in path.parts
    ]
    files += [*sorted((ROOT / "bin").iterdir()), ROOT / ".ci" / "run"]
    assert len(files) > 200
    missing = [str(path.relative_to(ROOT)) for path in files if _licence_line(path) != SPDX]
    assert not missing, f"add `{SPDX}` as the first line (after a shebang) to: {missing}"


def test_the_licence_is_the_eupl_1_2():
    assert (
        (ROOT / "LICENSE")
        .read_text(encoding="utf-8")
        .startswith("# EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    )
    assert 'license = "EUPL-1.2"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "  license: EUPL-1.2\n" in (ROOT / "publiccode.yml").read_text(encoding="utf-8")
