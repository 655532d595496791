"""Money in integer cents: prices of units, percentages, and how a price splits between payers."""


from domain.language import formats


def percent_of(cents: int, pct: int) -> int:
    """pct% of an amount, rounded half up to the cent (never a float)."""
    return (cents * pct + 50) // 100


def price_cents(units_hundredths: int, rate_cents: int) -> int:
    """The price of a quantity in hundredths of a unit (150 = 1.5 hours) at a rate per unit."""
    return (units_hundredths * rate_cents + 50) // 100


def split_contribution(price: int, contribution_pct: int) -> tuple[int, int]:
    """(subsidy, client contribution) of a price; the two always add up to the price."""
    contribution = percent_of(price, contribution_pct)
    return price - contribution, contribution


def dollars(cents: int) -> str:
    """12345 -> "$123.45"; -500 -> "−$5.00" (a true minus sign, read out by screen readers); in the
    reader's language."""
    return formats.dollars(cents)
