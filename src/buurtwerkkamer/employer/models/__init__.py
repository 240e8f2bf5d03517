from .contracts import Contract, ContractEvaluation
from .recruitment import Applicant, Interview, StaffVacancy
from .volunteers import ConductCertificate, VolunteerAllowance, VolunteerTask

__all__ = [
    "Applicant",
    "ConductCertificate",
    "Contract",
    "ContractEvaluation",
    "Interview",
    "StaffVacancy",
    "VolunteerAllowance",
    "VolunteerTask",
]
