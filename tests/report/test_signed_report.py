"""A signed report a court can check without the practice: independent tools, one changed byte, the anchor.

The practice here is the development one (a CA and certificate generated into the test's
data directory); a court would be given the practice's CA, as ``--trust`` is here.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import shutil
import subprocess
from dataclasses import replace

import pytest
from asn1crypto import cms
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext

from services.court_report import build_report, make_report, render_json
from services.court_report.certificates import DEVELOPMENT_DIR, development_ca
from services.court_report.provenance import Issuer
from services.court_report.render_pdf import render_pdf
from tests.report.builders import COORDINATOR, EVERYTHING, closed_side, now, registered_case, release, share
from tests.support.processes import run_cli

PROCEEDING = "C/16/123456 / FA RK 26-789"


@pytest.fixture
def made(settings, contexts, tmp_path):
    settings = replace(settings, practice_name="Praktijk Parallel Utrecht",
                       practice_registrations=(("KvK", "12345678"), ("AGB", "90123456")),
                       audit_anchor=str(tmp_path / "outside" / "anchor.jsonl"))
    issuer = Issuer.from_settings(settings)
    case_id = registered_case(contexts)
    closed_side(contexts, case_id, "parent_a")
    share(contexts, case_id, "parent_a", EVERYTHING)
    release(contexts, case_id, "parent_a")
    as_of = now()
    reports = {fmt: make_report(contexts, case_id, as_of=as_of, format=fmt, actor=COORDINATOR, role="coordinator",
                                proceeding=PROCEEDING, issuer=issuer) for fmt in ("pdf", "json")}
    files = {"pdf": tmp_path / "rapport.pdf", "json": tmp_path / "rapport.json"}
    for fmt, path in files.items():
        path.write_bytes(reports[fmt].content)
    (tmp_path / "rapport.json.p7s").write_bytes(reports["json"].signature)
    ca = development_ca(settings.data_dir / DEVELOPMENT_DIR)
    return {"reports": reports, "files": files, "ca": ca, "anchor": settings.anchor, "contexts": contexts,
            "case_id": case_id, "as_of": as_of, "tmp": tmp_path}


def changed_one_byte(data: bytes, *, keep_json: bool = False) -> bytes:
    """The same file with one bit of one byte in the middle of the signed content flipped.

    ``keep_json`` flips the first digit from a third of the way on (a digit stays a digit), so the
    damaged file is still a JSON report and what fails is the signature, wherever the layout puts it.
    """
    damaged = bytearray(data)
    at = len(damaged) // 3
    while keep_json and not chr(damaged[at]).isdigit():
        at += 1
    damaged[at] ^= 0x01
    return bytes(damaged)


def trust(ca) -> ValidationContext:
    return ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)
                                          for _, _, der in asn1_pem.unarmor(ca.read_bytes(), multiple=True)])


def test_the_pdf_s_signature_validates_with_pyhanko_and_fails_after_one_byte_is_changed(made):
    data = made["files"]["pdf"].read_bytes()
    status = validate_pdf_signature(PdfFileReader(io.BytesIO(data)).embedded_signatures[0], trust(made["ca"]))
    assert status.bottom_line and status.coverage.name == "ENTIRE_FILE"
    damaged = PdfFileReader(io.BytesIO(changed_one_byte(data))).embedded_signatures[0]
    assert not validate_pdf_signature(damaged, trust(made["ca"])).intact


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_poppler_s_pdfsig_finds_the_signature_valid_and_a_changed_byte_invalid(made):
    checked = subprocess.run(["pdfsig", str(made["files"]["pdf"])], capture_output=True, text=True, check=False)
    assert "Signature is Valid." in checked.stdout and "Total document signed" in checked.stdout
    damaged = made["tmp"] / "damaged.pdf"
    damaged.write_bytes(changed_one_byte(made["files"]["pdf"].read_bytes()))
    checked = subprocess.run(["pdfsig", str(damaged)], capture_output=True, text=True, check=False)
    assert "Signature is Valid." not in checked.stdout


def test_the_json_s_detached_signature_validates_and_fails_after_one_byte_is_changed(made):
    data = made["files"]["json"].read_bytes()
    signed = cms.ContentInfo.load(made["reports"]["json"].signature)["content"]
    status = asyncio.run(async_validate_detached_cms(data, signed, signer_validation_context=trust(made["ca"])))
    assert status.bottom_line
    damaged = asyncio.run(async_validate_detached_cms(changed_one_byte(data), signed,
                                                      signer_validation_context=trust(made["ca"])))
    assert not damaged.intact


def test_signing_keeps_the_unsigned_document_as_the_signed_file_s_first_bytes(made):
    pdf = made["reports"]["pdf"]
    report = build_report(made["contexts"], made["case_id"], made["as_of"])
    unsigned = render_pdf(report, pdf.provenance)
    assert pdf.content.startswith(unsigned) and len(pdf.content) > len(unsigned)
    assert pdf.content_sha256 == hashlib.sha256(render_json(report)).hexdigest() == made["reports"]["json"].content_sha256


def test_the_provenance_names_the_practice_who_made_it_the_proceeding_and_the_checkpoints(made):
    document = json.loads(made["files"]["json"].read_bytes())
    provenance = document["provenance"]
    assert provenance["practice"] == {"name": "Praktijk Parallel Utrecht", "registrations": [
        {"register": "KvK", "number": "12345678"}, {"register": "AGB", "number": "90123456"}]}
    assert provenance["made_by"]["role"] == "coordinator" and provenance["proceeding"] == PROCEEDING
    assert provenance["report_id"] == str(made["reports"]["json"].report_id)
    assert provenance["software"]["name"] == "evenwijdig" and provenance["signature"]["development"] is True
    by_context = {c["context"]: c for c in provenance["checkpoints"]}
    for source in document["sources"]:
        if source["position"] is not None:
            checkpoint = by_context[source["context"]]
            assert (checkpoint["position"], checkpoint["head"]) == (source["position"], source["head"])
    [record] = [r for r in made["contexts"].shared.court_reports(made["case_id"]) if r.format == "json"]
    assert (record.software_version, record.lock_sha256, record.content_sha256) == (
        provenance["software"]["version"], provenance["software"]["lock_sha256"], provenance["content_sha256"])


def verify(*args, env=None):
    return run_cli("report", "verify", *map(str, args), env=env or {})


@pytest.mark.parametrize("fmt", ["pdf", "json"])
def test_the_verify_command_checks_signature_certificate_content_and_anchor_and_names_what_fails(made, fmt):
    path = made["files"][fmt]
    done = verify(path, "--trust", made["ca"], "--anchor", made["anchor"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True

    path.write_bytes(changed_one_byte(path.read_bytes(), keep_json=fmt == "json"))
    damaged = verify(path, "--trust", made["ca"], "--anchor", made["anchor"])
    assert damaged.returncode == 1 and "changed after signing" in damaged.stderr


def test_the_published_checkpoint_key_verifies_the_embedded_checkpoints_and_another_key_does_not(settings, made):
    from dataclasses import replace as changed

    from tests.support.processes import environ_for

    env = environ_for(settings)
    published = made["tmp"] / "checkpoint-key.pub.pem"
    done = run_cli("audit", "public-key", env=env)
    assert done.returncode == 0 and done.stdout.startswith("-----BEGIN PUBLIC KEY-----"), done.stderr
    published.write_text(done.stdout)
    assert verify(made["files"]["json"], "--trust", made["ca"], "--checkpoint-key", published).returncode == 0
    other = run_cli("audit", "public-key", env=environ_for(changed(settings, data_dir=made["tmp"] / "elsewhere")))
    published.write_text(other.stdout)
    refused = verify(made["files"]["json"], "--trust", made["ca"], "--checkpoint-key", published)
    assert refused.returncode == 1 and "checkpoint key" in refused.stderr


def test_a_report_whose_checkpoints_the_practice_did_not_publish_fails(made):
    elsewhere = made["tmp"] / "other-anchor.jsonl"
    elsewhere.write_text("")
    done = verify(made["files"]["pdf"], "--trust", made["ca"], "--anchor", elsewhere)
    assert done.returncode == 1 and "not in the anchor" in done.stderr


def test_without_the_practice_s_ca_the_certificate_is_not_trusted(made):
    done = verify(made["files"]["pdf"])
    assert done.returncode == 1 and "trusted root" in done.stderr


def test_no_report_is_made_from_a_history_that_does_not_verify(settings, contexts):
    from services.court_report.anchoring import HistoryDoesNotVerify
    from tests.audit.tamper import RawStore

    issuer = Issuer.from_settings(settings)
    case_id = registered_case(contexts)
    closed_side(contexts, case_id, "parent_a")
    raw = RawStore(settings, "parent_a_context")
    with raw.connection(around_guards=True) as conn:  # the link of the side's first event, overwritten
        conn.execute(raw.q("UPDATE {chain} SET link = %s WHERE position = %s"), (bytes(32), raw.positions()[0]))
    with pytest.raises(HistoryDoesNotVerify):
        make_report(contexts, case_id, as_of=now(), format="pdf", actor=COORDINATOR, issuer=issuer)
    assert contexts.shared.court_reports(case_id) == ()
