"""The demo case: a family, its staff, and what happened in its trajectory (all invented).

Sanne de Vries (parent A) and Mark Jansen (parent B) follow Parallel Solo Ouderschap with
a counsellor each; Noor (12) and Daan (9) talk twice with a child counsellor. Dates are
fixed so that the demo, and every report made of it, is the same on every machine.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from uuid import NAMESPACE_URL, uuid5

CASE_ID = uuid5(NAMESPACE_URL, "https://evenwijdig.nl/demo/case/de-vries-jansen")
TRAJECTORY_TYPE = "parallel_solo_ouderschap_loman"

#: Demo users: the key is how the demo's JSON line names each token.
STAFF = {
    "counsellor_a": ("demo-counsellor-a", "Ineke Bos", "counsellor"),
    "counsellor_b": ("demo-counsellor-b", "Youssef El Amrani", "counsellor"),
    "coordinator": ("demo-coordinator", "Marieke Visser", "coordinator"),
    "child_counsellor": ("demo-child-counsellor", "Lotte van Dijk", "child_counsellor"),
    "auditor": ("demo-auditor", "Ruud Hendriks", "auditor"),
    "admin": ("demo-admin", "Applicatiebeheer", "admin"),
}

CHILDREN = (("Noor", date(2014, 3, 12)), ("Daan", date(2017, 9, 3)))

SIDES = {
    "parent_a": {
        "parent": "Sanne de Vries",
        "intake": date(2026, 6, 2),
        "goals": ["Rust vinden in het eigen ouderschap", "Contact over de kinderen alleen via de afgesproken kanalen"],
        "themes": ["parallel_parenting", "de_escalating_communication", "own_ground"],
        "start": date(2026, 6, 15),
        "sessions": [
            (date(2026, 6, 16), True, "Eerste gesprek: spanning rond de overdracht op vrijdag besproken."),
            (date(2026, 6, 30), True, "Oefening: berichten aan de andere ouder zakelijk en kort houden."),
            (date(2026, 7, 14), False, "ziek"),
            (date(2026, 7, 28), True, "Eigen grenzen benoemd; minder reageren op berichten buiten de afspraken."),
        ],
        "child_conversation": (date(2026, 7, 6), "Noor", "Noor vertelt dat ze de wissels op vrijdag spannend vindt."),
    },
    "parent_b": {
        "parent": "Mark Jansen",
        "intake": date(2026, 6, 4),
        "goals": ["De band met Daan versterken", "Ruzies over de omgangsregeling uit de weg gaan"],
        "themes": ["parallel_parenting", "parent_child_bond"],
        "start": date(2026, 6, 18),
        "sessions": [
            (date(2026, 6, 18), True, "Kennismaking; zorgen over de schoolkeuze van Noor."),
            (date(2026, 7, 2), True, "Gesproken over vaste rituelen in het eigen huishouden."),
            (date(2026, 7, 16), True, "Reflectie op het eerste weekend volgens de nieuwe spelregels."),
        ],
        "child_conversation": (date(2026, 7, 8), "Daan", "Daan wil graag zijn voetbalspullen in beide huizen hebben."),
    },
}

GROUND_RULES = {
    "communication": [
        "Ouders communiceren over de kinderen uitsluitend per e-mail.",
        "Een bericht over de kinderen wordt binnen 48 uur beantwoord, op werkdagen.",
        "Berichten zijn zakelijk en gaan alleen over de kinderen.",
    ],
    "care_arrangement": ["De kinderen zijn in de even weken bij moeder en in de oneven weken bij vader."],
    "handovers": ["De wissel is op vrijdag om 15:00 uur bij school; ouders spreken elkaar daarbij niet aan."],
    "school": ["Beide ouders ontvangen zelf de informatie van school en gaan elk apart naar oudergesprekken."],
    "health": ["De ouder bij wie het kind verblijft, beslist over dagelijkse zorg; medische ingrepen na overleg via de coördinator."],
    "holidays": ["De zomervakantie wordt in twee gelijke delen verdeeld; de ouder met het eerste deel wisselt jaarlijks."],
}
SIGNATURES = {"parent_a": "in_person", "parent_b": "electronic"}

DISPUTE = {
    "subject": "Wie brengt Noor naar de hockeytraining op woensdag?",
    "raised_by": "parent_b",
    "positions": {"parent_a": "Woensdag valt in de week van moeder; zij regelt het vervoer zelf.",
                  "parent_b": "Vader wil Noor blijven brengen omdat hij de trainer is."},
    "decision": "Noor gaat met de carpool van de club; geen van beide ouders brengt haar.",
    "reasoning": "Zo blijft Noor buiten de strijd en hoeven ouders elkaar op de club niet te treffen.",
}

TRANSPARENCY = {"parent_a": ["attendance", "child_conversation_held"], "parent_b": ["attendance"]}

# The family lives in regio midden (Utrecht); the demo imports that region's school holidays. The file is
# reconstructed for the demo (see its X-WR-CALDESC), not the government's download.
REGION = "midden"
SCHOOL_HOLIDAYS = ("midden", "2026-2027", Path(__file__).parent / "data" / "schoolvakanties-midden-2026-2027.ics")

CONTACT_YEAR = 2027
# Zomervakantie regio midden 2027, split in two halves; the rest of the year alternates weekly.
SUMMER = (date(2027, 7, 17), date(2027, 8, 29))
HANDOVER = (time(15, 0), "Basisschool De Regenboog")


def staff_user(key: str) -> str:
    return STAFF[key][0]
