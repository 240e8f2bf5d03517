"""The cooperative's journal: its chart of accounts, the entries of a year built
from the finance records, and the exports an accountant loads into Dutch
bookkeeping software (XML Auditfile Financieel 3.2 and CSV)."""
