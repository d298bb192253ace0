"""Signing court reports with the practice's certificate: PAdES for the PDF, detached CMS for the JSON.

The PDF is signed in an incremental update (pyHanko): the bytes fpdf2 wrote stay the
first bytes of the signed file, unchanged, and the signature covers all of them, so
the unsigned document can be taken back out and compared with a report made again.
The JSON's signature is a detached CMS (``.p7s``) over its exact bytes, which
``openssl cms -verify -binary`` checks as well as ``evenwijdig report verify``.

With ``EVENWIJDIG_REPORT_TSA_URL`` an RFC 3161 time-stamp token from that authority goes
into each signature (the only network call a report makes, and only when configured).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from pyhanko import stamp
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from services.court_report.certificates import SigningMaterial

FIELD_NAME = "Handtekening"
FONT = "DejaVuSans.ttf"


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: a page (0-based) and a rectangle in PDF points from the bottom left."""

    page: int
    box: tuple[int, int, int, int]


class ReportSigner:
    def __init__(self, material: SigningMaterial, tsa_url: str = "") -> None:
        certificates = [asn1_x509.Certificate.load(der) for _, _, der in asn1_pem.unarmor(material.certificate_pem,
                                                                                          multiple=True)]
        if not certificates:
            raise ValueError("the report-signing certificate file holds no certificate")
        self.certificate, self.chain = certificates[0], certificates[1:]
        self.development = material.development
        self._signer = signers.SimpleSigner(
            signing_cert=self.certificate, signing_key=load_private_key_from_pemder_data(material.key_pem, None),
            cert_registry=SimpleCertificateStore.from_certs(self.chain),
        )
        self._timestamper = timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None

    def describe(self) -> dict[str, object]:
        """The certificate as a report names it before it is signed: subject, issuer, fingerprint, validity."""
        return {
            "subject": _common_name(self.certificate.subject), "issuer": _common_name(self.certificate.issuer),
            "serial_number": format(self.certificate.serial_number, "x"),
            "sha256_fingerprint": hashlib.sha256(self.certificate.dump()).hexdigest(),
            "valid_until": self.certificate.not_valid_after.isoformat(),
            "development": self.development, "timestamp_authority": self._timestamper is not None,
        }

    def sign_pdf(self, pdf: bytes, where: SignatureBox, *, reason: str, location: str, label: str) -> bytes:
        """``pdf`` with a visible PAdES signature in ``where``, appended as an incremental update."""
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        fields.append_signature_field(writer, fields.SigFieldSpec(FIELD_NAME, on_page=where.page, box=where.box))
        metadata = PdfSignatureMetadata(field_name=FIELD_NAME, reason=reason, location=location or None,
                                        md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES)
        with tempfile.TemporaryDirectory() as scratch:
            appearance = Path(scratch) / "appearance.pdf"
            appearance.write_bytes(_appearance(where, [label, _common_name(self.certificate.subject),
                                                       "SHA-256 " + self.describe()["sha256_fingerprint"][:32]]))
            style = stamp.StaticStampStyle.from_pdf_file(str(appearance), border_width=0)
            signer = PdfSigner(metadata, self._signer, timestamper=self._timestamper, stamp_style=style)
            return signer.sign_pdf(writer).getvalue()

    def sign_detached(self, data: bytes) -> bytes:
        """A detached CMS signature (DER) over ``data``, with the certificate chain."""
        async def sign() -> bytes:
            signed = await self._signer.async_sign_general_data(data, "sha256", detached=True,
                                                                timestamper=self._timestamper)
            return signed.dump()
        return asyncio.run(sign())


def _appearance(where: SignatureBox, lines: list[str]) -> bytes:
    """What the signature field shows: a page the size of the box, in the report's own embedded font.

    Drawn with fpdf2 rather than pyHanko's text stamp, whose OpenType layout spaced the
    glyphs wrongly here; the signing time is in every reader's signature panel.
    """
    from fpdf import FPDF

    from services.court_report.render_pdf import FONTS

    # fontTools says it drops DejaVu's FFTM table when subsetting; that is expected, not worth a line on stderr.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

    x1, y1, x2, y2 = where.box
    page = FPDF(unit="pt", format=(x2 - x1, y2 - y1))
    page.set_margins(4, 4, 4)
    page.set_auto_page_break(False)
    page.add_page()
    page.add_font("Sans", "", FONTS / FONT)
    page.set_font("Sans", size=7.5)
    page.set_y(5)
    for line in lines:
        page.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(page.output())


def _common_name(name: asn1_x509.Name) -> str:
    return str(name.native.get("common_name") or name.human_friendly)
