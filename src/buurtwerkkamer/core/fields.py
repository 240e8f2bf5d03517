from typing import Any

from django.db import models


def money_field(verbose_name: Any, **options: Any) -> models.DecimalField:
    """An amount in euros: Decimal with two places, up to 9,999,999,999.99."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **options)
