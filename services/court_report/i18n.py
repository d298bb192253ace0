"""The report's words in Dutch (the court's language, the default) and English.

Codes in the report's data (steps, statuses, methods) stay codes; the renderers look up
their label here. Text the parents signed (the ground rules) and text that was written
in the case (decisions, pause reasons) is never translated: a court reads what was agreed.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from services.platform.trajectory_types import TYPES
from services.shared_agreements.api import RULE_VERSION_STATUSES

LANGUAGES = ("nl", "en")
#: The court's time zone: every moment on paper is local time with its offset to UTC (the JSON keeps UTC).
LOCAL = ZoneInfo("Europe/Amsterdam")
_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Rapportage voor de rechter", "Report for the court"),
    "subtitle": ("Parallel ouderschap — verslag van het traject uit Evenwijdig",
                 "Parallel parenting — account of the trajectory from Evenwijdig"),
    "case_id": ("Zaak", "Case"), "as_of": ("Stand per", "As of"),
    "page": ("Pagina {n} van {total}", "Page {n} of {total}"),
    "s_case": ("Zaak", "Case"), "trajectory_type": ("Trajectsoort", "Trajectory type"),
    "phases": ("Fasen van de zaak", "Phases of the case"), "phase": ("Fase", "Phase"),
    "phase_since": ("Vanaf", "From"), "phase_reason": ("Reden van de overgang", "Reason for the move"),
    "phase_heading": ("Fase {n}: {title}", "Phase {n}: {title}"),
    "registered_on": ("Zaak geregistreerd op", "Case registered on"), "children": ("Kinderen", "Children"),
    "born": ("geboren {year}", "born {year}"),
    "counsellors": ("Ouderbegeleider(s)", "Counsellor(s)"),
    "counsellor_since": ("{name} (vanaf {date})", "{name} (from {date})"), "parents": ("Ouders", "Parents"), "parent": ("Ouder", "Parent"),
    "name": ("Naam", "Name"), "follows": ("Volgt het traject", "Follows the trajectory"),
    "authority": ("Ouderlijk gezag", "Parental authority"), "yes": ("ja", "yes"), "no": ("nee", "no"),
    "parent_a": ("Ouder A", "Parent A"), "parent_b": ("Ouder B", "Parent B"),
    "no_trajectory": ("Deze ouder had op dit moment geen traject.", "This parent had no trajectory at this moment."),
    "steps": ("Verloop van het traject", "Course of the trajectory"), "step": ("Stap", "Step"),
    "date": ("Datum", "Date"), "time": ("Tijd", "Time"), "status": ("Status", "Status"),
    "st_intake": ("Intakegesprek", "Intake"), "st_goals_proposed": ("Voorstel met doelstellingen", "Goals proposed"),
    "st_consent_given": ("Toestemming gegeven", "Consent given"),
    "st_consent_withdrawn": ("Toestemming ingetrokken", "Consent withdrawn"),
    "st_agreed": ("Akkoord van de ouder", "Parent's agreement"), "st_started": ("Start van het traject", "Start"),
    "st_closed": ("Afsluiting met eindevaluatie", "Closed with closing evaluation"),
    "sc_trajectory": ("traject", "trajectory"), "sc_child_conversations": ("kindgesprekken", "child conversations"),
    "transparency": ("Afspraken over transparantie", "Transparency agreements"),
    "shared_as_of": ("Gedeeld volgens de afspraak van {date}: {what}.",
                     "Shared under the agreement of {date}: {what}."),
    "nothing_agreed": ("Deze ouder heeft geen afspraak over transparantie gemaakt; alleen het verloop wordt vermeld.",
                       "This parent made no transparency agreement; only the course is reported."),
    "nothing": ("niets", "nothing"),
    "withheld": ("Niet gedeeld volgens de afspraken over transparantie.",
                 "Not shared under the transparency agreements."),
    "c_attendance": ("aanwezigheid", "attendance"), "c_goals": ("doelstellingen", "goals"),
    "c_child_conversation_held": ("kindgesprekken", "child conversations"),
    "c_practitioner": ("de ouderbegeleider", "the counsellor"),
    "c_evaluation": ("eindevaluatie", "closing evaluation"), "c_session_themes": ("thema's", "themes"),
    "sessions": ("Individuele gesprekken", "Individual sessions"),
    "kind": ("Soort", "Kind"), "count": ("Aantal", "Number"), "dates": ("Data", "Dates"),
    "held": ("Gevoerd", "Held"), "missed": ("Gemist", "Missed"), "upcoming": ("Gepland, nog niet vastgelegd",
                                                                           "Planned, not yet recorded"),
    "cancelled": ("Geannuleerd", "Cancelled"),
    "plan": ("Plan volgens de trajectsoort: ongeveer {n} gesprekken.",
             "Plan of the trajectory type: about {n} sessions."),
    "child_conversations": ("Kindgesprekken", "Child conversations"), "child": ("Kind", "Child"),
    "held_by": ("Gevoerd door", "Held by"),
    "held_by_note": ("Een kindgesprek wordt altijd gevoerd door een andere hulpverlener dan die van de ouder.",
                     "A child conversation is always held by a counsellor other than the parent's own."),
    "none_recorded": ("Geen.", "None."),
    "evaluation": ("Eindevaluatie", "Closing evaluation"),
    "evaluation_included": ("Door de ouder op {date} vrijgegeven voor rapportage aan de rechter:",
                            "Released by the parent on {date} for a report to the court:"),
    "evaluation_not_included": ("Niet opgenomen: de ouder heeft een eindevaluatie niet vrijgegeven voor rapportage "
                                "aan de rechter, of niet gedeeld volgens de afspraken over transparantie.",
                                "Not included: the parent did not release a closing evaluation for a report to the "
                                "court, or did not share it under the transparency agreements."),
    "not_closed": ("Het traject is op dit moment niet afgesloten; er is nog geen eindevaluatie.",
                   "The trajectory was not closed at this moment; there is no closing evaluation yet."),
    "s_rules": ("Spelregels", "Ground rules"), "version": ("Versie {n}", "Version {n}"),
    "offered_at": ("Aangeboden op", "Offered on"), "in_force": ("Van kracht", "In force"),
    "from_until": ("van {start} tot {end}", "from {start} until {end}"), "from": ("vanaf {start}", "from {start}"),
    "never_in_force": ("niet van kracht geweest", "never in force"),
    "not_yet_in_force": ("nog niet: niet alle ouders hebben getekend", "not yet: not every parent has signed"),
    "revocation": ("Herroepen op {date}, reden: {reason}", "Revoked on {date}, reason: {reason}"),
    "text_hash": ("SHA-256 van de tekst", "SHA-256 of the text"), "signatures": ("Handtekeningen", "Signatures"),
    "method": ("Wijze", "Method"), "signed_hash": ("Ondertekende SHA-256", "SHA-256 signed"),
    "recorded": ("Vastgelegd", "Recorded"), "signed_on": ("Getekend op", "Signed on"),
    "authority_missing": ("Let op: geen ouderlijk gezag meer vastgelegd voor {parents}, terwijl dit traject dat "
                          "vereist.", "Note: no parental authority is recorded any more for {parents}, which this "
                          "trajectory requires."),
    "rules_awaiting_signature_of": ("Let op: de spelregels die van kracht zijn, zijn niet getekend door {parents}, "
                                    "die later aan het traject deelnam.", "Note: the ground rules in force were not "
                                    "signed by {parents}, who joined the trajectory later."),
    "no_signatures": ("Nog geen handtekeningen.", "No signatures yet."),
    "m_in_person": ("in persoon", "in person"), "m_scanned_wet_signature": ("gescande handtekening",
                                                                          "scanned wet signature"),
    "m_electronic": ("elektronisch", "electronic"), "signed_text": ("Ondertekende tekst", "Text signed"),
    "draft_rules": ("Regels in het concept", "Rules in the draft"), "no_rules": ("Er zijn nog geen spelregels.",
                                                                                "There are no ground rules yet."),
    "s_decisions": ("Bindende beslissingen", "Binding decisions"),
    "dispute": ("Geschil {n}: {subject}", "Dispute {n}: {subject}"), "raised_by": ("Voorgelegd door", "Raised by"),
    "decision": ("Beslissing", "Decision"), "reasoning": ("Motivering", "Reasoning"),
    "decided_at": ("Beslist op", "Decided on"), "no_decisions": ("Er zijn geen bindende beslissingen genomen.",
                                                                "No binding decisions were taken."),
    "s_joint": ("Gezamenlijke gesprekken", "Joint sessions"), "number": ("Nr.", "No."),
    "duration": ("Duur", "Duration"), "minutes": ("{n} min", "{n} min"),
    "js_planned": ("gepland", "planned"), "js_paused": ("stilgelegd", "paused"), "js_held": ("gevoerd", "held"),
    "js_cancelled": ("geannuleerd", "cancelled"), "present": ("aanwezig", "present"), "absent": ("afwezig", "absent"),
    "unknown": ("—", "—"), "pauses": ("Stilgelegd", "Paused"),
    "pause": ("Gesprek {n} stilgelegd om {at}{by}: {reason}; {resumed}.",
              "Session {n} paused at {at}{by}: {reason}; {resumed}."),
    "pause_by": (" vanwege {parent}", " because of {parent}"), "resumed": ("hervat om {at}", "resumed at {at}"),
    "not_resumed": ("niet hervat", "not resumed"), "moved": ("Verzet van {dates}.", "Moved from {dates}."),
    "no_joint": ("Er zijn geen gezamenlijke gesprekken gepland.", "No joint sessions were planned."),
    "s_mediation": ("Gesprekken van de begeleider (gezinsbemiddeling)", "The begeleider's conversations (family "
                                                                        "mediation)"),
    "mediation_phase": ("Fase {n}: {title}", "Phase {n}: {title}"),
    "mediation_network": ("De begeleider was aanwezig bij {s} gesprek(ken) met het Sociaal Team en {j} met "
                          "Jeugdbescherming.", "The begeleider attended {s} meeting(s) with the Sociaal Team and {j} "
                          "with Jeugdbescherming."),
    "mediation_term": ("16 schoolweken vanaf de kennismaking op {began}, tot en met {end}.",
                       "16 school weeks from the intake on {began}, up to and including {end}."),
    "mediation_term_unknown": ("16 schoolweken vanaf de kennismaking op {began}; het einde is niet bekend: geen "
                               "schoolvakantielijst van de regio dekt de hele termijn.",
                               "16 school weeks from the intake on {began}; the end is not known: no school-holiday "
                               "list of the region covers the whole term."),
    "kind_intake": ("Kennismaking", "Intake"), "kind_joint": ("Gezamenlijk", "Joint"),
    "kind_individual": ("Individueel", "Individual"),
    "attended_missed": ("{a} aanwezig, {m} afwezig", "{a} attended, {m} missed"),
    "s_verification": ("Verantwoording en controle", "Sources and verification"),
    "context": ("Bron", "Store"), "position": ("Positie", "Position"), "head": ("Kettinghash op die positie",
                                                                                   "Chain hash at that position"),
    "events": ("Gebeurtenissen", "Events"), "no_events": ("geen gebeurtenissen van deze zaak",
                                                          "no events of this case"),
    "ctx_parent_a_context": ("Ouder A", "Parent A"), "ctx_parent_b_context": ("Ouder B", "Parent B"),
    "ctx_shared_agreements": ("Gedeelde afspraken", "Shared agreements"),
    "as_of_exact": ("Exact moment (UTC)", "Exact moment (UTC)"),
    "s_never": ("Wat deze rapportage nooit bevat", "What this report never contains"),
    "s_provenance": ("Verantwoording", "Provenance"), "practice": ("Praktijk", "Practice"),
    "registrations": ("Registraties", "Registrations"), "proceeding": ("Procedure", "Proceeding"),
    "no_proceeding": ("niet vermeld", "not named"), "made_by": ("Opgemaakt door", "Made by"),
    "made_at": ("Opgemaakt op", "Made on"), "report_id": ("Rapportnummer", "Report id"),
    "software": ("Software", "Software"), "content_sha256": ("Inhoud-SHA-256", "Content SHA-256"),
    "signed_with": ("Ondertekend met", "Signed with"), "unsigned": ("niet ondertekend", "not signed"),
    "development_certificate": ("ONTWIKKELCERTIFICAAT, niet voor gebruik in rechte",
                                "DEVELOPMENT CERTIFICATE, not for use in court"),
    "signature_box": ("Digitale handtekening van de praktijk", "Digital signature of the practice"),
    "signature_reason": ("Rapportage voor de rechter, zaak {case}, stand per {as_of}",
                         "Report for the court, case {case}, as of {as_of}"),
    "signed_label": ("Digitaal ondertekend (PAdES) door", "Digitally signed (PAdES) by"),
    "checkpoints": ("Ondertekende controlepunten", "Signed checkpoints"), "checkpoint": ("Nr.", "No."),
    "signed_at": ("Ondertekend op", "Signed on"), "key": ("Sleutel", "Key"),
    "page_of": ("Pagina {n} van {total} · rapportnummer {report}", "Page {n} of {total} · report id {report}"),
}
# A ground-rules version's status, in the words its one table in the shared context gives it.
_WORDS.update({f"rs_{status.code}": (status.nl, status.en) for status in RULE_VERSION_STATUSES})

VERIFY = {
    "nl": (
        "Deze rapportage is berekend uit de vastgelegde geschiedenis van drie gescheiden gegevensbronnen (ouder A, "
        "ouder B en de gedeelde afspraken), met alleen gebeurtenissen die op of vóór het moment 'stand per' zijn "
        "vastgelegd. Per bron staat hierboven de positie van de laatste gebruikte gebeurtenis van deze zaak en de "
        "kettinghash (SHA-256) op die positie; die hash dekt de volledige geschiedenis van de bron tot en met die "
        "positie.",
        "De praktijk heeft elke kettinghash ondertekend (een controlepunt) en buiten de gegevensbronnen vastgelegd; "
        "de controlepunten staan in de tabel hierboven en in de JSON-versie. Wie de geschiedenis "
        "later wijzigt, inkort of herschrijft, kan die controlepunten niet meer laten kloppen.",
        "Controle zonder de praktijk: de digitale handtekening (PAdES) toont en controleert elke gangbare "
        "PDF-lezer, of 'pdfsig' (poppler) en de validator van pyHanko; een gewijzigde byte maakt haar ongeldig. "
        "De inhoud-SHA-256 is voor elke rapportage van deze zaak per hetzelfde moment en in dezelfde taal gelijk: "
        "de praktijk kan haar opnieuw opmaken en zo aantonen dat zij niet is veranderd.",
    ),
    "en": (
        "This report was computed from the recorded history of three separate stores (parent A, parent B and the "
        "shared agreements), using only events recorded at or before the 'as of' moment. For each store the table "
        "above names the position of the last event of this case that was used and the chain hash (SHA-256) at "
        "that position; that hash covers the store's whole history up to and including that position.",
        "The practice signed each chain hash (a checkpoint) and recorded it outside the stores; the checkpoints "
        "are listed in the table above and in the JSON version. Whoever changes, truncates or "
        "rewrites the history later cannot make those checkpoints hold any more.",
        "Checking without the practice: any common PDF reader shows and checks the digital signature (PAdES), as "
        "do 'pdfsig' (poppler) and pyHanko's validator; one changed byte invalidates it. The content SHA-256 is "
        "the same for every report of this case as of the same moment in the same language: the practice can "
        "make it again and so show that it has not changed.",
    ),
}

NEVER = {
    "nl": ("Privénotities van gesprekken, doelstellingen en thema's van gesprekken, samenvattingen van "
           "kindgesprekken, eindevaluaties die de ouder niet heeft vrijgegeven, redenen van gemiste of geannuleerde "
           "gesprekken, standpunten die in geschillen zijn doorgegeven, waarom een hulpverlener werd vervangen, en "
           "alles wat een ouder volgens de afspraken over transparantie niet deelt."),
    "en": ("Private session notes, goals and session themes, summaries of child conversations, closing evaluations "
           "the parent did not release, reasons for missed or cancelled sessions, positions relayed in disputes, why a "
           "counsellor was replaced, and anything a parent does not share under the transparency agreements."),
}

#: The types' English names are the types' own data, like their Dutch titles.
TRAJECTORY_TYPES_EN = {code: entry.name_en for code, entry in TYPES.items()}
TRAJECTORY_TITLES_NL = {code: entry.name_nl for code, entry in TYPES.items()}


def word(language: str, key: str, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled in."""
    text = _WORDS[key][LANGUAGES.index(language)]
    return text.format(**values) if values else text


