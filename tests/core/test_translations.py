"""Dutch is the default language: every string the interface can show has a Dutch
translation, and the catalogue is current with the code."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "buurtwerkkamer"
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"
ENTRY = re.compile(r'^msgid "(.*)"\n((?:".*"\n)*)', re.MULTILINE)


def msgids(po: str) -> set[str]:
    """The message ids of a catalogue, continuation lines joined."""
    found = set()
    for first, rest in ENTRY.findall(po):
        text = first + "".join(re.findall(r'^"(.*)"$', rest, re.MULTILINE))
        if text:
            found.add(text)
    return found


def untranslated(po: str) -> list[str]:
    blocks = po.split("\n\n")
    missing = []
    for block in blocks:
        if "msgid" not in block or 'msgid ""\nmsgstr ""\n"' in block:
            continue
        if "#, fuzzy" in block or re.search(r'msgstr(\[\d\])? ""\Z', block.strip()):
            missing.append(block.strip().splitlines()[-2])
    return missing


def test_every_message_in_the_catalogue_has_a_dutch_translation() -> None:
    assert untranslated(CATALOGUE.read_text()) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "buurtwerkkamer"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "-l",
            "nl",
            "--no-location",
            "--no-obsolete",
            "--ignore=demo/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = msgids((copy / "locale/nl/LC_MESSAGES/django.po").read_text())
    assert sorted(fresh - msgids(CATALOGUE.read_text())) == []
