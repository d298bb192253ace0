"""The shared-agreements context's public face: what callers outside it may use besides the application.

Its commands' inputs and accepted codes, its views and errors, the as-of reads the court
report makes, and the events it publishes to the flows that follow it (the case header).
Nothing here reaches its store.
"""

from __future__ import annotations

from services.shared_agreements.as_of import AgreementsAsOf
from services.shared_agreements.domain.case import (
    ERASURE_REQUEST, RETENTION_ENDED, TRAJECTORY_TYPES, Case, Child, Parent,
)
from services.shared_agreements.domain.contact_schedule import (
    HOLIDAY, REGULAR, ContactRange, ContactScheduleNotFound, ScheduleView,
)
from services.shared_agreements.domain.errors import CaseNotFound
from services.shared_agreements.domain.ground_rules import SIGNATURE_METHODS
from services.shared_agreements.domain.joint_session_rules import KINDS, JointSessionRoom, JointSessionView
from services.shared_agreements.domain.mediation import CONVERSATION_KINDS, NETWORK_PARTNERS
from services.shared_agreements.domain.mediation import NetworkMeeting as NetworkMeetingView
from services.shared_agreements.domain.mediation_views import (
    ConversationView, MediationPhaseView, MediationView, ParentCounts,
)
from services.shared_agreements.domain.rule_versions import (
    DRAFT, IN_FORCE, OFFERED, REVOKED, STATUSES as RULE_VERSION_STATUSES, SUPERSEDED, WITHDRAWN,
)
from services.shared_agreements.domain.rules_text import CATEGORY_CODES
from services.shared_agreements.domain.school_holidays import SchoolHolidays
from services.shared_agreements.domain.transparency import SHAREABLE_CATEGORIES
from services.shared_agreements.domain.views import (
    CaseView, DisputeView, GroundRulesView, ParentView, RuleVersionView, TransparencyView,
)

# The case header's events, as the flows to the staff directory and the parent sides read them.
CaseRegistered = Case.CaseRegistered
ParentalAuthorityRecorded = Case.ParentalAuthorityRecorded
ParentEnrolled = Case.ParentEnrolled
PhaseStarted = Case.PhaseStarted
RegionRecorded = Case.RegionRecorded
# The practice's school-holiday lists, as the flow to every side reads them.
SchoolHolidaysImported = SchoolHolidays.Imported
SchoolHolidaysReplaced = SchoolHolidays.Replaced

__all__ = [
    "Parent", "Child", "ContactRange", "TRAJECTORY_TYPES", "CATEGORY_CODES", "SIGNATURE_METHODS",
    "SHAREABLE_CATEGORIES", "KINDS", "HOLIDAY", "REGULAR", "DRAFT", "OFFERED", "IN_FORCE", "SUPERSEDED", "WITHDRAWN",
    "REVOKED", "RULE_VERSION_STATUSES", "ERASURE_REQUEST", "RETENTION_ENDED", "CaseView", "ParentView", "GroundRulesView", "RuleVersionView", "DisputeView", "TransparencyView",
    "ScheduleView", "JointSessionView", "JointSessionRoom", "CONVERSATION_KINDS", "NETWORK_PARTNERS", "NetworkMeetingView", "ConversationView", "MediationPhaseView", "MediationView",
    "ParentCounts", "AgreementsAsOf", "CaseNotFound", "ContactScheduleNotFound",
    "CaseRegistered", "ParentalAuthorityRecorded", "ParentEnrolled", "PhaseStarted", "RegionRecorded", "SchoolHolidaysImported", "SchoolHolidaysReplaced",
]
