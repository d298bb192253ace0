"""The report's words in Dutch (the court's language, the default) and English.

Codes in the report's data (steps, statuses, methods) stay codes; the renderers look up
their label here. Text the parents signed (the ground rules) and text that was written
in the case (decisions, pause reasons) is never translated: a court reads what was agreed.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

LANGUAGES = ("nl", "en")
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
    "rs_draft": ("concept, niet ter ondertekening aangeboden", "draft, not offered for signature"),
    "rs_offered": ("ter ondertekening aangeboden", "offered for signature"), "rs_in_force": ("van kracht", "in force"),
    "rs_superseded": ("vervangen door een latere versie", "superseded by a later version"),
    "rs_revoked": ("herroepen", "revoked"), "rs_withdrawn": ("aanbod ingetrokken voor een nieuwere versie",
                                                            "offer withdrawn for a newer version"),
    "offered_at": ("Aangeboden op", "Offered on"), "in_force": ("Van kracht", "In force"),
    "from_until": ("van {start} tot {end}", "from {start} until {end}"), "from": ("vanaf {start}", "from {start}"),
    "never_in_force": ("niet van kracht geweest", "never in force"),
    "not_yet_in_force": ("nog niet: niet alle ouders hebben getekend", "not yet: not every parent has signed"),
    "revocation": ("Herroepen op {date}, reden: {reason}", "Revoked on {date}, reason: {reason}"),
    "text_hash": ("SHA-256 van de tekst", "SHA-256 of the text"), "signatures": ("Handtekeningen", "Signatures"),
    "method": ("Wijze", "Method"), "signed_hash": ("Ondertekende SHA-256", "SHA-256 signed"),
    "recorded": ("Vastgelegd", "Recorded"), "no_signatures": ("Nog geen handtekeningen.", "No signatures yet."),
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
    "s_verification": ("Verantwoording en controle", "Sources and verification"),
    "context": ("Context", "Context"), "position": ("Positie", "Position"), "head": ("Kettinghash op die positie",
                                                                                   "Chain hash at that position"),
    "events": ("Gebeurtenissen", "Events"), "no_events": ("geen gebeurtenissen van deze zaak",
                                                          "no events of this case"),
    "ctx_parent_a_context": ("ouder A", "parent A"), "ctx_parent_b_context": ("ouder B", "parent B"),
    "ctx_shared_agreements": ("gedeelde afspraken", "shared agreements"),
    "s_never": ("Wat deze rapportage nooit bevat", "What this report never contains"),
}

VERIFY = {
    "nl": (
        "Deze rapportage is berekend uit de vastgelegde geschiedenis van drie gescheiden gegevensbronnen (contexten), "
        "met alleen gebeurtenissen die op of vóór het moment 'stand per' zijn vastgelegd. Per context staat hierboven "
        "de positie van de laatste gebruikte gebeurtenis van deze zaak en de kettinghash (SHA-256) op die positie; die "
        "hash dekt de volledige geschiedenis van de context tot en met die positie.",
        "Controle van de geschiedenis: 'evenwijdig audit verify' herberekent per context de hele hashketen uit de "
        "opgeslagen gebeurtenissen en noemt de eerste plek waar iets is gewijzigd, verwijderd of verplaatst. "
        "'evenwijdig audit replay --context <context> --case <zaak>' toont de gebeurtenissen zelf.",
        "Reproductie: 'evenwijdig report <zaak> --as-of <stand per> --format pdf|json --language <taal> -o <bestand>' "
        "geeft, ook later, byte voor byte dezelfde rapportage. De SHA-256 van elke uitgegeven rapportage staat in het "
        "register van rapportages van de zaak; vergelijk die met 'sha256sum <bestand>'.",
    ),
    "en": (
        "This report was computed from the recorded history of three separate stores (contexts), using only events "
        "recorded at or before the 'as of' moment. For each context the table above names the position of the last "
        "event of this case that was used and the chain hash (SHA-256) at that position; that hash covers the "
        "context's whole history up to and including that position.",
        "Checking the history: 'evenwijdig audit verify' recomputes each context's hash chain from the stored events "
        "and names the first place where anything was changed, removed or moved. "
        "'evenwijdig audit replay --context <context> --case <case>' shows the events themselves.",
        "Reproduction: 'evenwijdig report <case> --as-of <as of> --format pdf|json --language <language> -o <file>' "
        "gives, also later, the same report byte for byte. The SHA-256 of every report handed out is in the case's "
        "register of reports; compare it with 'sha256sum <file>'.",
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

TRAJECTORY_TYPES_EN = {
    "parallel_ouderschap": "Parallel parenting", "parallel_solo_ouderschap_loman": "Parallel solo parenting",
    "parallel_solo_coaching": "Parallel solo parenting (coaching)", "opnieuw_verbinden": "Reconnecting",
    "gezinsbemiddeling_fase_1": "Systemic family mediation, phase 1",
    "gezinsbemiddeling_fase_2": "Systemic family mediation, phase 2",
    "parallel_ouderschap_fase_1": "Parallel parenting, phase 1",
    "parallel_ouderschap_fase_2": "Parallel parenting, phase 2",
}


def word(language: str, key: str, **values: object) -> str:
    """The label ``key`` in ``language``, with ``{placeholders}`` filled in."""
    text = _WORDS[key][LANGUAGES.index(language)]
    return text.format(**values) if values else text


def day(language: str, iso: str | None) -> str:
    """A calendar day as a court reads it: 16-06-2026 (Dutch) or 2026-06-16 (English)."""
    if not iso:
        return word(language, "unknown")
    on = date.fromisoformat(iso[:10])
    return on.strftime("%d-%m-%Y") if language == "nl" else on.isoformat()


def moment(language: str, iso: str | None) -> str:
    """A moment in UTC to the second: 22-11-2026 11:21:13 UTC."""
    if not iso:
        return word(language, "unknown")
    at = datetime.fromisoformat(iso).astimezone(timezone.utc)
    return f"{day(language, at.date().isoformat())} {at.strftime('%H:%M:%S')} UTC"


def long_moment(language: str, iso: str) -> str:
    """The report's own moment in words: 22 november 2026, 11:21:13 UTC."""
    at = datetime.fromisoformat(iso).astimezone(timezone.utc)
    months = _MONTHS_NL if language == "nl" else _MONTHS_EN
    return f"{at.day} {months[at.month - 1]} {at.year}, {at.strftime('%H:%M:%S')} UTC"
