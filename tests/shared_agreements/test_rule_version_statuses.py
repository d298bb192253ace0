"""A ground-rules status is one entry in one table: the rule set, the API and the report follow it.

The commit-sized example of issue 19 ("a new ground-rules status in at most five files"): the
status is an entry of ``rule_versions.STATUSES`` (its code, when it holds, its refusal and its
words in Dutch and English); the command and event that reach it go in ``ground_rules.py``, with a
given/when/then test; the SDL is regenerated. A fresh interpreter adds an entry before anything
else is imported and shows every reader follows it and the SDL changes by one enum value.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gateway.schema.coordinator.common import RuleVersionStatus
from services.court_report import i18n
from services.shared_agreements.domain.rule_versions import STATUSES
from services.shared_agreements.domain.errors import NotOpenForSignature
from tests.shared_agreements.builders import COORDINATOR, hash_of, in_force_version_1, rule_set_history
from tests.support.given_when_then import given

ROOT = Path(__file__).resolve().parents[2]

# The one entry: "opgeschort", a version in force that a court's interim order suspends. In the real
# commit its event in ground_rules.py sets ``suspended_at``; here the reader is handed that state.
NEW_STATUS = '''
import services.shared_agreements.domain.rule_versions as rv
rv.STATUSES = rv.STATUSES + (
    rv.Status("suspended", 6, lambda v: getattr(v, "suspended_at", None) is not None, "is suspended by the court",
              "opgeschort door de rechter", "suspended by the court"),
)
'''

READERS = '''
import difflib, json
from datetime import datetime, timezone
from uuid import uuid4
from gateway.schema.export import sdl_files
from services.court_report import i18n
from services.shared_agreements.domain.errors import NotOpenForSignature
from services.shared_agreements.domain.ground_rules import RuleSet

rule_set = RuleSet.start(uuid4(), {"communication": ["Alleen per e-mail."]}, "coordinator")
text_hash = rule_set.offer(1, ("parent_a",), "coordinator")
rule_set.sign(1, "parent_a", text_hash, "electronic", "coordinator")
rule_set.versions[0].suspended_at = datetime(2027, 1, 4, tzinfo=timezone.utc)
try:
    rule_set.sign(1, "parent_b", text_hash, "electronic", "coordinator")
    refusal = None
except NotOpenForSignature as refused:
    refusal = refused.message
sdl_diff = []
for path, sdl in sdl_files().items():
    for line in difflib.unified_diff(path.read_text().splitlines(), sdl.splitlines(), lineterm="", n=0):
        if line[:1] in "+-" and line[:3] not in ("+++", "---"):
            sdl_diff.append(f"{path.name}: {line}")
print(json.dumps({
    "status": rule_set.view().versions[0].status,
    "in_force": rule_set.view().in_force,
    "refusal": refusal,
    "report": [i18n.word(language, "rs_suspended") for language in ("nl", "en")],
    "sdl_diff": sdl_diff,
}))
'''


def test_every_reader_takes_the_ground_rules_statuses_from_the_one_table():
    codes = [status.code for status in STATUSES]
    assert [member.value for member in RuleVersionStatus] == codes
    assert {code: (i18n.word("nl", f"rs_{code}"), i18n.word("en", f"rs_{code}")) for code in codes} == {
        status.code: (status.nl, status.en) for status in STATUSES}


def test_a_version_in_force_says_so_when_it_is_offered_for_signature_again():
    given(*rule_set_history(*in_force_version_1())).when(
        lambda rs: rs.sign(1, "parent_a", hash_of(1), "electronic", COORDINATOR)
    ).then_refused(NotOpenForSignature, "version 1 is already in force, not open for signature")


def test_a_new_ground_rules_status_is_one_table_entry_and_one_new_enum_value_in_the_sdl():
    done = subprocess.run([sys.executable, "-c", NEW_STATUS + READERS], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["status"] == "suspended"
    assert seen["in_force"] is None, "a suspended version is not the one in force"
    assert seen["refusal"] == "version 1 is suspended by the court, not open for signature"
    assert seen["report"] == ["opgeschort door de rechter", "suspended by the court"]
    assert seen["sdl_diff"] == ["coordinator.graphql: +  SUSPENDED"]
