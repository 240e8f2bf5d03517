"""The brokering resources: agreements with their parties, commitments, result
obligations and investments; funding applications with their reporting dates."""

from .agreements import AgreementViewSet, FundingApplicationViewSet
from .obligations import ResultObligationViewSet

__all__ = ["AgreementViewSet", "FundingApplicationViewSet", "ResultObligationViewSet"]