def day(language: str, iso: str | None) -> str:
    """A calendar day, one format per language: 16-06-2026 (Dutch) or 16 Jun 2026 (English).

    A moment (with a time) is the day it was in Amsterdam, not in UTC.
    """
    if not iso:
        return word(language, "unknown")
    on = datetime.fromisoformat(iso).astimezone(LOCAL).date() if len(iso) > 10 else date.fromisoformat(iso)
    if language == "nl":
        return on.strftime("%d-%m-%Y")
    return f"{on.day:02d} {_MONTHS_EN[on.month - 1][:3]} {on.year}"


def moment(language: str, iso: str | None) -> str:
    """A moment in Amsterdam time to the second, with its offset to UTC: 22-11-2026 12:21:13 (UTC+01:00)."""
    if not iso:
        return word(language, "unknown")
    at = datetime.fromisoformat(iso).astimezone(LOCAL)
    offset = at.strftime("%z")
    return f"{day(language, at.date().isoformat())} {at.strftime('%H:%M:%S')} (UTC{offset[:3]}:{offset[3:]})"


def long_moment(language: str, iso: str) -> str:
    """The report's own moment: the same format as every other moment in it."""
    return moment(language, iso)


def role(language: str, code: str) -> str:
    """The role someone made a report in, in words."""
    return _ROLES.get(code, (code, code))[LANGUAGES.index(language)]


_ROLES = {"coordinator": ("coördinator", "coordinator"), "auditor": ("auditor", "auditor"),
          "operator": ("beheerder, via de opdrachtregel", "operator, command line")}
