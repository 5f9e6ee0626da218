# SPDX-License-Identifier: EUPL-1.2
"""The repository stands on its own: a clone needs nothing beside it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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
