"""The roles people hold in the trust, and which of them reach the whole trust."""

from django.db import models


class Role(models.TextChoices):
    CEO = "ceo", "Chief Executive Officer"
    CFO = "cfo", "Chief Finance Officer"
    COO = "coo", "Chief Operating Officer"
    EHT = "eht", "Executive Headteacher"
    COMPLIANCE_MANAGER = "compliance_manager", "Compliance Manager"
    TRUSTEE = "trustee", "Trustee"
    ES_CHAIR = "es_chair", "Education & Standards Committee chair"
    FR_CHAIR = "fr_chair", "Finance & Risk Committee chair"
    SIP = "sip", "School Improvement Partner"
    # The clerk to the Trust Board and its committees: makes their packs, reads what the board reads.
    GOVERNANCE_PROFESSIONAL = "governance_professional", "Governance Professional"
    HEADTEACHER = "headteacher", "Headteacher"
    HEAD_OF_SCHOOL = "head_of_school", "Head of School"
    LSB_CHAIR = "lsb_chair", "Local School Board chair"
    MENTOR = "mentor", "Mentor"


TRUST_WIDE_ROLES = frozenset(
    {
        Role.CEO,
        Role.CFO,
        Role.COO,
        Role.EHT,
        Role.COMPLIANCE_MANAGER,
        Role.TRUSTEE,
        Role.ES_CHAIR,
        Role.FR_CHAIR,
        Role.SIP,
        Role.GOVERNANCE_PROFESSIONAL,
    }
)
SCHOOL_ROLES = frozenset({Role.HEADTEACHER, Role.HEAD_OF_SCHOOL, Role.LSB_CHAIR, Role.MENTOR})
HEAD_ROLES = frozenset({Role.HEADTEACHER, Role.HEAD_OF_SCHOOL})
