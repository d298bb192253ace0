"""The canonical text a parent signs is defined byte for byte, so its hash can be recomputed."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from services.shared_agreements.domain.errors import InvalidRules, TextMismatch
from services.shared_agreements.domain.rules_text import canonical_text, checked_hash, normalised_rules, text_hash
from tests.shared_agreements.builders import CASE

EXPECTED = (
    "Spelregels\n"
    "Zaak: 6f1c0f7e-3b7a-4a51-9a53-1f0d7f6c2b10\n"
    "Versie: 3\n"
    "\n"
    "1. Communicatieafspraken (kanaal, reactietermijnen, toon)\n"
    "1.1 Alleen per e-mail.\n"
    "1.2 Zakelijke toon:\n"
    "    geen verwijten,\n"
    "\n"
    "    geen hoofdletters.\n"
    "\n"
    "6. Overdrachten\n"
    "6.1 Op school.\n"
)


def test_the_canonical_text_numbers_categories_by_their_fixed_place_and_indents_further_lines():
    rules = normalised_rules({
        "handovers": ["Op school."],
        "communication": ["Alleen per e-mail.  ", "Zakelijke toon:\r\ngeen verwijten,\r\n\r\ngeen hoofdletters.\n"],
    })
    assert canonical_text(CASE, 3, rules) == EXPECTED


def test_the_hash_is_the_sha256_of_the_utf8_bytes_of_the_canonical_text():
    assert text_hash(EXPECTED) == hashlib.sha256(EXPECTED.encode("utf-8")).hexdigest()


def test_composed_and_decomposed_spellings_give_the_same_text_and_hash():
    composed = unicodedata.normalize("NFC", "Coördinator beslist.")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    texts = [canonical_text(CASE, 1, normalised_rules({"school": [t]})) for t in (composed, decomposed)]
    assert texts[0] == texts[1] and text_hash(texts[0]) == text_hash(texts[1])


def test_the_version_number_is_part_of_the_signed_text():
    rules = normalised_rules({"school": ["Ouder A regelt de ouderavond."]})
    assert text_hash(canonical_text(CASE, 1, rules)) != text_hash(canonical_text(CASE, 2, rules))


@pytest.mark.parametrize("rules, fragment", [
    ({}, "at least one rule"),
    ({"school": []}, "at least one rule"),
    ({"school": ["   "]}, "empty"),
    ({"school": "Een tekst"}, "list"),
    ({"school": ["bel\x07"]}, "control"),
    ({"pets": ["De hond gaat mee."]}, "pets"),
])
def test_malformed_rules_are_refused(rules, fragment):
    with pytest.raises(InvalidRules, match=fragment):
        normalised_rules(rules)


def test_a_signed_hash_is_accepted_in_capitals_and_with_spaces_but_must_be_64_hex_digits():
    digest = text_hash(EXPECTED)
    assert checked_hash(" ".join([digest[:32].upper(), digest[32:]])) == digest
    with pytest.raises(TextMismatch, match="64"):
        checked_hash(digest[:-1])
