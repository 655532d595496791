"""What people type: Australian phone numbers, postcodes, e-mail addresses."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import validation


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0412 345 678", "+61412345678"),
        ("0412345678", "+61412345678"),
        ("+61 412 345 678", "+61412345678"),
        ("(02) 9876 5432", "+61298765432"),
        ("02 9876 5432", "+61298765432"),
        ("1300 123 456", "+611300123456"),
    ],
)
def test_australian_numbers_are_accepted_and_stored_in_one_form(typed: str, stored: str) -> None:
    assert validation.phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "0412 345", "phone me", "+44 20 7946 0958", "0412 345 678 9", ""])
def test_other_numbers_are_refused_with_an_example(typed: str) -> None:
    with pytest.raises(ValueError, match="0412 345 678"):
        validation.phone(typed)


def test_a_stored_number_reads_back_the_australian_way() -> None:
    assert validation.phone_for_display("+61412345678") == "0412 345 678"
    assert validation.phone_for_display("+61298765432") == "(02) 9876 5432"


@pytest.mark.parametrize(
    ("postcode", "state"),
    [("2000", "NSW"), ("2600", "ACT"), ("0800", "NT"), ("3000", "VIC"), ("2619", "NSW"), ("7000", "TAS")],
)
def test_postcodes_of_their_state_are_accepted(postcode: str, state: str) -> None:
    assert validation.postcode(postcode, state) == postcode


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("200", "four digits"),
        ("20000", "four digits"),
        ("2o00", "four digits"),
        ("3000", "not in NSW"),
        ("2600", "not in NSW"),
    ],
)
def test_wrong_postcodes_are_refused_with_the_reason(postcode: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validation.postcode(postcode, "NSW")


@given(st.integers(min_value=0, max_value=9999))
def test_every_four_digit_postcode_belongs_to_at_most_one_state_except_shared_ranges(number: int) -> None:
    text = f"{number:04d}"
    owners = []
    for state in validation.STATES:
        try:
            validation.postcode(text, state)
            owners.append(state)
        except ValueError:
            pass
    assert len(owners) <= 1


def test_email_addresses_are_normalised() -> None:
    assert validation.email("  Margaret.Wilson@Example.COM ") == "Margaret.Wilson@example.com"


@pytest.mark.parametrize("typed", ["margaret", "margaret@", "@example.com", "m@example", "m w@example.com"])
def test_broken_email_addresses_are_refused_with_an_example(typed: str) -> None:
    with pytest.raises(ValueError, match=r"name@example\.com"):
        validation.email(typed)


def test_text_is_trimmed_bounded_and_stripped_of_control_characters() -> None:
    assert validation.text("  Graham\x00 Wilson\n ", "a name", max_length=20) == "Graham Wilson"
    with pytest.raises(ValueError, match="Please enter a name"):
        validation.text("   ", "a name", max_length=20)
    with pytest.raises(ValueError, match="at most 5 characters"):
        validation.text("abcdefg", "a name", max_length=5)
