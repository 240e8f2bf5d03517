from .agreements import Agreement, AgreementParty, check_annual, check_period
from .funding import FundingApplication, ReportingDate
from .results import (
    Amendment,
    ObligationValue,
    PartnershipInvestment,
    ResultObligation,
)

__all__ = [
    "Agreement",
    "AgreementParty",
    "Amendment",
    "FundingApplication",
    "ObligationValue",
    "PartnershipInvestment",
    "ReportingDate",
    "ResultObligation",
    "check_annual",
    "check_period",
]
