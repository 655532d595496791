"""A suburb typed with another suburb's postcode (Marrickville 2000) is questioned before it is
saved: the shipped suburb table knows Marrickville NSW is 2204. Saving again keeps what was typed."""

import pytest
from nicegui.testing import User

from adapters import geocoding
from domain.profile import changes
from tests.profile.test_profile_page import client_row, field
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in

MARRICKVILLE = {"street": "5 Illawarra Road", "suburb": "Marrickville", "state": "NSW"}


def test_the_table_knows_a_suburbs_postcodes() -> None:
    assert geocoding.postcodes_of("marrickville", "NSW") == {"2204"}
    assert geocoding.postcodes_of("Marrickville", "VIC") == frozenset()
    assert geocoding.postcodes_of("Nowhere Creek", "NSW") == frozenset()


def test_a_mismatch_is_questioned_and_nothing_is_saved(personas: Personas) -> None:
    margaret = personas.client.client_id
    before = client_row(margaret)
    with pytest.raises(changes.PostcodeUnusual) as questioned:
        changes.update_home_address(personas.client, margaret, **MARRICKVILLE, postcode="2000")
    assert questioned.value.fields["postcode"] == (
        "Marrickville NSW has the postcode 2204, not 2000. Please check the postcode and the suburb; "
        "if 2000 is right, save again to keep it."
    )
    assert (client_row(margaret).home_street, client_row(margaret).home_postcode) == (
        before.home_street,
        before.home_postcode,
    )
    with pytest.raises(changes.PostcodeUnusual):
        changes.update_postal_address(
            personas.client, margaret, same_as_home=False, **MARRICKVILLE, postcode="2000"
        )


def test_the_right_postcode_or_a_confirmed_one_is_saved(personas: Personas) -> None:
    margaret = personas.client.client_id
    saved = changes.update_home_address(personas.client, margaret, **MARRICKVILLE, postcode="2204")
    assert saved.home.postcode == "2204"
    kept = changes.update_home_address(
        personas.client, margaret, **MARRICKVILLE, postcode="2000", keep_postcode="2000"
    )
    assert kept.home.postcode == "2000"
    unknown = changes.update_home_address(
        personas.client,
        margaret,
        street="1 Hidden Track",
        suburb="Nowhere Creek",
        state="NSW",
        postcode="2999",
    )
    assert unknown.home.postcode == "2999"  # a suburb the table does not know: nothing to say


async def test_the_profile_warns_before_saving_and_keeps_it_when_saved_again(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    user.find(marker="home_suburb").clear().type("Marrickville")
    user.find(marker="home_postcode").clear().type("2000")
    user.find("Save home address").click()
    await eventually(lambda: field(user, "home_postcode").error is not None, "the postcode questioned")
    assert "Marrickville NSW has the postcode 2204, not 2000" in field(user, "home_postcode").error
    assert client_row(margaret).home_postcode == "2204"  # nothing saved yet
    user.find("Save home address").click()
    await eventually(lambda: client_row(margaret).home_postcode == "2000", "saved on the second tap")
