from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """What a document is decides who reads it, beyond the room it belongs to."""

    AGREEMENT = "agreement", _("Signed agreement")
    FUNDING = "funding", _("Funding decision")
    RECEIPT = "receipt", _("Receipt")
    INVOICE = "invoice", _("Invoice")
    STATEMENT = "statement", _("Bank statement")
    REPORT = "report", _("Annual report or accountant's statement")
    OTHER = "other", _("Other")


# Documents that those who check the books (audit committee, accountant) may read.
FINANCE_KINDS = {
    DocumentKind.FUNDING,
    DocumentKind.RECEIPT,
    DocumentKind.INVOICE,
    DocumentKind.STATEMENT,
    DocumentKind.REPORT,
}
