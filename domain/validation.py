"""Checks on what people type: Australian phone numbers, postcodes, e-mail addresses, names.

Each check returns the tidy value to store, or raises ValueError with a sentence a client can read.
"""

import re
from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from domain.language import N_, _

STATES = ("NSW", "VIC", "QLD", "SA", "WA", "TAS", "ACT", "NT")

# Australia Post's postcode ranges for each state and territory.
POSTCODE_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "NSW": ((1000, 2599), (2619, 2899), (2921, 2999)),
    "ACT": ((200, 299), (2600, 2618), (2900, 2920)),
    "VIC": ((3000, 3999), (8000, 8999)),
    "QLD": ((4000, 4999), (9000, 9999)),
    "SA": ((5000, 5999),),
    "WA": ((6000, 6999),),
    "TAS": ((7000, 7999),),
    "NT": ((800, 999),),
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def phone(value: str) -> str:
    """An Australian landline or mobile number, returned in E.164 form (+61...)."""
    text = value.strip()
    try:
        number = phonenumbers.parse(text, "AU")
    except phonenumbers.NumberParseException:
        raise ValueError(
            _("“{text}” is not a phone number. Please enter it like 0412 345 678 or 02 9876 5432.").format(
                text=text
            )
        ) from None
    if number.country_code != 61 or not phonenumbers.is_valid_number(number):
        raise ValueError(
            _(
                "“{text}” is not an Australian phone number. Please enter it like 0412 345 678 or "
                "02 9876 5432."
            ).format(text=text)
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def optional_phone(value: str | None) -> str | None:
    return phone(value) if value and value.strip() else None


def phone_for_display(e164: str | None) -> str:
    """+61412345678 -> 0412 345 678."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "AU")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


DATE_HINT = N_("dd/mm/yyyy")  # how a date is typed; shown translated: _(DATE_HINT)
_AUSTRALIAN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def day(value: str) -> date:
    """A date as Australians type it, 27/11/2026 (day first); 2026-11-27 too, as addresses and the
    API carry it. ValueError says how to write one."""
    text = value.strip()
    found = _AUSTRALIAN_DATE.fullmatch(text)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(_("Please enter a date as {hint}, like 27/11/2026.").format(hint=_(DATE_HINT)))


def day_as_typed(value: date) -> str:
    """27/11/2026: how a date reads in a date field."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def state(value: str) -> str:
    code = value.strip().upper()
    if code not in STATES:
        raise ValueError(_("Please choose a state or territory ({states}).").format(states=", ".join(STATES)))
    return code


def postcode(value: str, state_code: str) -> str:
    """A four-digit postcode that belongs to the given state or territory."""
    text = value.strip()
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(
            _("“{text}” is not a postcode. Australian postcodes have four digits, like 2000.").format(
                text=text
            )
        )
    number = int(text)
    if not any(low <= number <= high for low, high in POSTCODE_RANGES.get(state_code, ())):
        raise ValueError(
            _("Postcode {postcode} is not in {state}. Please check the postcode and the state.").format(
                postcode=text, state=state_code
            )
        )
    return text


def email(value: str) -> str:
    """An e-mail address, normalised (the domain lower-cased)."""
    text = value.strip()
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError(
            _("“{text}” is not an e-mail address. Please enter it like name@example.com.").format(text=text)
        ) from None


def needs_smtputf8(address: str) -> bool:
    """Letters beyond ASCII before the @ (margarét@…): only a mail server offering SMTPUTF8 delivers
    there. An international domain (…@bücher.example) needs nothing: it is sent as DNS spells it."""
    return not address.rpartition("@")[0].isascii()


def optional_email(value: str | None) -> str | None:
    return email(value) if value and value.strip() else None


def text(
    value: str | None,
    label: str,
    *,
    max_length: int,
    required: bool = True,
    missing: str | None = None,
    too_long: str | None = None,
) -> str:
    """Plain text of bounded length with no control characters. What is wrong is said from `label`
    ("Please enter the suburb."), in English, for the office; a client's form gives its own whole,
    translated sentences instead: `missing`, and `too_long` with a {max_length} field."""
    cleaned = _CONTROL.sub("", (value or "")).strip()
    if required and not cleaned:
        raise ValueError(missing or f"Please enter {label}.")
    if len(cleaned) > max_length:
        if too_long is not None:
            raise ValueError(too_long.format(max_length=max_length))
        raise ValueError(f"{label[0].upper()}{label[1:]} can be at most {max_length} characters.")
    return cleaned
