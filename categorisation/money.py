"""Money as the trust writes it: £44,000, and -£12,000 for a deficit."""

from decimal import ROUND_HALF_UP, Decimal


def money(value) -> str:
    if value is None:
        return ""
    pounds = Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    sign = "-" if pounds < 0 else ""
    return f"{sign}£{abs(pounds):,}"


def percent(value) -> str:
    """2.10 -> "2.1%", 5.00 -> "5%"."""
    return f"{Decimal(value).normalize():f}%"
