"""The canonical text of a ground-rules version, and the SHA-256 a parent signs.

A signature must prove which words were signed, years later, in court. So the text is
defined byte for byte, and anyone can recompute the hash from the stored rules:

* Unicode NFC, encoded as UTF-8, lines ending in LF only, no trailing spaces;
  no control characters other than LF and TAB inside a rule.
* Line 1 ``Spelregels``; line 2 ``Zaak: <case id>``; line 3 ``Versie: <n>``; then
  for every category that holds rules, in the fixed order of ``CATEGORIES``: a blank
  line, ``<k>. <title>``, and each rule as ``<k>.<i> <rule>`` (``k`` is the category's
  fixed number, ``i`` counts from 1). A rule's further lines are indented four spaces.
* The text ends with one LF.

The case id and version number are part of the text, so a signature on one version can
never be presented as a signature on another version or another case.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Mapping, Sequence
from uuid import UUID

from services.shared_agreements.domain.errors import InvalidRules, TextMismatch

# Category code, Dutch title. The order and numbering are part of the signed text:
# never reorder, only append.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("communication", "Communicatieafspraken (kanaal, reactietermijnen, toon)"),
    ("care_arrangement", "Zorgregeling"),
    ("school", "School"),
    ("health", "Gezondheid"),
    ("holidays", "Vakanties en feestdagen"),
    ("handovers", "Overdrachten"),
    ("supervised_contact", "Begeleide omgang"),
)
CATEGORY_CODES: tuple[str, ...] = tuple(code for code, _ in CATEGORIES)
CATEGORY_TITLES: dict[str, str] = dict(CATEGORIES)

_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_HEX_HASH = re.compile(r"[0-9a-f]{64}")


def normalised_rules(rules: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The rules as they will be stored and printed: known categories, fixed order, clean text."""
    unknown = sorted(set(rules) - set(CATEGORY_CODES))
    if unknown:
        raise InvalidRules(f"unknown rule category {unknown[0]!r}; use one of {', '.join(CATEGORY_CODES)}")
    result = {}
    for code in CATEGORY_CODES:
        texts = rules.get(code) or []
        if isinstance(texts, str):
            raise InvalidRules(f"the rules of {code!r} must be a list of rules, not one text")
        cleaned = [_normalised_rule(code, text) for text in texts]
        if cleaned:
            result[code] = cleaned
    if not result:
        raise InvalidRules("a ground-rules version needs at least one rule")
    return result


def _normalised_rule(code: str, text: str) -> str:
    if not isinstance(text, str):
        raise InvalidRules(f"a rule in {code!r} is not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    if not text.strip():
        raise InvalidRules(f"a rule in {code!r} is empty")
    if _FORBIDDEN_CONTROL.search(text):
        raise InvalidRules(f"a rule in {code!r} holds control characters")
    return text


def canonical_text(case_id: UUID, version: int, rules: Mapping[str, Sequence[str]]) -> str:
    """The exact text a parent signs (rules as returned by ``normalised_rules``)."""
    lines = ["Spelregels", f"Zaak: {case_id}", f"Versie: {version}"]
    for number, (code, title) in enumerate(CATEGORIES, start=1):
        if not rules.get(code):
            continue
        lines += ["", f"{number}. {title}"]
        for index, rule in enumerate(rules[code], start=1):
            first, *rest = rule.split("\n")
            lines.append(f"{number}.{index} {first}")
            lines += [f"    {line}" if line else "" for line in rest]
    return "\n".join(lines) + "\n"


def text_hash(text: str) -> str:
    """SHA-256 of the UTF-8 bytes, as 64 lowercase hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def checked_hash(signed_hash: str) -> str:
    """The hash as a parent's paper or e-signature gives it, in the stored form."""
    value = "".join((signed_hash or "").split()).lower()
    if not _HEX_HASH.fullmatch(value):
        raise TextMismatch("the signed text's fingerprint must be a SHA-256 of 64 hexadecimal digits")
    return value
