"""The chart of accounts and the journals of the export.

Account and journal names are Dutch whatever the user's language: they are the
names in the cooperative's books, which the accountant maps once to the chart of
their own software.

Petty cash is one ledger account with the room as cost centre on every line
(XAF's `costID`), not one account per room: the chart then stays the same when
rooms open or close, and bookkeeping software reads `costID` as its cost centre
(kostenplaats), so balances per room remain available there. Costs carry the
room the same way."""

from dataclasses import dataclass

from ..constants import ExpenseCategory, FixedCostCategory

# XAF 3.2 account types: balance sheet or profit and loss.
BALANCE = "B"
PROFIT_AND_LOSS = "P"

DEBIT = "D"
CREDIT = "C"


@dataclass(frozen=True)
class Account:
    number: str
    name: str
    kind: str


@dataclass(frozen=True)
class Journal:
    code: str
    name: str
    # XAF 3.2 journal type: B bank, C cash, P purchases.
    kind: str
    offset: Account | None = None


BANK = Account("1100", "Bank coöperatie", BALANCE)
PETTY_CASH = Account("1200", "Handgeld buurtwerkkamers", BALANCE)
CREDITORS = Account("1600", "Crediteuren", BALANCE)

FIXED_COSTS: dict[str, Account] = {
    FixedCostCategory.SALARIES: Account(
        "4000", "Salarissen en honoraria", PROFIT_AND_LOSS
    ),
    FixedCostCategory.RENT: Account("4100", "Huur", PROFIT_AND_LOSS),
    FixedCostCategory.UTILITIES: Account(
        "4110", "Gas, water en elektra", PROFIT_AND_LOSS
    ),
    FixedCostCategory.INSURANCE: Account("4200", "Verzekeringen", PROFIT_AND_LOSS),
    FixedCostCategory.PHONE: Account("4300", "Telefoon en internet", PROFIT_AND_LOSS),
    FixedCostCategory.OTHER: Account("4900", "Overige vaste lasten", PROFIT_AND_LOSS),
}

PETTY_CASH_COSTS: dict[str, Account] = {
    ExpenseCategory.A: Account(
        "4510", "Handgeld A: koffie, thee en dergelijke", PROFIT_AND_LOSS
    ),
    ExpenseCategory.B: Account(
        "4520", "Handgeld B: catering en maaltijden", PROFIT_AND_LOSS
    ),
    ExpenseCategory.C: Account(
        "4530", "Handgeld C: reizen en parkeren", PROFIT_AND_LOSS
    ),
    ExpenseCategory.D: Account(
        "4540", "Handgeld D: schoonmaakmiddelen", PROFIT_AND_LOSS
    ),
    ExpenseCategory.E: Account("4550", "Handgeld E: kantoorartikelen", PROFIT_AND_LOSS),
    ExpenseCategory.F: Account(
        "4560", "Handgeld F: materialen voor activiteiten en diensten", PROFIT_AND_LOSS
    ),
}

CHART: tuple[Account, ...] = (
    BANK,
    PETTY_CASH,
    CREDITORS,
    *FIXED_COSTS.values(),
    *PETTY_CASH_COSTS.values(),
)

BANK_JOURNAL = Journal("BNK", "Bank coöperatie", "B", offset=BANK)
CASH_JOURNAL = Journal("KAS", "Handgeld buurtwerkkamers", "C", offset=PETTY_CASH)
PURCHASE_JOURNAL = Journal("INK", "Inkoop vaste lasten", "P")
JOURNALS: tuple[Journal, ...] = (BANK_JOURNAL, CASH_JOURNAL, PURCHASE_JOURNAL)
