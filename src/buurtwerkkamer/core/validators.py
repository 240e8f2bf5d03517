"""Validators for Dutch identifiers and bank accounts, on top of libraries made for
them (schwifty for IBAN, python-stdnum for postcodes)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import postcode as nl_postcode

KVK_PATTERN = re.compile(r"^\d{8}$")


def normalise_iban(value: str) -> str:
    """Return the IBAN in its compact form, or raise a Dutch message."""
    try:
        return IBAN(value).compact
    except SchwiftyException as error:
        raise ValidationError(
            _("%(value)s is not a valid IBAN."),
            code="invalid_iban",
            params={"value": value},
        ) from error


def validate_iban(value: str) -> None:
    normalise_iban(value)


def validate_kvk_number(value: str) -> None:
    """A KvK number is eight digits; it has carried no check digit since 2016."""
    if not KVK_PATTERN.match(value or ""):
        raise ValidationError(
            _("A KvK number consists of exactly eight digits."), code="invalid_kvk"
        )


def normalise_postcode(value: str) -> str:
    try:
        return nl_postcode.validate(value)
    except StdnumError as error:
        raise ValidationError(
            _("%(value)s is not a valid Dutch postcode."),
            code="invalid_postcode",
            params={"value": value},
        ) from error


def validate_postcode(value: str) -> None:
    if value:
        normalise_postcode(value)
